"""Unit tests of helpers.oda on small hand-built frames (expected values worked out by hand)."""


import pandas as pd
import pytest

from helpers import oda

T = pd.Timestamp


def agg_frame(rows):
    columns = ["indicator", "period_start", "period_end", "basis", "value", "unit", "qualifier", "source_id"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["period_start"] = pd.to_datetime(frame["period_start"])
    frame["period_end"] = pd.to_datetime(frame["period_end"])
    return frame


def project_frame(rows):
    columns = ["project_id", "name", "sector", "instrument", "agreement_date", "agreement_date_precision",
               "completion_date", "completion_date_precision", "amount", "currency", "amount_qualifier", "source_id"]
    return pd.DataFrame(rows, columns=columns)

def test_format_amount_scales_and_qualifies():
    assert oda.format_amount(2_989_000_000, "JPY") == "¥2.99 bn"
    assert oda.format_amount(348_000_000, "JPY") == "¥348 m"
    assert oda.format_amount(23_200_000, "USD", "about") == "about US$23.2 m"
    assert oda.format_amount(1_453_000_000, "JPY", "up_to") == "up to ¥1.45 bn"
    assert oda.format_amount(14, "percent") == "14%"
    assert oda.format_amount(float("nan"), "USD") == ""


def test_aggregates_table_keeps_currencies_in_separate_columns_and_drops_shares():
    agg = agg_frame(
        [
            ["oda_jp_grants", "1992-01-01", "2010-12-31", "unspecified", 189_360_000_000, "JPY", "exact", "a"],
            ["oda_jp_grants", "1992-01-01", "2010-12-31", "unspecified", 1_760_220_000, "USD", "about", "a"],
            ["oda_jp_share_of_kh_oda", "1992-01-01", "2010-12-31", "unspecified", 18, "percent", "exact", "b"],
        ]
    )
    table = oda.aggregates_table(agg)
    assert len(table) == 2
    jpy = table[table["currency"] == "JPY"].iloc[0]
    usd = table[table["currency"] == "USD"].iloc[0]
    assert jpy["JPY billion"] == 189.4 and pd.isna(jpy["US$ million"])
    assert usd["US$ million"] == 1760.2 and pd.isna(usd["JPY billion"])
    assert set(table["basis"]) == {"basis not stated"}
    assert table["amount"].tolist() == ["¥189.36 bn", "about US$1,760.2 m"]


def test_instrument_shares_only_pairs_same_period_basis_and_currency():
    agg = agg_frame(
        [
            # a matching pair: 30 / (10 + 30) = 75 %
            ["oda_jp_grants", "2006-04-01", "2007-03-31", "disbursement", 10, "USD", "exact", "a"],
            ["oda_jp_loans", "2006-04-01", "2007-03-31", "disbursement", 30, "USD", "exact", "a"],
            ["oda_jp_technical_cooperation", "2006-04-01", "2007-03-31", "disbursement", 5, "USD", "exact", "a"],
            # same period, loans stated as a floor: 60 / (20 + 60) = 75 %, a lower bound
            ["oda_jp_grants", "2016-01-01", "2019-12-31", "unspecified", 20, "USD", "exact", "b"],
            ["oda_jp_loans", "2016-01-01", "2019-12-31", "unspecified", 60, "USD", "more_than", "b"],
            # periods differ (1992–2010 vs 1968–2009): never paired
            ["oda_jp_grants", "1992-01-01", "2010-12-31", "unspecified", 100, "JPY", "exact", "c"],
            ["oda_jp_loans", "1968-01-01", "2009-12-31", "unspecified", 20, "JPY", "exact", "c"],
            # same period but different bases: never paired
            ["oda_jp_grants", None, "2006-03-31", "exchange_of_notes", 100, "JPY", "exact", "d"],
            ["oda_jp_loans", None, "2006-03-31", "jica_expenditure", 50, "JPY", "exact", "d"],
        ]
    )
    shares = oda.instrument_shares(agg)
    assert shares["period"].tolist() == ["JFY2006", "2016–2019"]
    assert shares["loan_share_percent"].tolist() == [75.0, 75.0]
    assert shares["share_is"].tolist() == ["as stated", "lower bound"]
    assert shares.loc[0, "technical_cooperation"] == 5
    assert shares["source_ids"].tolist() == [("a",), ("b",)]
    assert "read_in_source" not in shares  # passed through only when the data has it
    agg["read_in_source"] = [True, True, True, True, False, True, True, True, True]
    assert oda.instrument_shares(agg)["read_in_source"].tolist() == [True, False]


def test_instrument_shares_pairs_cumulative_figures_without_start_date():
    agg = agg_frame(
        [
            ["oda_jp_grants", None, "2006-03-31", "exchange_of_notes", 90, "JPY", "exact", "d"],
            ["oda_jp_loans", None, "2006-03-31", "exchange_of_notes", 10, "JPY", "exact", "d"],
        ]
    )
    assert oda.instrument_shares(agg)["loan_share_percent"].tolist() == [10.0]


def test_project_dates_prefers_agreement_then_completion_and_counts_by_decade():
    projects = project_frame(
        [
            ["b", "Bridge", "transport", "grant", None, None, "1966", "year", None, None, None, "s1"],
            ["b", "Bridge (first)", "transport", None, None, None, "1963", "year", None, None, None, "s2"],
            ["r", "Road", "transport", "loan", "2013-04-30", "day", None, None, 8.85e9, "JPY", "exact", "s3"],
            ["r", "Road", "transport", "loan", "2014-07", "month", "2018", "year", 7e7, "USD", "about", "s4"],
            ["h", "Hospital", "health", "grant", "2017-03-30", "day", None, None, 1.453e9, "JPY", "up_to", "s5"],
        ]
    )
    dates = oda.project_dates(projects)
    assert dates.index.tolist() == ["b", "r", "h"]
    assert dates.loc["b", "date"] == "1963" and dates.loc["b", "date_kind"] == "completion"
    assert dates.loc["r", "date"] == "2013-04-30" and dates.loc["r", "date_kind"] == "agreement"
    assert dates["decade"].tolist() == ["1960s", "2010s", "2010s"]
    assert dates["completed"].tolist() == ["1963", "2018", ""]  # the earliest completion any source gives

    amounts = oda.project_amounts(projects)
    assert amounts["currency"].tolist() == ["JPY", "JPY", "USD"]
    assert amounts["amount_plot"].tolist() == [8.85, 1.453, 70.0]  # yen in billions, dollars in millions
    summary = oda.project_summary(projects)
    assert summary.loc["r", "yen (as stated)"] == "¥8.85 bn"
    assert summary.loc["r", "US$ (as stated)"] == "about US$70.0 m"
    assert summary.loc["b", "yen (as stated)"] == ""


def test_volunteer_counts_split_dated_undated_and_events():
    volunteers = pd.DataFrame(
        {
            "record_id": ["e1", "n1", "n2", "u1", "e2"],
            "as_of": ["1965", "2015-08", "2025", None, "1970"],
            "as_of_precision": ["year", "month", "year", None, "year"],
            "cumulative_volunteers": pd.array([None, 611, 900, 800, None], dtype="Int64"),
            "event": ["first_dispatch", "cumulative_count", "cumulative_count", "cumulative_count", "suspension"],
        }
    )
    dated, undated, events = oda.volunteer_counts(volunteers)
    assert dated["record_id"].tolist() == ["n1", "n2"]
    assert undated["record_id"].tolist() == ["u1"]
    assert events["record_id"].tolist() == ["e1", "e2"]
    assert events["decimal_year"].tolist() == [1965.5, 1970.5]


def test_milestones_table_takes_most_precise_date_and_keeps_disagreeing_pledges():
    milestones = pd.DataFrame(
        {
            "milestone_id": ["t", "t", "c"],
            "date": ["1992-06-22", "1992-06", "1996"],
            "date_precision": ["day", "month", "year"],
            "event": ["Conference", "Conference", "CG"],
            "event_type": ["conference", "conference", "consultative_group"],
            "place": ["Tokyo", None, "Tokyo"],
            "japan_role": [None, "host", None],
            "pledged_total": [880e6, 880e6, None],
            "pledged_total_qualifier": ["up_to", "more_than", None],
            "pledged_japan": [200e6, None, None],
            "pledged_japan_qualifier": ["up_to", None, None],
            "source_id": ["s1", "s2", "s3"],
        }
    )
    table = oda.milestones_table(milestones)
    assert table.index.tolist() == ["t", "c"]
    assert table.loc["t", "date"] == "1992-06-22"
    assert table.loc["t", "japan_role"] == "host"
    assert table.loc["t", "pledged, all donors"] == "up to US$880.0 m; more than US$880.0 m"
    assert table.loc["t", "pledged by Japan"] == "up to US$200.0 m"
    assert table.loc["c", "type"] == "consultative group"
    assert table.loc["t", "sources"] == "s1; s2"
    assert table.loc["t", "when"] == "22 Jun 1992"
    named = oda.milestones_table(milestones, {"s1": "The Monitor", "s2": "The Times"})
    assert named.loc["t", "sources"] == "The Monitor; The Times"
    assert named.loc["c", "sources"] == "s3"  # a source without a name keeps its id


def test_net_oda_comparability_admits_only_one_year_paid_out_in_dollars():
    agg = agg_frame(
        [
            ["oda_jp_total", "2006-04-01", "2007-03-31", "disbursement", 110.43e6, "USD", "exact", "a"],
            ["oda_jp_grants", "2006-04-01", "2007-03-31", "disbursement", 54.2e6, "USD", "exact", "a"],
            ["oda_jp_total", "2006-04-01", "2007-03-31", "disbursement", 13.252e9, "JPY", "exact", "a"],
            ["oda_jp_total", "2016-01-01", "2019-12-31", "disbursement", 550e6, "USD", "more_than", "b"],
            ["oda_jp_total", "2018-02-21", "2019-02-20", "unspecified", 134.38e6, "USD", "exact", "c"],
            ["oda_jp_grants", None, "2006-03-31", "exchange_of_notes", 109e9, "JPY", "exact", "d"],
            ["oda_jp_technical_cooperation", None, "2006-03-31", "jica_expenditure", 39e9, "JPY", "exact", "d"],
            ["oda_jp_share_of_kh_oda", "1992-01-01", "2010-12-31", "unspecified", 18, "percent", "exact", "e"],
        ]
    )
    reasons = oda.net_oda_comparability(agg).tolist()
    assert reasons[0] == "comparable"
    assert reasons[1] == "comparable (one part of a comparable total)"
    assert reasons[2].startswith("in yen")
    assert reasons[3] == "covers several years"
    assert reasons[4] == "does not say whether agreed or paid out"
    assert reasons[5] == "amounts agreed, not paid out"
    assert reasons[6].startswith("JICA's cost")
    assert reasons[7] == "a share, not an amount"

    points = oda.net_oda_points(agg)
    assert points["value_usd"].tolist() == [110.43e6]
    assert (points.loc[0, "first_year"], points.loc[0, "last_year"]) == (2006, 2007)
    assert points.loc[0, "period"] == "JFY2006"


def test_net_oda_points_empty_when_nothing_is_comparable():
    agg = agg_frame([["oda_jp_total", "1992-01-01", "2023-11-08", "unspecified", 4.319e9, "USD", "about", "a"]])
    assert oda.net_oda_points(agg).empty


def test_source_names_shorten_publishers_and_reject_unknown_ids():
    sources = pd.DataFrame(
        {
            "source_id": ["cdc", "seed", "blog"],
            "publisher": ["Council for the Development of Cambodia (CRDB/CDC)", None, "A blog (personal)"],
            "title": ["Statement", "[Untitled article]", "Post"],
            "published": ["2007-06", None, "2015-12-19"],
        }
    )
    names = oda.source_names(pd.Series(["blog", "cdc", "seed", "cdc"]), sources)
    assert names.tolist() == ["A blog, 2015", "Council for the Development of Cambodia, 2007", "[Untitled article]",
                              "Council for the Development of Cambodia, 2007"]
    with pytest.raises(KeyError, match="nope"):
        oda.source_names(pd.Series(["nope"]), sources)
