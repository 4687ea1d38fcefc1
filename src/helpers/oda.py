"""Japan's official development assistance (ODA) to Cambodia: tidy views of the curated ODA data.

No annual series of Japan's aid exists in ``data/``: the figures are cumulative totals, single
fiscal years and 12-month windows, each with its own period, currency and basis. The functions
here keep those apart (never adding across bases or currencies), say which of them can be read
against the World Bank's series of all net ODA Cambodia receives, give every figure a readable
period label, and date the selected projects.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from helpers.periods import QUALIFIER_WORDS, date_text, decimal_year, period_label

__all__ = [
    "BASIS_LABELS",
    "INDICATOR_LABELS",
    "aggregates_table",
    "format_amount",
    "net_oda_comparability",
    "net_oda_points",
    "instrument_shares",
    "milestones_table",
    "project_amounts",
    "project_dates",
    "project_summary",
    "share_rows",
    "source_names",
    "volunteer_counts",
]

INDICATOR_LABELS = {
    "oda_jp_total": "All ODA",
    "oda_jp_grants": "Grants",
    "oda_jp_grants_incl_tc": "Grants incl. technical cooperation",
    "oda_jp_loans": "Loans",
    "oda_jp_technical_cooperation": "Technical cooperation",
    "oda_jp_annual_average": "Yearly level (stated)",
    "oda_jp_share_of_kh_oda": "Share of Cambodia's ODA",
}

BASIS_LABELS = {
    "exchange_of_notes": "exchange of notes",
    "commitment": "commitment",
    "disbursement": "disbursement",
    "disbursement_gross": "gross disbursement",
    "disbursement_net": "net disbursement",
    "jica_expenditure": "JICA expenditure",
    "unspecified": "basis not stated",
}



def format_amount(value: float, unit: str, qualifier: str | None = "exact") -> str:
    """Return an amount as a reader would say it: yen in billions (millions below one billion),
    dollars in millions, percent.

    Examples
    --------
    >>> format_amount(189_360_000_000, "JPY")
    '¥189.36 bn'
    >>> format_amount(348_000_000, "JPY")
    '¥348 m'
    >>> format_amount(400_000_000, "USD", "more_than")
    'more than US$400.0 m'
    >>> format_amount(18, "percent", "about")
    'about 18%'
    """
    if pd.isna(value):
        return ""
    words = QUALIFIER_WORDS.get(qualifier, "") if isinstance(qualifier, str) else ""
    if unit == "JPY" and abs(value) < 1e9:
        text = f"¥{value / 1e6:,.0f} m"
    elif unit == "JPY":
        text = f"¥{value / 1e9:,.2f} bn"
    elif unit == "USD":
        text = f"US${value / 1e6:,.1f} m"
    elif unit == "percent":
        text = f"{value:g}%"
    else:
        text = f"{value:g} {unit}"
    return words + text


def aggregates_table(agg: pd.DataFrame) -> pd.DataFrame:
    """Return the money figures of ``oda_aggregates``, one per row, with yen and dollars apart.

    Percent rows (shares) are left out: see :func:`share_rows`. Yen go to ``JPY billion`` and
    dollars to ``US$ million``; a row fills exactly one of the two, so no column mixes currencies.
    Rows are sorted by basis, then currency, instrument and period.

    Parameters
    ----------
    agg : pandas.DataFrame
        ``helpers.load("oda_aggregates")``.

    Returns
    -------
    pandas.DataFrame
        Columns ``basis``, ``currency``, ``figure``, ``period``, ``qualifier``, ``amount`` (as a
        reader says it, see :func:`format_amount`), ``JPY billion``, ``US$ million``,
        ``against_net_oda`` (see :func:`net_oda_comparability`), ``source_id``, plus
        ``period_start``/``period_end`` for plotting.

    Examples
    --------
    >>> agg = pd.DataFrame({"indicator": ["oda_jp_loans"], "period_start": [pd.NaT],
    ...     "period_end": [pd.Timestamp("2006-03-31")], "basis": ["exchange_of_notes"],
    ...     "value": [13_309_000_000.0], "unit": ["JPY"], "qualifier": ["exact"], "source_id": ["s"]})
    >>> row = aggregates_table(agg).iloc[0]
    >>> row["period"], float(row["JPY billion"])
    ('to 31 Mar 2006', 13.3)
    """
    money = agg[agg["unit"].isin(["JPY", "USD"])].copy()
    money["against_net_oda"] = net_oda_comparability(money)
    money["figure"] = money["indicator"].map(INDICATOR_LABELS).fillna(money["indicator"])
    money["basis"] = money["basis"].map(BASIS_LABELS).fillna(money["basis"])
    money["period"] = [period_label(s, e) for s, e in zip(money["period_start"], money["period_end"], strict=True)]
    money["currency"] = money["unit"]
    money["amount"] = [format_amount(v, u, q) for v, u, q in zip(money["value"], money["unit"], money["qualifier"],
                                                                 strict=True)]
    money["JPY billion"] = (money["value"] / 1e9).where(money["unit"] == "JPY").round(1)
    money["US$ million"] = (money["value"] / 1e6).where(money["unit"] == "USD").round(1)
    money["sort_start"] = money["period_start"].fillna(money["period_end"])
    money = money.sort_values(["basis", "currency", "figure", "sort_start", "period_end", "source_id"])
    columns = ["basis", "currency", "figure", "period", "qualifier", "amount", "JPY billion", "US$ million",
               "against_net_oda", "source_id"]
    columns += [c for c in PROVENANCE_COLUMNS if c in money]
    return money[columns + ["period_start", "period_end"]].reset_index(drop=True)


# Columns saying how far a row's figure can be trusted; views keep them when the data has them.
PROVENANCE_COLUMNS = ["read_in_source"]
# Bases on which a figure counts money actually paid out, as the World Bank's net ODA series does.
PAID_OUT_BASES = {"disbursement", "disbursement_net", "disbursement_gross"}
# The longest window still read as "one year" against a yearly series (a fiscal year is 365 days).
ONE_YEAR_DAYS = 366


def net_oda_comparability(agg: pd.DataFrame) -> pd.Series:
    """Say, for each money figure, whether it can be read against Cambodia's total net ODA received.

    The World Bank series (WDI ``DT.ODA.ODAT.CD``) counts money paid out in a calendar year, in
    current US dollars, net of loan repayments. A figure of Japan's aid is read against it only if
    it too counts money paid out, in US dollars, over at most one year; every other figure gets
    the reason it cannot be.

    Parameters
    ----------
    agg : pandas.DataFrame
        ``oda_aggregates`` rows (indicator, period_start, period_end, basis, unit).

    Returns
    -------
    pandas.Series of str
        Aligned with ``agg``: ``"comparable"`` or the reason, in reader words.

    Examples
    --------
    >>> agg = pd.DataFrame({"indicator": ["oda_jp_total"] * 3, "basis": ["disbursement",
    ...     "exchange_of_notes", "unspecified"], "unit": ["USD", "JPY", "USD"],
    ...     "period_start": pd.to_datetime(["2006-04-01", None, "1992-01-01"]),
    ...     "period_end": pd.to_datetime(["2007-03-31", "2006-03-31", "2010-12-31"])})
    >>> net_oda_comparability(agg).tolist()
    ['comparable', 'amounts agreed, not paid out', 'does not say whether agreed or paid out']
    """
    days = (agg["period_end"] - agg["period_start"]).dt.days
    reasons = []
    for basis, unit, span, indicator in zip(agg["basis"], agg["unit"], days, agg["indicator"], strict=True):
        if unit not in {"USD", "JPY"}:
            reasons.append("a share, not an amount")
        elif basis in {"exchange_of_notes", "commitment"}:
            reasons.append("amounts agreed, not paid out")
        elif basis == "jica_expenditure":
            reasons.append("JICA's cost of technical cooperation, not money paid to Cambodia")
        elif basis not in PAID_OUT_BASES:
            reasons.append("does not say whether agreed or paid out")
        elif unit != "USD":
            reasons.append("in yen (the World Bank series is in US dollars)")
        elif pd.isna(span) or span > ONE_YEAR_DAYS:
            reasons.append("covers several years")
        elif indicator != "oda_jp_total":
            reasons.append("comparable (one part of a comparable total)")
        else:
            reasons.append("comparable")
    return pd.Series(reasons, index=agg.index, dtype="str")


def net_oda_points(agg: pd.DataFrame) -> pd.DataFrame:
    """Return Japan's aid totals that can be read against Cambodia's yearly net ODA received.

    Only totals that :func:`net_oda_comparability` calls ``"comparable"``: paid out, in US
    dollars, over one year at most. A Japanese fiscal year (April to March) straddles two
    calendar years, so each point names both (``first_year``, ``last_year``).

    Returns
    -------
    pandas.DataFrame
        ``period``, ``period_start``, ``period_end``, ``first_year``, ``last_year``,
        ``value_usd``, ``basis``, ``source_id``; sorted by period.

    Examples
    --------
    >>> agg = pd.DataFrame({"indicator": ["oda_jp_total", "oda_jp_grants"], "basis": ["disbursement"] * 2,
    ...     "unit": ["USD"] * 2, "value": [110.43e6, 54.2e6], "source_id": ["cdc", "cdc"],
    ...     "period_start": pd.to_datetime(["2006-04-01"] * 2), "period_end": pd.to_datetime(["2007-03-31"] * 2)})
    >>> net_oda_points(agg)[["period", "first_year", "last_year"]].values.tolist()
    [['JFY2006', 2006, 2007]]
    """
    points = agg[net_oda_comparability(agg) == "comparable"].copy()
    points["period"] = [period_label(s, e) for s, e in zip(points["period_start"], points["period_end"], strict=True)]
    points["first_year"] = points["period_start"].dt.year.astype("int64")
    points["last_year"] = points["period_end"].dt.year.astype("int64")
    points["basis"] = points["basis"].map(BASIS_LABELS).fillna(points["basis"])
    points = points.rename(columns={"value": "value_usd"}).sort_values(["period_end", "source_id"])
    columns = ["period", "period_start", "period_end", "first_year", "last_year", "value_usd", "basis", "source_id"]
    columns += [c for c in PROVENANCE_COLUMNS if c in points]
    return points[columns].reset_index(drop=True)


def source_names(source_ids: pd.Series, sources: pd.DataFrame) -> pd.Series:
    """Return each source as a reader names it: the publisher (without bracketed detail) and year.

    Parameters
    ----------
    source_ids : pandas.Series of str
    sources : pandas.DataFrame
        ``helpers.load("sources")`` (source_id, publisher, title, published).

    Examples
    --------
    >>> sources = pd.DataFrame({"source_id": ["a", "b"], "publisher": ["The Phnom Penh Post (print)", None],
    ...     "title": ["T", "An article"], "published": [pd.Timestamp("2023-11-08"), pd.NaT]})
    >>> source_names(pd.Series(["a", "b"]), sources).tolist()
    ['The Phnom Penh Post, 2023', 'An article']
    """
    wanted = set(source_ids.tolist())
    unknown = sorted(wanted - set(sources["source_id"].tolist()))
    if unknown:
        raise KeyError(f"source_id(s) {unknown} are not in data/sources.csv")
    names = {}
    for sid, publisher, title, published in zip(*(sources[c].tolist() for c in
                                                   ["source_id", "publisher", "title", "published"]), strict=True):
        if sid in wanted:
            name = publisher.split(" (")[0] if pd.notna(publisher) else title
            published = pd.Timestamp(published) if pd.notna(published) else pd.NaT
            names[sid] = f"{name}, {published.year}" if pd.notna(published) else name
    return source_ids.map(names)


def instrument_shares(agg: pd.DataFrame) -> pd.DataFrame:
    """Return the loan share of grants plus loans wherever both are given for the SAME period,
    basis and currency (the only case where the two may be compared).

    Parameters
    ----------
    agg : pandas.DataFrame
        ``oda_aggregates`` rows (indicator, period_start, period_end, basis, value, unit, qualifier).

    Returns
    -------
    pandas.DataFrame
        One row per (period, basis, currency): ``grants``, ``loans``, ``technical_cooperation``
        (if given on the same basis), their qualifiers, and ``loan_share_percent`` =
        100 × loans / (grants + loans), rounded to 1 decimal. A ``more_than`` loan figure makes
        the share a lower bound (``share_is`` says so). ``source_ids`` names the sources of the
        pair. Sorted by period end.

    Examples
    --------
    >>> agg = pd.DataFrame({"indicator": ["oda_jp_grants", "oda_jp_loans"],
    ...     "period_start": [pd.Timestamp("2018-01-01")] * 2, "period_end": [pd.Timestamp("2018-12-31")] * 2,
    ...     "basis": ["unspecified"] * 2, "value": [25.0, 75.0], "unit": ["USD"] * 2,
    ...     "qualifier": ["exact"] * 2})
    >>> float(instrument_shares(agg)["loan_share_percent"].iloc[0])
    75.0
    """
    parts = {
        "oda_jp_grants": "grants",
        "oda_jp_loans": "loans",
        "oda_jp_technical_cooperation": "technical_cooperation",
    }
    money = agg[agg["indicator"].isin(parts) & agg["unit"].isin(["JPY", "USD"])].copy()
    money["part"] = money["indicator"].map(parts)
    keys = ["period_start", "period_end", "basis", "unit"]
    rows = []
    for key, group in money.groupby(keys, dropna=False, sort=False):
        values = group.set_index("part")
        if not {"grants", "loans"} <= set(values.index) or values.index.duplicated().any():
            continue
        row = dict(zip(keys, key, strict=True))
        for part in parts.values():
            row[part] = values["value"].get(part, float("nan"))
            row[f"{part}_qualifier"] = values["qualifier"].get(part, pd.NA)
        row["source_ids"] = tuple(sorted(set(group["source_id"]))) if "source_id" in group else ()
        for column in (c for c in PROVENANCE_COLUMNS if c in group):
            row[column] = bool(group[column].all())
        total = row["grants"] + row["loans"]
        row["loan_share_percent"] = round(100 * row["loans"] / total, 1)
        lower = row["loans_qualifier"] == "more_than" and row["grants_qualifier"] == "exact"
        inexact = {row["loans_qualifier"], row["grants_qualifier"]} != {"exact"}
        row["share_is"] = "lower bound" if lower else ("approximate" if inexact else "as stated")
        rows.append(row)
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    out["period"] = [period_label(s, e) for s, e in zip(out["period_start"], out["period_end"], strict=True)]
    out["basis"] = out["basis"].map(BASIS_LABELS).fillna(out["basis"])
    return out.sort_values(["period_end", "unit"], ignore_index=True)


def share_rows(agg: pd.DataFrame) -> pd.DataFrame:
    """Return Japan's share of Cambodia's ODA, one row per stated figure, with a period label.

    Examples
    --------
    >>> agg = pd.DataFrame({"indicator": ["oda_jp_share_of_kh_oda"], "period_start": [pd.Timestamp("1992-01-01")],
    ...     "period_end": [pd.Timestamp("2010-12-31")], "basis": ["unspecified"], "value": [18.0],
    ...     "unit": ["percent"], "qualifier": ["exact"], "source_id": ["s"]})
    >>> share_rows(agg)["period"].tolist()
    ['1992–2010']
    """
    shares = agg[agg["indicator"] == "oda_jp_share_of_kh_oda"].copy()
    shares["period"] = [period_label(s, e) for s, e in zip(shares["period_start"], shares["period_end"], strict=True)]
    shares = shares.rename(columns={"value": "share_percent"})
    columns = ["period", "share_percent", "qualifier", "source_id", "period_start", "period_end"]
    columns += [c for c in PROVENANCE_COLUMNS if c in shares]
    return shares.sort_values(["period_end", "source_id"])[columns].reset_index(drop=True)


def project_dates(projects: pd.DataFrame) -> pd.DataFrame:
    """Return one row per project: a short name, sector, instrument and the date that places it.

    The date is the earliest agreement date any source gives (E/N, G/A, L/A or announcement); a
    project with none is placed at its earliest completion date, and ``date_kind`` says which.
    The instrument is the one the sources state (empty cells ignored).

    Parameters
    ----------
    projects : pandas.DataFrame
        ``helpers.load("oda_projects")``.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``project_id``: ``name`` (the shortest name given), ``sector``, ``instrument``,
        ``date``, ``date_kind``, ``year``, ``decimal_year``, ``decade`` (e.g. ``"1990s"``) and
        ``completed`` (the earliest completion date any source gives, as text, or ``""``);
        sorted by decimal year, then id.

    Examples
    --------
    >>> p = pd.DataFrame({"project_id": ["a", "a"], "name": ["Bridge A (long name)", "Bridge A"],
    ...     "sector": ["transport"] * 2, "instrument": ["grant", None],
    ...     "agreement_date": [None, None], "agreement_date_precision": [None, None],
    ...     "completion_date": ["1996", "1994-02-26"], "completion_date_precision": ["year", "day"]})
    >>> project_dates(p).loc["a", ["name", "date", "date_kind", "decade"]].tolist()
    ['Bridge A', '1994-02-26', 'completion', '1990s']
    """
    # Plain Python over the columns: a pandas group per project costs far more than the few rows in it.
    fields = ["project_id", "name", "sector", "instrument", "agreement_date", "agreement_date_precision",
              "completion_date", "completion_date_precision"]
    columns = {field: projects[field].tolist() for field in fields}
    rows_of: dict[str, list[int]] = {}
    for row, pid in enumerate(columns["project_id"]):
        if not pd.isna(pid):
            rows_of.setdefault(pid, []).append(row)

    def earliest(rows: list[int], col: str) -> tuple[object, object]:
        """The date and precision of the earliest stated ``col`` among ``rows`` (first on a tie)."""
        stated = [(decimal_year(columns[col][r], columns[f"{col}_precision"][r]), n, r)
                  for n, r in enumerate(rows) if not pd.isna(columns[col][r])]
        if not stated:
            return pd.NA, pd.NA
        first = min(stated)[2]
        return columns[col][first], columns[f"{col}_precision"][first]

    rows = []
    for pid in sorted(rows_of):
        group = rows_of[pid]
        kind = "agreement"
        date, precision = earliest(group, "agreement_date")
        if pd.isna(date):
            kind = "completion"
            date, precision = earliest(group, "completion_date")
        completed_date, completed_precision = earliest(group, "completion_date")
        completed = "" if pd.isna(completed_date) else date_text(completed_date, completed_precision)
        instruments = sorted({columns["instrument"][r] for r in group if not pd.isna(columns["instrument"][r])})
        names = sorted({columns["name"][r] for r in group if not pd.isna(columns["name"][r])},
                       key=lambda n: (len(n), n))
        rows.append(
            {
                "project_id": pid,
                "name": names[0],
                "sector": next(columns["sector"][r] for r in group if not pd.isna(columns["sector"][r])),
                "instrument": "/".join(instruments) if instruments else pd.NA,
                "date": date,
                "date_kind": kind if pd.notna(date) else pd.NA,
                "decimal_year": decimal_year(date, precision),
                "completed": completed,
            }
        )
    out = pd.DataFrame(rows).set_index("project_id")
    out["year"] = out["date"].str[:4].astype("Int64")
    out["decade"] = (out["year"] // 10 * 10).astype("str") + "s"
    return out.reset_index().sort_values(["decimal_year", "project_id"]).set_index("project_id")


def project_amounts(projects: pd.DataFrame) -> pd.DataFrame:
    """Return every stated project amount (one per source row) placed at its project's date.

    Amounts stay in the currency the source gives; nothing is converted or summed.

    Returns
    -------
    pandas.DataFrame
        ``project_id``, ``name``, ``instrument``, ``sector``, ``decimal_year``, ``currency``,
        ``amount``, ``amount_qualifier``, ``source_id``, and ``amount_plot`` (yen in billions,
        dollars in millions); sorted by currency, date, amount.
    """
    return _amounts_at_dates(projects, project_dates(projects))


def _amounts_at_dates(projects: pd.DataFrame, dates: pd.DataFrame) -> pd.DataFrame:
    """:func:`project_amounts`, given the projects' :func:`project_dates`."""
    columns = ["project_id", "currency", "amount", "amount_qualifier", "source_id"]
    stated = projects.dropna(subset=["amount"])[columns + [c for c in PROVENANCE_COLUMNS if c in projects]]
    out = stated.merge(
        dates[["name", "instrument", "sector", "decimal_year"]], left_on="project_id", right_index=True, how="left"
    )
    out["amount_plot"] = out["amount"].where(out["currency"] == "USD", out["amount"] / 1e3) / 1e6
    out["amount_plot"] = out["amount_plot"].round(3)
    return out.sort_values(["currency", "decimal_year", "amount", "source_id"], ignore_index=True)


