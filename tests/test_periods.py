"""One way to label periods and place partial dates, shared by every notebook (cases worked by hand)."""

import math

import pandas as pd
import pytest

from helpers import periods


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        ("2022-01-01", "2022-12-31", "2022"),
        ("1992-01-01", "2010-12-31", "1992–2010"),
        ("2024-01-01", "2024-10-31", "Jan–Oct 2024"),
        ("2024-01-01", "2024-06-30", "Jan–Jun 2024"),
        ("2024-01-01", "2024-02-29", "Jan–Feb 2024"),
        ("2024-03-01", "2024-03-31", "Mar 2024"),
        ("2013-05-01", "2013-05-31", "May 2013"),
        ("2017-10-01", "2017-10-01", "1 Oct 2017"),
        ("2006-04-01", "2007-03-31", "JFY2006"),
        (None, "2006-03-31", "to 31 Mar 2006"),
        ("1992-01-01", "2023-11-08", "1992–8 Nov 2023"),
        ("1994-01-01", "2006-12-31", "1994–2006"),
        ("1994-01-01", "2021-07-31", "1994–Jul 2021"),
        ("1994-01-01", "2021-02-11", "1994–11 Feb 2021"),
        ("1994-01-01", "2020-02-29", "1994–Feb 2020"),
        ("2018-02-21", "2019-02-20", "21 Feb 2018–20 Feb 2019"),
        ("2018-03-15", "2018-04-20", "15 Mar 2018–20 Apr 2018"),
        (None, None, "period not stated"),
        (pd.NaT, pd.NaT, "period not stated"),
    ],
)
def test_period_label(start, end, label):
    assert periods.period_label(start, end) == label


def test_consecutive_runs():
    assert periods.consecutive_runs([2021, 2009, 2008, 2010, 2017, 2020]) == [(2008, 2010), (2017, 2017), (2020, 2021)]
    assert periods.consecutive_runs([1980, 1971, 1969, 1972]) == [(1969, 1969), (1971, 1972), (1980, 1980)]
    assert periods.consecutive_runs([]) == []


def test_qualified():
    assert periods.qualified(11000, "about") == "about 11,000"
    assert periods.qualified(8000.0, "more_than") == "more than 8,000"
    assert periods.qualified(23750, "exact") == "23,750"


@pytest.mark.parametrize(
    ("date", "precision", "expected"),
    [
        ("1992", "year", 1992.5),  # a bare year sits mid-year
        ("2000", None, 2000.5),  # precision read from the length
        ("1975-04", "month", 1975 + 3.5 / 12),  # middle of April
        ("2000-01", None, 2000 + 0.5 / 12),
        ("2023-01-01", "day", 2023 + 0.5 / 365),  # 1 January, mid-day
        ("2001-07-02", None, 2001 + 182.5 / 365),  # day 183 of a common year
        ("2024-12-31", "day", 2024 + 365.5 / 366),  # 2024 is a leap year
    ],
)
def test_decimal_year_puts_partial_dates_mid_span(date, precision, expected):
    assert periods.decimal_year(date, precision) == pytest.approx(expected, abs=1e-4)


def test_decimal_year_missing_and_unknown_precision():
    assert math.isnan(periods.decimal_year(None))
    with pytest.raises(ValueError):
        periods.decimal_year("2020", "decade")
