"""People flows between Cambodia and Japan: growth, indexed comparisons and periods.

Small functions behind ``notebooks/02_people_flows.ipynb``. They reshape the curated datasets
(``japanese_residents_in_cambodia``, ``migrant_stock_undesa``, ``people_counts``) and
never add a figure of their own: every value they return is read from, or computed on, the frame
they are given.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.periods import period_label, qualified
from helpers.provenance import mark_unread

__all__ = [
    "COUNTRY_NAMES",
    "FLOW_INDICATORS",
    "cagr",
    "INDICATOR_LABELS",
    "coverage",
    "figure_labels",
    "growth_peers",
    "growth_table",
    "index_to",
    "male_share",
    "missing_annual_years",
    "observations",
    "peak_and_fall",
    "per_month",
    "period_kind",
    "point_table",
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

# Short reader names of the people indicators (the codes stay in the data, never on a page).
INDICATOR_LABELS = {
    "people_cambodian_students_in_jp": "Cambodian students in Japan",
    "people_cambodian_trainees_in_jp": "Cambodian technical intern trainees in Japan",
    "people_cambodian_visitors_to_jp": "Cambodian visitor arrivals in Japan",
    "people_cambodian_workers_in_jp": "Cambodians working in Japan",
    "people_cambodians_in_jp": "Cambodians living in Japan",
    "people_japanese_residents_in_kh": "Japanese living in Cambodia",
    "people_japanese_visitors_to_kh": "Japanese visitor arrivals in Cambodia",
}


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


def growth_peers(growth: pd.DataFrame, origin: str, tolerance: float = 0.5) -> dict[str, list[str]]:
    """Sort the other origins of a growth table into faster, level with, and slower than ``origin``.

    Two annual growth rates less than ``tolerance`` percentage points apart are "level": a
    0.1-point difference over nine years is noise in a model estimate, not a faster growth.

    Parameters
    ----------
    growth : pandas.DataFrame
        :func:`growth_table` output (indexed by origin, with ``cagr_pct``).
    origin : str
        The origin the others are compared with.
    tolerance : float, default 0.5
        Percentage points a year within which two origins grew at the same pace.

    Returns
    -------
    dict
        ``faster``, ``level`` and ``slower``: lists of origins, in the table's order.

    Examples
    --------
    >>> g = pd.DataFrame({"cagr_pct": [25.2, 18.95, 18.9, 4.1]}, index=["MMR", "VNM", "KHM", "LAO"])
    >>> growth_peers(g, "KHM")
    {'faster': ['MMR'], 'level': ['VNM'], 'slower': ['LAO']}
    """
    if tolerance < 0:
        raise ValueError("tolerance must be zero or more percentage points")
    gap = growth["cagr_pct"].drop(origin) - growth.loc[origin, "cagr_pct"]
    return {
        "faster": list(gap.index[gap >= tolerance]),
        "level": list(gap.index[gap.abs() < tolerance]),
        "slower": list(gap.index[gap <= -tolerance]),
    }


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
        ``read_in_source``, sorted by indicator, period start and value.
    """
    rows = counts[counts["indicator"].isin(list(indicators))].copy()
    rows["period"] = [period_label(s, e) for s, e in zip(rows["period_start"], rows["period_end"], strict=True)]
    rows["kind"] = [period_kind(s, e) for s, e in zip(rows["period_start"], rows["period_end"], strict=True)]
    rows = rows.sort_values(["indicator", "period_start", "period_end", "value"], ignore_index=True)
    return rows[["indicator", "period", "kind", "value", "qualifier", "measure", "source_id", "read_in_source"]]


def figure_labels(rows: pd.DataFrame) -> pd.Series:
    """Return each figure as a reader reads it, with its qualifier and a † where it is unconfirmed.

    Parameters
    ----------
    rows : pandas.DataFrame
        Rows with ``value``, ``qualifier`` and ``read_in_source``.

    Returns
    -------
    pandas.Series
        Text aligned on ``rows``'s index: ``'about 11,000'``, ``'6,111 †'``.

    Examples
    --------
    >>> r = pd.DataFrame({"value": [11000, 6111], "qualifier": ["about", "exact"],
    ...                   "read_in_source": [True, False]})
    >>> figure_labels(r).tolist()
    ['about 11,000', '6,111 †']
    """
    text = pd.Series([qualified(v, q) for v, q in zip(rows["value"], rows["qualifier"], strict=True)],
                     index=rows.index, dtype="str")
    return mark_unread(text, rows)


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


def per_month(counts: pd.DataFrame) -> pd.DataFrame:
    """Add the calendar months a flow figure covers and its average per month.

    A half-year total and a full-year total cannot share one axis, but their averages per
    month can (ignoring the season, which the caller must say).

    Returns
    -------
    pandas.DataFrame
        ``counts`` with ``months`` (whole calendar months from the period start to its end)
        and ``per_month`` (value ÷ months).

    Raises
    ------
    ValueError
        If a period does not start on the 1st and end on a month's last day.

    Examples
    --------
    >>> c = pd.DataFrame({"period_start": pd.to_datetime(["2019-01-01", "2024-01-01"]),
    ...                   "period_end": pd.to_datetime(["2019-12-31", "2024-06-30"]), "value": [240, 60]})
    >>> per_month(c)[["months", "per_month"]].to_numpy().tolist()
    [[12.0, 20.0], [6.0, 10.0]]
    """
    whole = (counts["period_start"].dt.day == 1) & counts["period_end"].dt.is_month_end
    if not whole.all():
        bad = counts.index[~whole].tolist()
        raise ValueError(f"rows {bad} do not cover whole calendar months; no average per month")
    start, end = counts["period_start"], counts["period_end"]
    months = (end.dt.year - start.dt.year) * 12 + (end.dt.month - start.dt.month) + 1
    return counts.assign(months=months.astype("float64"), per_month=counts["value"] / months)


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
    people by birthplace, not Japanese nationals, and is left out.

    ``read_in_source`` comes from the MOFA and point-figure rows (``False`` where the figure was
    not confirmed in the source it cites); UN DESA values are read from UN DESA's own table.

    Returns
    -------
    pandas.DataFrame
        ``indicator``, ``series``, ``date``, ``period_start``, ``period_end``, ``value``,
        ``qualifier``, ``source_id``, ``read_in_source``; sorted by indicator, series and date.
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
            "read_in_source": residents["read_in_source"].astype(bool),
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
            "read_in_source": True,
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
            "read_in_source": counts["read_in_source"].astype(bool),
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