def project_summary(projects: pd.DataFrame) -> pd.DataFrame:
    """Return one row per project with every distinct amount stated for it, per currency.

    Examples
    --------
    >>> p = pd.DataFrame({"project_id": ["a", "a"], "name": ["A", "A"], "sector": ["water"] * 2,
    ...     "instrument": ["loan"] * 2, "agreement_date": ["2017", None],
    ...     "agreement_date_precision": ["year", None], "completion_date": [None, None],
    ...     "completion_date_precision": [None, None], "amount": [1e9, 2e9], "currency": ["JPY", "JPY"],
    ...     "amount_qualifier": ["up_to", "exact"], "source_id": ["x", "y"]})
    >>> project_summary(p).loc["a", "yen (as stated)"]
    'up to ¥1.00 bn; ¥2.00 bn'
    """
    dates = project_dates(projects)
    amounts = _amounts_at_dates(projects, dates)
    table = dates[["name", "sector", "instrument", "date", "date_kind", "completed"]].copy()
    for currency, column in [("JPY", "yen (as stated)"), ("USD", "US$ (as stated)")]:
        rows = amounts[amounts["currency"] == currency]
        texts = [format_amount(v, currency, q) for v, q in zip(rows["amount"], rows["amount_qualifier"], strict=True)]
        joined = (
            pd.Series(texts, index=rows["project_id"], dtype="str")
            .groupby(level=0)
            .agg(lambda s: "; ".join(dict.fromkeys(s)))
        )
        table[column] = joined.reindex(table.index).fillna("")
    return table


