"""Unit tests of ``helpers.people`` on small hand-built frames (expected values worked by hand)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers import people


def _stock() -> pd.DataFrame:
    """Two origins in Japan, 2015 and 2024, by sex (male + female = total)."""
    rows = [
        (2015, "KHM", "total", 100), (2015, "KHM", "male", 40), (2015, "KHM", "female", 60),
        (2024, "KHM", "total", 400), (2024, "KHM", "male", 220), (2024, "KHM", "female", 180),
        (2015, "LAO", "total", 50), (2015, "LAO", "male", 25), (2015, "LAO", "female", 25),
        (2024, "LAO", "total", 25), (2024, "LAO", "male", 10), (2024, "LAO", "female", 15),
        (2024, "JPN", "total", 7), (2024, "JPN", "male", 4), (2024, "JPN", "female", 3),
    ]  # fmt: skip
    frame = pd.DataFrame(rows, columns=["year", "origin", "sex", "persons"])
    frame["destination"] = ["KHM" if o == "JPN" else "JPN" for o in frame["origin"]]
    frame["source_id"] = "undesa_ims2024"
    return frame


def test_year_on_year_skips_a_missing_year():
    frame = pd.DataFrame({"year": [2012, 2009, 2011, 2013], "persons": [150, 80, 120, 120]})
    # 2011 follows 2009 (no 2010): undefined; 2012: 150/120 = +25 %; 2013: 120/150 = -20 %.
    result = people.year_on_year(frame)
    assert math.isnan(result[1]) and math.isnan(result[2])
    assert result[0] == pytest.approx(25.0)
    assert result[3] == pytest.approx(-20.0)


def test_cagr_doubling_over_three_years():
    # 2 ** (1/3) = 1.259921..., so about 25.99 % a year.
    assert people.cagr(1000, 2000, 3) == pytest.approx(25.992105, abs=1e-6)
    with pytest.raises(ValueError):
        people.cagr(0, 10, 2)


def test_peak_and_fall():
    frame = pd.DataFrame({"year": [2018, 2019, 2020, 2021, 2022], "persons": [300, 400, 500, 450, 350]})
    result = people.peak_and_fall(frame)
    assert (result["peak_year"], result["peak"]) == (2020, 500.0)
    assert (result["last_year"], result["last"]) == (2022, 350.0)
    assert result["change"] == -150.0
    assert result["change_pct"] == pytest.approx(-30.0)


def test_stock_wide_index_and_male_share():
    stock = _stock()
    wide = people.stock_wide(stock)
    assert list(wide.columns) == ["KHM", "LAO"]  # the Japan-born stock in Cambodia is not in Japan
    indexed = people.index_to(wide, 2015)
    assert indexed.loc[2024, "KHM"] == pytest.approx(400.0)
    assert indexed.loc[2024, "LAO"] == pytest.approx(50.0)
    share = people.male_share(stock)
    assert share.loc[2015, "KHM"] == pytest.approx(40.0)
    assert share.loc[2024, "KHM"] == pytest.approx(55.0)
    assert people.stock_wide(stock, destination="KHM").loc[2024, "JPN"] == 7
    with pytest.raises(KeyError):
        people.index_to(wide, 2010)


def test_growth_table():
    table = people.growth_table(_stock(), 2015, 2024)
    assert list(table.index) == ["KHM", "LAO"]  # sorted by growth, largest first
    khm = table.loc["KHM"]
    assert khm["persons_2015"] == 100 and khm["persons_2024"] == 400
    assert khm["change_pct"] == pytest.approx(300.0)
    assert khm["cagr_pct"] == pytest.approx((4 ** (1 / 9) - 1) * 100)  # 16.65 %
    assert khm["male_share_2024_pct"] == pytest.approx(55.0)
    assert table.loc["LAO", "change_pct"] == pytest.approx(-50.0)


@pytest.mark.parametrize(
    ("start", "end", "kind"),
    [
        ("2017-10-01", "2017-10-01", "point"),
        ("2013-05-01", "2013-05-31", "month"),
        ("2018-01-01", "2018-12-31", "full_year"),
        ("2024-01-01", "2024-06-30", "partial_year"),
        ("2024-01-01", "2024-02-29", "partial_year"),
        ("2018-03-15", "2018-04-20", "partial_year"),
    ],
)
def test_period_kind(start, end, kind):
    assert people.period_kind(pd.Timestamp(start), pd.Timestamp(end)) == kind


def _counts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indicator": ["visits", "visits", "visits", "stock"],
            "period_start": pd.to_datetime(["2019-01-01", "2018-01-01", "2020-01-01", "2019-12-31"]),
            "period_end": pd.to_datetime(["2019-12-31", "2018-06-30", "2020-12-31", "2019-12-31"]),
            "measure": ["arrivals (Ministry of Tourism)", "arrivals (Ministry of Tourism)",
                        "visitor arrivals (JNTO)", "registered foreign residents (ISA)"],
            "value": [300, 100, 50, 20],
            "qualifier": ["exact", "exact", "about", "exact"],
            "estimate": False,
            "source_id": ["a", "b", "c", "d"],
            "read_in_source": [True, True, True, False],
        }
    )


def test_missing_annual_years_ignores_partial_years():
    # 2018 only has January–June: still missing as a year.
    assert people.missing_annual_years(_counts(), "visits", 2017, 2021) == [2017, 2018, 2021]


def test_point_table_sorted_with_labels():
    table = people.point_table(_counts(), ["visits"])
    assert table["period"].tolist() == ["Jan–Jun 2018", "2019", "2020"]
    assert table["kind"].tolist() == ["partial_year", "full_year", "full_year"]
    assert table["read_in_source"].all()


def test_figure_labels_mark_unconfirmed_figures():
    rows = people.point_table(_counts(), ["visits", "stock"])
    # Sorted by indicator: stock (20, not read in its source) first, then the visits.
    assert people.figure_labels(rows).tolist() == ["20 †", "100", "300", "about 50"]
    with pytest.raises(KeyError):
        people.figure_labels(rows.drop(columns="read_in_source"))


def _observations() -> pd.DataFrame:
    residents = pd.DataFrame(
        {"year": [2020, 2021], "as_of": pd.to_datetime(["2020-10-01", "2021-10-01"]),
         "persons": [5000, 4500], "source_id": "m", "read_in_source": [True, False]}
    )
    return people.observations(residents, _stock(), _counts())


def test_observations_keep_bases_apart():
    obs = _observations()
    series = set(obs.loc[obs["indicator"] == "people_cambodians_in_jp", "series"])
    assert series == {"UN DESA model estimate (Cambodia-born, mid-year)"}
    khm = obs[obs["indicator"] == "people_cambodians_in_jp"]
    assert khm["date"].dt.strftime("%Y-%m-%d").tolist() == ["2015-07-01", "2024-07-01"]
    assert set(obs.loc[obs["indicator"] == "visits", "series"]) == {"Ministry of Tourism arrivals", "JNTO arrivals"}
    assert obs.loc[obs["indicator"] == "stock", "series"].item() == "ISA registrations (end of period)"
    # Provenance travels with each figure: the unconfirmed ISA row and 2021 MOFA row stay flagged.
    assert not obs.loc[obs["indicator"] == "stock", "read_in_source"].item()
    mofa_flags = obs.loc[obs["indicator"] == "people_japanese_residents_in_kh", "read_in_source"].tolist()
    assert mofa_flags == [True, False]
    assert khm["read_in_source"].all()
    cov = people.coverage(obs)
    mofa = cov[cov["indicator"] == "people_japanese_residents_in_kh"].iloc[0]
    assert (mofa["first"], mofa["last"], mofa["figures"]) == (2020, 2021, 2)


def test_growth_peers_treats_a_small_gap_as_level():
    growth = pd.DataFrame({"cagr_pct": [25.2, 18.95, 18.9, 18.3, 4.1]}, index=["MMR", "VNM", "KHM", "IDN", "LAO"])
    # 0.05 points a year (VNM) is level; 0.6 (IDN) is slower; MMR is 6.3 points faster.
    assert people.growth_peers(growth, "KHM") == {"faster": ["MMR"], "level": ["VNM"], "slower": ["IDN", "LAO"]}
    assert people.growth_peers(growth, "KHM", tolerance=1.0)["level"] == ["VNM", "IDN"]
    with pytest.raises(ValueError):
        people.growth_peers(growth, "KHM", tolerance=-1)


def test_per_month_counts_calendar_months():
    counts = pd.DataFrame(
        {
            "period_start": pd.to_datetime(["2024-01-01", "2023-11-01", "2019-01-01"]),
            "period_end": pd.to_datetime(["2024-02-29", "2024-01-31", "2019-12-31"]),
            "value": [300, 90, 1200],
        }
    )
    out = people.per_month(counts)
    assert out["months"].tolist() == [2, 3, 12]  # leap February; a period across the new year
    assert out["per_month"].tolist() == [150, 30, 100]


def test_per_month_refuses_part_months():
    counts = pd.DataFrame(
        {"period_start": pd.to_datetime(["2019-03-25"]), "period_end": pd.to_datetime(["2019-03-25"]), "value": [1]}
    )
    with pytest.raises(ValueError, match="rows \\[0\\]"):
        people.per_month(counts)
