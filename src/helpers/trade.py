"""Cambodia–Japan merchandise trade: tidy flows per reporter, mirror gaps, shares, claims on series.

The IMF DOTS rows (``trade_dots``) are stated from the reporter's side: Cambodia's exports to
Japan appear as ``KHM → JPN exports_fob`` and, in the mirror, as ``JPN → KHM imports_cif``. The
functions here put both reporters on Cambodia's point of view (``exports`` = Cambodia's exports
to Japan, ``imports`` = Cambodia's imports from Japan), so that a balance is always Cambodia's.
"""

from __future__ import annotations

import pandas as pd

from helpers.periods import period_label

__all__ = [
    "BASIS_LABELS",
    "COMPOSITION_DIRECTIONS",
    "FLOW_COLUMNS",
    "REPORTER_NAMES",
    "annual_rows",
    "approvals_table",
    "balance_by_reporter",
    "cagr",
    "claims_on_series",
    "composition_by_direction",
    "flows_by_reporter",
    "implied_totals",
    "is_full_year",
    "japan_shares",
    "mirror_gap",
    "PARTNER_NAMES",
    "partner_shares",
    "surplus_years",
]

REPORTER_NAMES = {"KHM": "Cambodia", "JPN": "Japan"}
# Indicator code -> column of flows_by_reporter holding the same quantity.
FLOW_COLUMNS = {"trade_total": "total", "trade_exports_kh_to_jp": "exports", "trade_imports_kh_from_jp": "imports"}
BASIS_LABELS = {
    "KHM_customs": "Cambodia (GDCE)",
    "JPN_customs": "Japan (customs, via JETRO/GTA)",
    "other": "other or unnamed agency",
}
# (reporter, partner, flow) -> direction seen from Cambodia.
_DIRECTION = {
    ("KHM", "JPN", "exports_fob"): "exports",
    ("KHM", "JPN", "imports_cif"): "imports",
    ("JPN", "KHM", "imports_cif"): "exports",
    ("JPN", "KHM", "exports_fob"): "imports",
}
# trade_composition direction code -> plain label (seen from the exporter).
COMPOSITION_DIRECTIONS = {"kh_to_jp": "Cambodia's exports to Japan", "jp_to_kh": "Japan's exports to Cambodia"}
def flows_by_reporter(dots: pd.DataFrame, years: range | None = None) -> pd.DataFrame:
    """Return bilateral trade per year and reporter, from Cambodia's point of view.

    Parameters
    ----------
    dots : pandas.DataFrame
        ``helpers.load("trade_dots")``: ``year, reporter, partner, flow, value_usd, estimate``.
    years : range, optional
        Years to show; a year without a value keeps a row with missing values, so that a line
        drawn from the result breaks at the gap instead of bridging it.

    Returns
    -------
    pandas.DataFrame
        Columns ``year, reporter`` (``Cambodia``/``Japan``), ``exports``, ``imports`` (US$,
        Cambodia's exports to and imports from Japan), ``total`` and ``balance`` (only where both
        flows are known), and ``estimate`` (true if either flow is an IMF estimate), sorted by
        reporter then year.

    Examples
    --------
    >>> dots = pd.DataFrame({"year": [2000, 2000], "reporter": ["JPN", "JPN"], "partner": ["KHM", "KHM"],
    ...                      "flow": ["imports_cif", "exports_fob"], "value_usd": [5, 3],
    ...                      "estimate": [False, False]})
    >>> row = flows_by_reporter(dots).iloc[0]
    >>> row["reporter"], float(row["exports"]), float(row["imports"]), float(row["balance"])
    ('Japan', 5.0, 3.0, 2.0)
    """
    keys = list(zip(dots["reporter"], dots["partner"], dots["flow"], strict=True))
    rows = dots.assign(direction=[_DIRECTION.get(k) for k in keys]).dropna(subset=["direction"])
    rows = rows.assign(reporter=rows["reporter"].map(REPORTER_NAMES))
    values = rows.pivot_table(index=["reporter", "year"], columns="direction", values="value_usd", aggfunc="sum")
    values = values.reindex(columns=["exports", "imports"]).astype("float64")
    flagged = rows.assign(estimate=rows["estimate"].fillna(False).astype(bool))
    estimate = flagged.groupby(["reporter", "year"])["estimate"].any()
    if years is not None:
        full = pd.MultiIndex.from_product([sorted(REPORTER_NAMES.values()), list(years)], names=["reporter", "year"])
        values = values.reindex(full)
        estimate = estimate.reindex(full, fill_value=False)
    out = values.assign(
        total=values["exports"] + values["imports"],
        balance=values["exports"] - values["imports"],
        estimate=estimate.reindex(values.index, fill_value=False).astype(bool),
    )
    out.columns.name = None
    return out.reset_index().sort_values(["reporter", "year"], ignore_index=True)


