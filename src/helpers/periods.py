"""Periods and partial dates as readers see them: labels, runs of years, positions on a year axis.

Every notebook labels periods the same way: ``2022``, ``1992–2010``, ``Jan–Oct 2024``, ``JFY2006``
(a Japanese fiscal year, 1 April to 31 March), ``1994–Mar 2019`` (a cumulative figure to a
cut-off), ``to 31 Mar 2006`` (a total whose start is not stated), ``1 Oct 2017`` (a stock).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

__all__ = ["MONTHS", "QUALIFIER_WORDS", "consecutive_runs", "date_text", "decimal_year", "period_label", "qualified"]

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

# How a figure's qualifier (claims, counts, aggregates) reads before the number.
QUALIFIER_WORDS = {
    "exact": "", "about": "about ", "nearly": "nearly ", "more_than": "more than ",
    "less_than": "less than ", "up_to": "up to ", "target": "target ",
}  # fmt: skip


def qualified(value: float, qualifier: str) -> str:
    """Return a count as words with its qualifier, e.g. ``'about 11,000'``.

    Examples
    --------
    >>> qualified(11000, "about")
    'about 11,000'
    >>> qualified(6111.0, "exact")
    '6,111'
    """
    return f"{QUALIFIER_WORDS.get(qualifier, qualifier + ' ')}{value:,.0f}"


def _day(ts: pd.Timestamp) -> str:
    return f"{ts.day} {MONTHS[ts.month - 1]} {ts.year}"


def _month(ts: pd.Timestamp) -> str:
    return f"{MONTHS[ts.month - 1]} {ts.year}"


def date_text(date: str | None, precision: str | None) -> str:
    """Return a partial date as a reader writes it: ``22 Jun 1992``, ``Jul 1996``, ``1993``.

    Examples
    --------
    >>> date_text("1992-06-22", "day"), date_text("1996-07", "month"), date_text("1993", "year")
    ('22 Jun 1992', 'Jul 1996', '1993')
    >>> date_text(None, None)
    ''
    """
    if not isinstance(date, str) or not date:
        return ""
    stamp = pd.Timestamp(date)
    if precision == "day":
        return _day(stamp)
    if precision == "month":
        return _month(stamp)
    return str(stamp.year)


def period_label(start, end) -> str:
    """Return the label of a period given by its first and last day (either may be missing).

    Parameters
    ----------
    start, end : date-like or missing
        ``period_start`` and ``period_end`` of a row.

    Returns
    -------
    str

    Examples
    --------
    >>> period_label("2022-01-01", "2022-12-31"), period_label("1992-01-01", "2010-12-31")
    ('2022', '1992–2010')
    >>> period_label("2024-01-01", "2024-10-31"), period_label("2013-05-01", "2013-05-31")
    ('Jan–Oct 2024', 'May 2013')
    >>> period_label("2006-04-01", "2007-03-31"), period_label("1994-01-01", "2019-03-31")
    ('JFY2006', '1994–Mar 2019')
    >>> period_label(None, "2006-03-31"), period_label("2017-10-01", "2017-10-01")
    ('to 31 Mar 2006', '1 Oct 2017')
    >>> period_label(None, None)
    'period not stated'
    """
    start = pd.Timestamp(start) if pd.notna(start) else None
    end = pd.Timestamp(end) if pd.notna(end) else None
    if start is None and end is None:
        return "period not stated"
    if start is None:
        return f"to {_day(end)}"
    if end is None:
        return f"from {_day(start)}"
    if start == end:
        return _day(start)
    whole_months = start.day == 1 and end.is_month_end
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if (start.month, start.day, end.month, end.day) == (4, 1, 3, 31) and end.year == start.year + 1:
        return f"JFY{start.year}"
    if whole_months and start.year == end.year:
        if start.month == end.month:
            return _month(start)
        return f"{MONTHS[start.month - 1]}–{_month(end)}"
    if (start.month, start.day) == (1, 1):  # a cumulative figure from a year to its cut-off
        return f"{start.year}–{_month(end) if end.is_month_end else _day(end)}"
    if whole_months:
        return f"{_month(start)}–{_month(end)}"
    return f"{_day(start)}–{_day(end)}"


def consecutive_runs(years: Iterable[int]) -> list[tuple[int, int]]:
    """Group years into runs of consecutive years, as ``(first, last)`` pairs in order.

    Examples
    --------
    >>> consecutive_runs([2021, 2009, 2008, 2010, 2017, 2020])
    [(2008, 2010), (2017, 2017), (2020, 2021)]
    """
    runs: list[tuple[int, int]] = []
    for year in sorted(set(years)):
        if runs and year == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], year)
        else:
            runs.append((year, year))
    return runs


def decimal_year(date: str | None, precision: str | None = None) -> float:
    """Return a partial date as a decimal year at the middle of the span it names, for plotting.

    A bare year sits at mid-year, a month at its middle, a day at its own middle: an event known
    only to the year is not pinned to 1 January.

    Parameters
    ----------
    date : str or missing
        ISO text, ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
    precision : {"year", "month", "day"}, optional
        Read from the length of ``date`` when not given.

    Examples
    --------
    >>> decimal_year("1992"), decimal_year("1975-04", "month"), decimal_year(None)
    (1992.5, 1975.2917, nan)
    """
    if date is None or pd.isna(date):
        return float("nan")
    text = str(date)
    if precision is None or pd.isna(precision):
        precision = {4: "year", 7: "month"}.get(len(text), "day")
    year = int(text[:4])
    if precision == "year":
        return year + 0.5
    if precision == "month":
        return round(year + (int(text[5:7]) - 0.5) / 12, 4)
    if precision == "day":
        day = pd.Timestamp(text[:10])
        return round(year + (day.day_of_year - 0.5) / (366 if day.is_leap_year else 365), 4)
    raise ValueError(f"unknown precision {precision!r}")
