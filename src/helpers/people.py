"""People flows between Cambodia and Japan: growth, indexed comparisons, periods and claim matching.

Small functions behind ``notebooks/02_people_flows.ipynb``. They reshape the curated datasets
(``japanese_residents_in_cambodia``, ``migrant_stock_undesa``, ``people_counts``, ``claims``) and
never add a figure of their own: every value they return is read from, or computed on, the frame
they are given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from helpers.periods import period_label

__all__ = [
    "COUNTRY_NAMES",
    "FLOW_INDICATORS",
    "cagr",
    "claim_label",
    "coverage",
    "growth_table",
    "index_to",
    "male_share",
    "match_claims",
    "missing_annual_years",
    "observations",
    "peak_and_fall",
    "period_kind",
    "place_claims",
    "point_table",
    "spread_labels",
    "stock_wide",
    "year_on_year",
]

# Indicators that count movements during a period (arrivals), not a stock at a date.
FLOW_INDICATORS = ("people_cambodian_visitors_to_jp", "people_japanese_visitors_to_kh")

# Names of the ISO 3166-1 alpha-3 codes used by ``migrant_stock_undesa`` (labels only).
COUNTRY_NAMES = {
    "IDN": "Indonesia", "JPN": "Japan", "KHM": "Cambodia", "LAO": "Laos", "MMR": "Myanmar",
    "MYS": "Malaysia", "PHL": "Philippines", "SGP": "Singapore", "THA": "Thailand", "VNM": "Viet Nam",
}  # fmt: skip


# --------------------------------------------------------------------------------------------
# Growth
# --------------------------------------------------------------------------------------------
def year_on_year(frame: pd.DataFrame, value: str = "persons", year: str = "year") -> pd.Series:
    """Return the change on the previous year in percent, only where that year is in the data.

    A gap (e.g. 2009 then 2011) gives a missing value rather than a two-year change shown as
    one year's growth.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per year.
    value, year : str
        Column names of the level and the year.

    Returns
    -------
    pandas.Series
        Percent change, aligned on ``frame``'s index; float with NaN where undefined.

    Examples
    --------
    >>> df = pd.DataFrame({"year": [2009, 2011, 2012], "persons": [100, 200, 250]})
    >>> year_on_year(df).tolist()
    [nan, nan, 25.0]
    """
    ordered = frame.sort_values(year)
    levels = ordered[value].astype("float64")
    years = ordered[year].astype("float64")
    change = (levels / levels.shift(1) - 1) * 100
    change = change.where(years.diff() == 1)
    return change.reindex(frame.index)


def cagr(first: float, last: float, years: float) -> float:
    """Return the compound annual growth rate in percent between two levels ``years`` apart.

    Examples
    --------
    >>> cagr(100, 121, 2)
    10.000000000000009
    """
    if years <= 0 or first <= 0:
        raise ValueError("cagr needs a positive first level and a positive number of years")
    return float(((last / first) ** (1 / years) - 1) * 100)


def peak_and_fall(frame: pd.DataFrame, value: str = "persons", year: str = "year") -> dict[str, float]:
    """Return the peak of a series and the change from the peak to the latest year.

    Returns
    -------
    dict
        ``peak_year``, ``peak``, ``last_year``, ``last``, ``change`` (persons, last minus peak)
        and ``change_pct`` (percent of the peak).

    Examples
    --------
    >>> df = pd.DataFrame({"year": [2019, 2020, 2021], "persons": [80, 100, 75]})
    >>> peak_and_fall(df)["change_pct"]
    -25.0
    """
    ordered = frame.sort_values(year, ignore_index=True)
    top = int(ordered[value].astype("float64").to_numpy().argmax())
    peak_year, peak = int(ordered.loc[top, year]), float(ordered.loc[top, value])
    last_year, last = int(ordered[year].iloc[-1]), float(ordered[value].iloc[-1])
    return {
        "peak_year": peak_year,
        "peak": peak,
        "last_year": last_year,
        "last": last,
        "change": last - peak,
        "change_pct": (last / peak - 1) * 100,
    }


# --------------------------------------------------------------------------------------------
# UN DESA migrant stock
# --------------------------------------------------------------------------------------------
def stock_wide(stock: pd.DataFrame, destination: str = "JPN", sex: str = "total") -> pd.DataFrame:
    """Return UN DESA stocks in one destination as a year × origin table of persons.

    Examples
    --------
    >>> s = pd.DataFrame({"year": [2015, 2015, 2020], "origin": ["KHM", "LAO", "KHM"],
    ...                   "destination": "JPN", "sex": "total", "persons": [10, 20, 30]})
    >>> stock_wide(s).loc[2020, "KHM"]
    np.float64(30.0)
    """
    rows = stock[(stock["destination"] == destination) & (stock["sex"] == sex)]
    wide = rows.pivot_table(index="year", columns="origin", values="persons", aggfunc="sum")
    wide = wide.astype("float64").sort_index()
    wide.index = wide.index.astype("int64")
    wide.columns.name = None
    return wide


def index_to(wide: pd.DataFrame, base_year: int) -> pd.DataFrame:
    """Return every column divided by its ``base_year`` value, times 100 (base year = 100).

    Examples
    --------
    >>> w = pd.DataFrame({"A": [50.0, 100.0]}, index=[2015, 2020])
    >>> index_to(w, 2015)["A"].tolist()
    [100.0, 200.0]
    """
    if base_year not in wide.index:
        raise KeyError(f"base year {base_year} is not in the table")
    return wide.div(wide.loc[base_year]).mul(100)


def male_share(stock: pd.DataFrame, destination: str = "JPN") -> pd.DataFrame:
    """Return the male share of each origin's stock (percent of total), year × origin.

    Examples
    --------
    >>> s = pd.DataFrame({"year": 2024, "origin": "KHM", "destination": "JPN",
    ...                   "sex": ["total", "male", "female"], "persons": [200, 120, 80]})
    >>> male_share(s).loc[2024, "KHM"]
    np.float64(60.0)
    """
    total = stock_wide(stock, destination, "total")
    male = stock_wide(stock, destination, "male")
    return male.div(total).mul(100)


def growth_table(stock: pd.DataFrame, start: int, end: int, destination: str = "JPN") -> pd.DataFrame:
    """Return each origin's stock in ``start`` and ``end``, its growth and its male share.

    Parameters
    ----------
    stock : pandas.DataFrame
        ``migrant_stock_undesa`` (year, origin, destination, sex, persons).
    start, end : int
        Years of the comparison (both must be in the data).
    destination : str
        Destination code.

    Returns
    -------
    pandas.DataFrame
        Indexed by origin, sorted by growth (largest first): ``persons_<start>``,
        ``persons_<end>``, ``change_pct``, ``cagr_pct`` and ``male_share_<end>_pct``.

    Examples
    --------
    >>> s = pd.DataFrame({"year": [2015, 2024, 2024, 2024], "origin": "KHM", "destination": "JPN",
    ...                   "sex": ["total", "total", "male", "female"], "persons": [100, 300, 180, 120]})
    >>> growth_table(s, 2015, 2024).loc["KHM", "change_pct"]
    np.float64(200.0)
    """
    total = stock_wide(stock, destination, "total")
    share = male_share(stock, destination)
    first, last = total.loc[start], total.loc[end]
    table = pd.DataFrame(
        {
            f"persons_{start}": first,
            f"persons_{end}": last,
            "change_pct": (last / first - 1) * 100,
            "cagr_pct": [cagr(f, la, end - start) for f, la in zip(first, last, strict=True)],
            f"male_share_{end}_pct": share.loc[end],
        }
    )
    table.index.name = "origin"
    return table.sort_values(["change_pct"], ascending=False, kind="stable")


def spread_labels(positions: Mapping[str, float], min_gap: float) -> dict[str, float]:
    """Return label positions moved apart so that neighbours are at least ``min_gap`` apart.

    Used for direct line labels at the end of a chart: labels keep their order, the lowest
    stays where it is and each next one is pushed up only as far as needed.

    Examples
    --------
    >>> spread_labels({"a": 100.0, "b": 101.0, "c": 200.0}, 10)
    {'a': 100.0, 'b': 110.0, 'c': 200.0}
    """
    placed: dict[str, float] = {}
    floor = -np.inf
    for name, y in sorted(positions.items(), key=lambda item: (item[1], item[0])):
        placed[name] = float(max(y, floor + min_gap))
        floor = placed[name]
    return {name: placed[name] for name in positions}


# --------------------------------------------------------------------------------------------
# Periods of point figures
# --------------------------------------------------------------------------------------------
def period_kind(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """Classify a period: ``'point'`` (one day), ``'month'``, ``'full_year'`` or ``'partial_year'``.

    Examples
    --------
    >>> period_kind(pd.Timestamp("2018-01-01"), pd.Timestamp("2018-12-31"))
    'full_year'
    >>> period_kind(pd.Timestamp("2024-01-01"), pd.Timestamp("2024-06-30"))
    'partial_year'
    """
    if start == end:
        return "point"
    if start.year == end.year and start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31:
        return "full_year"
    if start.year == end.year and start.month == end.month and start.day == 1 and end.is_month_end:
        return "month"
    return "partial_year"


def point_table(counts: pd.DataFrame, indicators: Iterable[str]) -> pd.DataFrame:
    """Return the ``people_counts`` rows of some indicators with a period label and kind.

    Returns
    -------
    pandas.DataFrame
        ``indicator``, ``period``, ``kind``, ``value``, ``qualifier``, ``measure``, ``source_id``,
        sorted by indicator, period start and value.
    """
    rows = counts[counts["indicator"].isin(list(indicators))].copy()
    rows["period"] = [period_label(s, e) for s, e in zip(rows["period_start"], rows["period_end"], strict=True)]
    rows["kind"] = [period_kind(s, e) for s, e in zip(rows["period_start"], rows["period_end"], strict=True)]
    rows = rows.sort_values(["indicator", "period_start", "period_end", "value"], ignore_index=True)
    return rows[["indicator", "period", "kind", "value", "qualifier", "measure", "source_id"]]


def missing_annual_years(counts: pd.DataFrame, indicator: str, first: int, last: int) -> list[int]:
    """Return the years from ``first`` to ``last`` with no full-calendar-year figure of a flow.

    A partial year (e.g. January–June) does not fill its year.

    Examples
    --------
    >>> c = pd.DataFrame({"indicator": "x", "period_start": pd.to_datetime(["2018-01-01", "2019-01-01"]),
    ...                   "period_end": pd.to_datetime(["2018-12-31", "2019-06-30"])})
    >>> missing_annual_years(c, "x", 2018, 2020)
    [2019, 2020]
    """
    rows = counts[counts["indicator"] == indicator]
    periods = zip(rows["period_start"], rows["period_end"], strict=True)
    annual = {s.year for s, e in periods if period_kind(s, e) == "full_year"}
    return [y for y in range(first, last + 1) if y not in annual]


# --------------------------------------------------------------------------------------------
# All series in one long frame, and their coverage
# --------------------------------------------------------------------------------------------
def observations(residents: pd.DataFrame, stock: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """Return every people observation in one long frame, one row per figure, by series.

    ``series`` names the basis (MOFA survey, UN DESA model estimate, ISA registrations,
    a minister's statement...) so that different measures are never merged into one line.
    UN DESA stocks are placed at mid-year (1 July), MOFA counts at their 1 October as-of date,
    point figures at the end of their period. Only UN DESA's Cambodia-born stock in Japan is
    included (indicator ``people_cambodians_in_jp``); the Japan-born stock in Cambodia counts
    people by birthplace, not Japanese nationals, and is left out of claim matching.

    Returns
    -------
    pandas.DataFrame
        ``indicator``, ``series``, ``date``, ``period_start``, ``period_end``, ``value``,
        ``qualifier``, ``source_id``; sorted by indicator, series and date.
    """
    mofa = pd.DataFrame(
        {
            "indicator": "people_japanese_residents_in_kh",
            "series": "MOFA survey (residence notifications, 1 Oct)",
            "date": residents["as_of"],
            "period_start": residents["as_of"],
            "period_end": residents["as_of"],
            "value": residents["persons"].astype("float64"),
            "qualifier": "exact",
            "source_id": residents["source_id"],
        }
    )
    khm = stock[(stock["origin"] == "KHM") & (stock["destination"] == "JPN") & (stock["sex"] == "total")]
    mid_year = pd.to_datetime(khm["year"].astype("int64").astype(str) + "-07-01", format="%Y-%m-%d")
    undesa = pd.DataFrame(
        {
            "indicator": "people_cambodians_in_jp",
            "series": "UN DESA model estimate (Cambodia-born, mid-year)",
            "date": mid_year,
            "period_start": mid_year,
            "period_end": mid_year,
            "value": khm["persons"].astype("float64"),
            "qualifier": "exact",
            "source_id": khm["source_id"],
        }
    )
    points = pd.DataFrame(
        {
            "indicator": counts["indicator"],
            "series": [_series_of(m) for m in counts["measure"]],
            "date": counts["period_end"],
            "period_start": counts["period_start"],
            "period_end": counts["period_end"],
            "value": counts["value"].astype("float64"),
            "qualifier": counts["qualifier"],
            "source_id": counts["source_id"],
        }
    )
    frame = pd.concat([mofa, undesa, points], ignore_index=True)
    return frame.sort_values(["indicator", "series", "date", "value"], ignore_index=True)


def _series_of(measure: str) -> str:
    """Group a ``people_counts`` measure into a series label by its basis."""
    text = measure.lower()
    if "(isa)" in text:
        return "ISA registrations (end of period)"
    if "minister" in text:
        return "Ministerial statement"
    if "labour ministry" in text:
        return "Labour Ministry figure (possibly cumulative)"
    if "embassy" in text:
        return "Japanese Embassy estimate"
    if "jasso" in text:
        return "JASSO survey (1 May)"
    if "titp" in text:
        return "TITP trainee count"
    if "ministry of tourism" in text:
        return "Ministry of Tourism arrivals"
    if "jnto" in text:
        return "JNTO arrivals"
    return measure


def coverage(obs: pd.DataFrame) -> pd.DataFrame:
    """Return the first and last year and the number of figures of each series.

    Examples
    --------
    >>> o = pd.DataFrame({"indicator": "x", "series": "s", "value": [1.0, 2.0],
    ...                   "date": pd.to_datetime(["2015-12-31", "2023-12-31"])})
    >>> coverage(o)[["first", "last", "figures"]].iloc[0].tolist()
    [2015, 2023, 2]
    """
    table = (
        obs.assign(year=obs["date"].dt.year)
        .groupby(["indicator", "series"])
        .agg(first=("year", "min"), last=("year", "max"), figures=("value", "size"))
        .reset_index()
    )
    return table.sort_values(["indicator", "first", "series"], ignore_index=True)


# --------------------------------------------------------------------------------------------
# Claims against series
# --------------------------------------------------------------------------------------------
def claim_label(source_id: str, manifest: pd.DataFrame) -> str:
    """Return ``'seed_002 (The Khmer Times, 2018-02-02)'``-style labels from the seed manifest.

    Where the manifest has no outlet, the label says so rather than guessing one.

    Examples
    --------
    >>> m = pd.DataFrame({"source_id": ["seed_9"], "outlet": [None], "published": [None]})
    >>> claim_label("seed_9", m)
    'seed_9 (outlet not named)'
    """
    row = manifest.set_index("source_id").loc[source_id]
    parts = [row["outlet"] if pd.notna(row["outlet"]) else "outlet not named"]
    if pd.notna(row["published"]):
        parts.append(str(row["published"]))
    return f"{source_id} ({', '.join(parts)})"


def place_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Give each claim a date to plot it at, and say where that date comes from.

    The date is the end of the claim's period; failing that, its statement date; failing that,
    the latest statement date of another claim in the same article (the article's own dated
    event, an inference flagged as such). Claims with none of these stay undated (``NaT``).

    Returns
    -------
    pandas.DataFrame
        ``claims`` with ``date`` and ``date_basis`` added.

    Examples
    --------
    >>> c = pd.DataFrame({"source_id": ["s1", "s1", "s2"], "period_end": [None, None, None],
    ...                   "statement_date": pd.to_datetime(["2023-12-18", None, None])})
    >>> place_claims(c)["date_basis"].tolist()
    ['statement date', "article's dated event (inferred)", 'undated']
    """
    frame = claims.copy()
    period_end = pd.to_datetime(frame["period_end"], format="%Y-%m-%d")
    statement = pd.to_datetime(frame["statement_date"])
    anchor = statement.groupby(frame["source_id"]).transform("max")
    frame["date"] = period_end.fillna(statement).fillna(anchor)
    frame["date_basis"] = np.select(
        [period_end.notna(), statement.notna(), anchor.notna()],
        ["period stated", "statement date", "article's dated event (inferred)"],
        default="undated",
    )
    return frame


def match_claims(
    claims: pd.DataFrame,
    obs: pd.DataFrame,
    related: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Match each claim to the nearest figure of every series of its indicator.

    Parameters
    ----------
    claims : pandas.DataFrame
        Claims with ``date`` and ``date_basis`` (see :func:`place_claims`), ``claim_id``,
        ``source_id``, ``indicator``, ``value``, ``qualifier``.
    obs : pandas.DataFrame
        Observations (see :func:`observations`).
    related : mapping, optional
        For indicators that have no series, a related indicator to compare with instead
        (e.g. a cumulative count against a stock); the status says so.

    Returns
    -------
    pandas.DataFrame
        One row per claim and matched series (one row for a claim with no series):
        ``claim_id``, ``source_id``, ``indicator``, ``claim_value``, ``claim_qualifier``,
        ``date_basis``, ``status``, ``series``, ``series_period``, ``series_value`` and
        ``diff_pct`` (claim over series, percent). A dated claim is matched to the figure
        nearest in time; an undated one to the figure nearest in value (status says which).
    """
    related = dict(related or {})
    rows = []
    for claim in claims.sort_values("claim_id").itertuples(index=False):
        base = {
            "claim_id": claim.claim_id,
            "source_id": claim.source_id,
            "indicator": claim.indicator,
            "claim_value": claim.value,
            "claim_qualifier": claim.qualifier,
            "date_basis": claim.date_basis,
        }
        if pd.isna(claim.value):
            rows.append(base | {"status": "no figure (date without a year)"})
            continue
        target = claim.indicator
        candidates = obs[obs["indicator"] == target]
        status = "matched"
        if candidates.empty and target in related:
            target = related[target]
            candidates = obs[obs["indicator"] == target]
            status = f"no series; compared with {target}"
        if candidates.empty:
            rows.append(base | {"status": "no series for this indicator"})
            continue
        for series, group in candidates.groupby("series", sort=True):
            if pd.isna(claim.date):
                gap = (group["value"] - claim.value).abs()
                how = "undated: nearest in value"
            else:
                gap = (group["date"] - claim.date).abs()
                how = "nearest in time"
            best = group.loc[gap.sort_values(kind="stable").index[0]]
            rows.append(
                base
                | {
                    "status": f"{status} ({how})",
                    "series": series,
                    "series_period": period_label(best["period_start"], best["period_end"]),
                    "series_value": best["value"],
                    "diff_pct": (claim.value / best["value"] - 1) * 100,
                }
            )
    columns = [
        "claim_id", "source_id", "indicator", "claim_value", "claim_qualifier", "date_basis",
        "status", "series", "series_period", "series_value", "diff_pct",
    ]  # fmt: skip
    return pd.DataFrame(rows).reindex(columns=columns)