def balance_by_reporter(flows: pd.DataFrame) -> pd.DataFrame:
    """Return Cambodia's balance with Japan as a year × reporter table (US$).

    Examples
    --------
    >>> flows = pd.DataFrame({"year": [2000, 2000], "reporter": ["Cambodia", "Japan"], "balance": [-1.0, 2.0]})
    >>> balance_by_reporter(flows).loc[2000].tolist()
    [-1.0, 2.0]
    """
    table = flows.pivot(index="year", columns="reporter", values="balance")
    table.columns.name = None
    return table.sort_index()


def surplus_years(balance: pd.Series) -> dict[str, int | None]:
    """Return when a balance series first turned positive, and since when it has stayed positive.

    Parameters
    ----------
    balance : pandas.Series
        Balance indexed by year; missing years are skipped (a gap neither breaks nor extends a run).

    Returns
    -------
    dict
        ``first``: the first year with a surplus; ``sustained_since``: the first year of the unbroken
        run of surpluses that reaches the last year with a value (None if that year is a deficit);
        ``years_in_surplus``: how many years show a surplus.

    Examples
    --------
    >>> surplus_years(pd.Series([-1.0, 2.0, -1.0, 3.0, 4.0], index=[1990, 1991, 1992, 1993, 1994]))
    {'first': 1991, 'sustained_since': 1993, 'years_in_surplus': 3}
    """
    known = balance.dropna().sort_index()
    positive = known > 0
    first = int(positive.idxmax()) if positive.any() else None
    sustained = None
    for year, is_surplus in positive[::-1].items():
        if not is_surplus:
            break
        sustained = int(year)
    return {"first": first, "sustained_since": sustained, "years_in_surplus": int(positive.sum())}


def mirror_gap(flows: pd.DataFrame, direction: str) -> pd.DataFrame:
    """Compare the two reporters' figures for one flow, year by year.

    Parameters
    ----------
    flows : pandas.DataFrame
        Output of :func:`flows_by_reporter`.
    direction : {"exports", "imports"}
        ``exports`` compares Cambodia's reported exports to Japan (FOB) with Japan's reported
        imports from Cambodia (CIF); ``imports`` compares Cambodia's reported imports from Japan
        (CIF) with Japan's reported exports to Cambodia (FOB).

    Returns
    -------
    pandas.DataFrame
        Index ``year`` (only years both reporters cover); columns ``Cambodia``, ``Japan`` (US$),
        ``gap_usd`` = Japan − Cambodia, ``gap_pct`` = gap as a percentage of Cambodia's figure,
        and ``estimate``.

    Examples
    --------
    >>> flows = pd.DataFrame({"year": [2000, 2000], "reporter": ["Cambodia", "Japan"],
    ...                       "exports": [100.0, 150.0], "imports": [1.0, 1.0], "estimate": [False, False]})
    >>> mirror_gap(flows, "exports").loc[2000, ["gap_usd", "gap_pct"]].tolist()
    [50.0, 50.0]
    """
    if direction not in {"exports", "imports"}:
        raise ValueError(f"direction must be 'exports' or 'imports', not {direction!r}")
    table = flows.pivot(index="year", columns="reporter", values=direction).dropna()
    table.columns.name = None
    estimate = flows.groupby("year")["estimate"].any().reindex(table.index, fill_value=False)
    table["gap_usd"] = table["Japan"] - table["Cambodia"]
    table["gap_pct"] = table["gap_usd"] / table["Cambodia"] * 100
    table["estimate"] = estimate.astype(bool)
    return table.sort_index()