def volunteer_counts(volunteers: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Split ``jica_volunteers`` into dated counts, undated counts, and programme events.

    Returns
    -------
    (dated, undated, events) : tuple of pandas.DataFrame
        ``dated`` has ``decimal_year`` and is sorted by it; ``events`` keeps ``event``,
        ``as_of`` and ``decimal_year`` (first dispatch, suspension, resumption).

    Examples
    --------
    >>> v = pd.DataFrame({"record_id": ["a", "b", "c"], "as_of": ["2015-08", None, "1970"],
    ...     "as_of_precision": ["month", None, "year"], "cumulative_volunteers": [600, 800, None],
    ...     "event": ["cumulative_count", "cumulative_count", "suspension"]})
    >>> [len(part) for part in volunteer_counts(v)]
    [1, 1, 1]
    """
    frame = volunteers.copy()
    frame["decimal_year"] = [decimal_year(d, p) for d, p in zip(frame["as_of"], frame["as_of_precision"], strict=True)]
    counts = frame[frame["event"] == "cumulative_count"]
    dated = counts.dropna(subset=["as_of"]).sort_values(["decimal_year", "record_id"], ignore_index=True)
    undated = counts[counts["as_of"].isna()].sort_values(["cumulative_volunteers", "record_id"], ignore_index=True)
    events = frame[frame["event"] != "cumulative_count"].sort_values(["decimal_year", "record_id"], ignore_index=True)
    return dated, undated, events


def milestones_table(milestones: pd.DataFrame, source_names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Return one row per aid-coordination milestone: the most precise date, place, Japan's role
    and every distinct pledge stated (in US$ as at the time), with the sources.

    ``date`` (ISO, for sorting) and ``when`` (for readers) give the date; ``sources`` names each
    source through ``source_names`` (source_id → name) when given, by its id otherwise.

    Examples
    --------
    >>> m = pd.DataFrame({"milestone_id": ["x", "x"], "date": ["1996", "1996-07"],
    ...     "date_precision": ["year", "month"], "event": ["CG", "CG"], "event_type": ["cg", "cg"],
    ...     "place": ["Tokyo", None], "japan_role": [None, "co-chair"], "pledged_total": [None, 5e8],
    ...     "pledged_total_qualifier": [None, "exact"], "pledged_japan": [None, None],
    ...     "pledged_japan_qualifier": [None, None], "source_id": ["a", "b"]})
    >>> milestones_table(m).iloc[0][["date", "japan_role", "pledged, all donors"]].tolist()
    ['1996-07', 'co-chair', 'US$500.0 m']
    """
    order = {"day": 0, "month": 1, "year": 2}
    # Plain Python over the columns: a pandas group per milestone costs far more than its few rows.
    columns = {c: milestones[c].tolist() for c in milestones.columns}
    rows_of: dict[str, list[int]] = {}
    for row, mid in enumerate(columns["milestone_id"]):
        if not pd.isna(mid):
            rows_of.setdefault(mid, []).append(row)

    def stated(column: str, rows: list[int]) -> list[int]:
        return [r for r in rows if not pd.isna(columns[column][r])]

    def pledges(value: str, qualifier: str, rows: list[int]) -> str:
        texts = [format_amount(columns[value][r], "USD", columns[qualifier][r]) for r in stated(value, rows)]
        return "; ".join(dict.fromkeys(texts))

    def first_text(column: str, rows: list[int]) -> str:
        found = stated(column, rows)
        return columns[column][found[0]] if found else ""

    def precision_rank(row: int) -> float:
        return order.get(columns["date_precision"][row], math.inf)  # an unknown precision comes last

    rows = []
    for mid, group in rows_of.items():
        # The most precise date, then the first source id; a tie keeps the order of the rows.
        best = min(group, key=lambda r: (precision_rank(r), columns["source_id"][r]))
        rows.append(
            {
                "milestone_id": mid,
                "date": columns["date"][best],
                "when": date_text(columns["date"][best], columns["date_precision"][best]),
                "event": columns["event"][best],
                "type": columns["event_type"][best].replace("_", " "),
                "place": first_text("place", group),
                "japan_role": first_text("japan_role", group),
                "pledged, all donors": pledges("pledged_total", "pledged_total_qualifier", group),
                "pledged by Japan": pledges("pledged_japan", "pledged_japan_qualifier", group),
                "sources": "; ".join(sorted({(source_names or {}).get(i, i) for i in
                                             (columns["source_id"][r] for r in group)})),
            }
        )
    out = pd.DataFrame(rows)
    return out.sort_values(["date", "milestone_id"], ignore_index=True).set_index("milestone_id")