def japan_shares(dots: pd.DataFrame) -> pd.DataFrame:
    """Return Japan's share (percent) of Cambodia's exports and of its total trade, from Cambodia's reports.

    Only Cambodia as reporter is used, so numerator and denominator share one basis. The total
    trade share is given only in years with both exports and imports (with Japan and the world).

    Returns
    -------
    pandas.DataFrame
        Index ``year``; columns ``share_exports``, ``share_trade`` (percent), ``estimate``.

    Examples
    --------
    >>> dots = pd.DataFrame({"year": [2000] * 4, "reporter": ["KHM"] * 4, "partner": ["JPN", "JPN", "WLD", "WLD"],
    ...                      "flow": ["exports_fob", "imports_cif"] * 2, "value_usd": [10, 30, 100, 300],
    ...                      "estimate": [False] * 4})
    >>> japan_shares(dots).loc[2000, ["share_exports", "share_trade"]].tolist()
    [10.0, 10.0]
    """
    own = dots[dots["reporter"] == "KHM"]
    wide = own.pivot_table(index="year", columns=["partner", "flow"], values="value_usd", aggfunc="sum")
    wide = wide.astype("float64")
    jp_exp, jp_imp = wide[("JPN", "exports_fob")], wide[("JPN", "imports_cif")]
    w_exp, w_imp = wide[("WLD", "exports_fob")], wide[("WLD", "imports_cif")]
    out = pd.DataFrame(
        {
            "share_exports": jp_exp / w_exp * 100,
            "share_trade": (jp_exp + jp_imp) / (w_exp + w_imp) * 100,
        }
    )
    flagged = own.assign(estimate=own["estimate"].fillna(False).astype(bool))
    out["estimate"] = flagged.groupby("year")["estimate"].any().reindex(out.index, fill_value=False).astype(bool)
    out.index.name = "year"
    return out.sort_index()


# trade_partners partner code -> the name a reader knows (mainland China and Hong Kong apart).
PARTNER_NAMES = {
    "CHN": "China",
    "HKG": "Hong Kong",
    "JPN": "Japan",
    "KOR": "South Korea",
    "THA": "Thailand",
    "USA": "United States",
    "VNM": "Viet Nam",
}
_FLOW_WORDS = {"exports_fob": "exports", "imports_cif": "imports"}


def partner_shares(partners: pd.DataFrame) -> pd.DataFrame:
    """Return each partner's share of Cambodia's exports and of its imports, year by year.

    Numerator and denominator both come from Cambodia's own reports (``trade_partners``), so a
    share never mixes reporters. A year without a partner figure has no row (no share of zero).

    Parameters
    ----------
    partners : pandas.DataFrame
        ``helpers.load("trade_partners")``: ``year, partner, flow, value_usd, estimate``, with
        the world total as partner ``WLD``.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``partner`` (name from :data:`PARTNER_NAMES`), ``flow`` (``exports`` or
        ``imports``), ``value_usd``, ``world_usd``, ``share`` (percent) and ``estimate`` (the
        partner figure is an IMF estimate), sorted by flow, partner and year.

    Raises
    ------
    ValueError
        If a partner figure has no world total for its year and flow.

    Examples
    --------
    >>> rows = pd.DataFrame({"year": [2020] * 3, "partner": ["JPN", "CHN", "WLD"],
    ...                      "flow": ["exports_fob"] * 3, "value_usd": [6, 30, 100],
    ...                      "estimate": [False, True, False]})
    >>> partner_shares(rows)[["partner", "share", "estimate"]].values.tolist()
    [['China', 30.0, True], ['Japan', 6.0, False]]
    """
    world = partners[partners["partner"] == "WLD"].set_index(["flow", "year"])["value_usd"]
    rows = partners[partners["partner"] != "WLD"]
    keys = pd.MultiIndex.from_arrays([rows["flow"], rows["year"]])
    world_usd = world.reindex(keys).to_numpy()
    if pd.isna(world_usd).any():
        missing = rows[pd.isna(world_usd)].iloc[0]
        raise ValueError(f"trade_partners: no world total for {missing['flow']} {missing['year']}")
    out = pd.DataFrame(
        {
            "year": rows["year"].astype(int).to_numpy(),
            "partner": rows["partner"].map(PARTNER_NAMES).to_numpy(),
            "flow": rows["flow"].map(_FLOW_WORDS).to_numpy(),
            "value_usd": rows["value_usd"].astype("float64").to_numpy(),
            "world_usd": world_usd.astype("float64"),
            "estimate": rows["estimate"].fillna(False).astype(bool).to_numpy(),
        }
    )
    if out["partner"].isna().any():
        raise ValueError(f"trade_partners: unknown partner code(s) {sorted(set(rows['partner']) - set(PARTNER_NAMES))}")
    out["share"] = out["value_usd"] / out["world_usd"] * 100
    return out.sort_values(["flow", "partner", "year"], ignore_index=True)


def cagr(values: pd.Series, start: int, end: int) -> float:
    """Return the compound annual growth rate (percent) between two years of a series.

    Examples
    --------
    >>> round(cagr(pd.Series([100.0, 121.0], index=[2000, 2002]), 2000, 2002), 6)
    10.0
    """
    return float(((values[end] / values[start]) ** (1 / (end - start)) - 1) * 100)


def is_full_year(start: pd.Series, end: pd.Series) -> pd.Series:
    """Return true where a period runs from 1 January to 31 December of one year.

    Examples
    --------
    >>> is_full_year(pd.Series(pd.to_datetime(["2024-01-01", "2024-01-01"])),
    ...              pd.Series(pd.to_datetime(["2024-12-31", "2024-10-31"]))).tolist()
    [True, False]
    """
    start, end = pd.to_datetime(start), pd.to_datetime(end)
    return (
        (start.dt.month == 1) & (start.dt.day == 1) & (end.dt.month == 12) & (end.dt.day == 31)
        & (start.dt.year == end.dt.year)
    ).fillna(False).astype(bool)


def annual_rows(reported: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """Return the full-year rows of one indicator of ``trade_reported``, with a ``year`` column.

    Examples
    --------
    >>> rep = pd.DataFrame({"indicator": ["trade_total", "trade_total"],
    ...                     "period_start": pd.to_datetime(["2022-01-01", "2024-01-01"]),
    ...                     "period_end": pd.to_datetime(["2022-12-31", "2024-10-31"]),
    ...                     "reporter_basis": ["KHM_customs"] * 2, "value": [2.0, 1.0], "source_id": ["a", "b"]})
    >>> annual_rows(rep, "trade_total")["year"].tolist()
    [2022]
    """
    rows = reported[reported["indicator"] == indicator]
    rows = rows[is_full_year(rows["period_start"], rows["period_end"])]
    rows = rows.assign(year=pd.to_datetime(rows["period_start"]).dt.year)
    return rows.sort_values(["year", "reporter_basis", "source_id"], ignore_index=True)


def implied_totals(reported: pd.DataFrame) -> pd.DataFrame:
    """Return ``trade_reported`` plus two-way totals implied by an exports row and an imports row.

    Where one source gives Cambodia's exports to and imports from Japan for the same period and
    basis but no total, their sum is added as a ``trade_total`` row with ``derived`` = true (the
    original rows get ``derived`` = false). Nothing is added where the source states a total. An
    added row counts as read in its source (``read_in_source``, when present) only if both parts were.

    Examples
    --------
    >>> rep = pd.DataFrame({"indicator": ["trade_exports_kh_to_jp", "trade_imports_kh_from_jp"],
    ...                     "period_start": ["2022-01-01"] * 2, "period_end": ["2022-12-31"] * 2,
    ...                     "reporter_basis": ["JPN_customs"] * 2, "value": [3.0, 1.0], "unit": ["USD"] * 2,
    ...                     "estimate": [False, False], "source_id": ["s"] * 2})
    >>> implied_totals(rep).query("derived")["value"].tolist()
    [4.0]
    """
    keys = ["period_start", "period_end", "reporter_basis", "source_id"]
    base = reported.assign(derived=False)
    exp = base[base["indicator"] == "trade_exports_kh_to_jp"].set_index(keys)
    imp = base[base["indicator"] == "trade_imports_kh_from_jp"].set_index(keys)
    stated = base[base["indicator"] == "trade_total"].set_index(keys).index
    both = exp.index.intersection(imp.index).difference(stated)
    if both.empty:
        return base
    added = pd.DataFrame(
        {
            "indicator": "trade_total",
            "value": exp.loc[both, "value"].to_numpy() + imp.loc[both, "value"].to_numpy(),
            "unit": "USD",
            "estimate": exp.loc[both, "estimate"].to_numpy() | imp.loc[both, "estimate"].to_numpy(),
            "derived": True,
        },
        index=both,
    )
    if "read_in_source" in base:
        read = exp.loc[both, "read_in_source"].astype(bool).to_numpy() & imp.loc[both, "read_in_source"].astype(bool)
        added["read_in_source"] = read.to_numpy()
    added = added.reset_index()
    return pd.concat([base, added], ignore_index=True)


def claims_on_series(claims: pd.DataFrame, indicators: list[str]) -> pd.DataFrame:
    """Return the trade claims in US$ for the given indicators, ready to be placed on a time axis.

    Parameters
    ----------
    claims : pandas.DataFrame
        The claims ledger (``helpers.load("claims")``).
    indicators : list of str
        Indicator codes to keep (e.g. ``trade_total``).

    Returns
    -------
    pandas.DataFrame
        The kept claims with ``period`` (label), ``full_year`` (bool), ``dated`` (bool: the
        claim states its period), ``x`` (a float year for plotting: the period's midpoint as a
        fraction of its year, so an annual figure sits at the year and a Jan–Oct figure a little
        before it; missing for undated claims); sorted by indicator and claim_id.

    Examples
    --------
    >>> cl = pd.DataFrame({"claim_id": ["c1"], "source_id": ["seed_000"], "indicator": ["trade_total"],
    ...                    "unit": ["USD"], "theme": ["trade"], "value": [1.0], "qualifier": ["exact"],
    ...                    "period_start": ["2024-01-01"], "period_end": ["2024-10-31"]})
    >>> placed = claims_on_series(cl, ["trade_total"])
    >>> placed.loc[0, "period"], bool(placed.loc[0, "full_year"])
    ('Jan–Oct 2024', False)
    """
    kept = claims[(claims["theme"] == "trade") & (claims["unit"] == "USD") & claims["indicator"].isin(indicators)]
    kept = kept.copy()
    start = pd.to_datetime(kept["period_start"])
    end = pd.to_datetime(kept["period_end"])
    kept["period"] = [period_label(s, e) for s, e in zip(start, end, strict=True)]
    kept["dated"] = start.notna() & end.notna()
    kept["full_year"] = is_full_year(start, end)
    # Plot position: an annual figure at its year; a partial one at the year of its end month,
    # shifted left by the share of the year it misses, so it never sits on the annual point.
    missing = (12 - end.dt.month) / 12
    kept["x"] = (end.dt.year - missing).astype("float64")
    return kept.sort_values(["indicator", "claim_id"], ignore_index=True)


def composition_by_direction(composition: pd.DataFrame, year: int) -> dict[str, pd.DataFrame]:
    """Split one year of ``trade_composition`` into one table per direction, largest share first.

    Parameters
    ----------
    composition : DataFrame
        Rows of ``trade_composition`` (``year``, ``direction``, ``product_group``, ``share_percent``,
        ``read_in_source``).
    year : int
        The year to keep.

    Returns
    -------
    dict of str to DataFrame
        Keyed by direction code in the order of ``COMPOSITION_DIRECTIONS`` (directions without rows are
        left out); each frame has ``product_group``, ``share_percent`` and ``read_in_source``, sorted by
        share descending and then by name, with a fresh index.

    Examples
    --------
    >>> comp = pd.DataFrame({"year": [2022, 2022, 2022], "direction": ["kh_to_jp", "kh_to_jp", "jp_to_kh"],
    ...                      "product_group": ["b", "a", "c"], "share_percent": [5.0, 9.0, 7.0],
    ...                      "read_in_source": [True, True, False]})
    >>> {d: t["product_group"].tolist() for d, t in composition_by_direction(comp, 2022).items()}
    {'kh_to_jp': ['a', 'b'], 'jp_to_kh': ['c']}
    """
    rows = composition[composition["year"] == year]
    out = {}
    for direction in COMPOSITION_DIRECTIONS:
        part = rows[rows["direction"] == direction]
        if part.empty:
            continue
        part = part.sort_values(["share_percent", "product_group"], ascending=[False, True])
        out[direction] = part[["product_group", "share_percent", "read_in_source"]].reset_index(drop=True)
    return out


def approvals_table(approvals: pd.DataFrame) -> pd.DataFrame:
    """Format ``investment_approvals`` for display: one row per published figure, never combined.

    Parameters
    ----------
    approvals : DataFrame
        Rows of ``investment_approvals`` (dates parsed).

    Returns
    -------
    DataFrame
        Columns ``period``, ``scope``, ``projects``, ``amount (US$ m)`` (prefixed with ``about`` or
        ``more than`` when the source hedges, one decimal) and ``source``; sorted by cut-off date, then
        start, then scope. Missing project counts show as ``not given``.

    Examples
    --------
    >>> rows = pd.DataFrame({"period_start": pd.to_datetime(["1994-01-01"]),
    ...                      "period_end": pd.to_datetime(["2019-03-31"]), "scope": ["all"],
    ...                      "projects": pd.array([137], dtype="Int64"), "amount_usd": [2.5e9],
    ...                      "qualifier": ["about"], "source_id": ["s1"]})
    >>> approvals_table(rows).iloc[0].tolist()
    ['1994–Mar 2019', 'all', '137', 'about 2,500.0', 's1']
    """
    rows = approvals.sort_values(["period_end", "period_start", "scope"])
    prefix = {"exact": "", "about": "about ", "more_than": "more than "}
    periods = zip(rows["period_start"], rows["period_end"], strict=True)
    amounts = zip(rows["qualifier"], rows["amount_usd"], strict=True)
    return pd.DataFrame({
        "period": [period_label(start, end) for start, end in periods],
        "scope": rows["scope"].tolist(),
        "projects": [("not given" if pd.isna(n) else str(int(n))) for n in rows["projects"]],
        "amount (US$ m)": [f"{prefix[q]}{v / 1e6:,.1f}" for q, v in amounts],
        "source": rows["source_id"].tolist(),
    })
