"""Unit tests of helpers.oda on small hand-built frames (expected values worked out by hand)."""


import pandas as pd

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


def test_instrument_shares_pairs_cumulative_figures_without_start_date():
    agg = agg_frame(
        [
            ["oda_jp_grants", None, "2006-03-31", "exchange_of_notes", 90, "JPY", "exact", "d"],
            ["oda_jp_loans", None, "2006-03-31", "exchange_of_notes", 10, "JPY", "exact", "d"],
        ]
    )
    assert oda.instrument_shares(agg)["loan_share_percent"].tolist() == [10.0]


def test_implied_total_needs_identical_period():
    agg = agg_frame(
        [
            ["oda_jp_share_of_kh_oda", "1992-01-01", "2010-12-31", "unspecified", 20, "percent", "exact", "a"],
            ["oda_jp_total", "1992-01-01", "2010-12-31", "unspecified", 1_000_000_000, "USD", "exact", "a"],
            ["oda_jp_total", "1992-01-01", "2018-12-31", "unspecified", 9_000_000_000, "USD", "exact", "b"],
        ]
    )
    out = oda.implied_total_oda(agg)
    assert len(out) == 1
    assert out.loc[0, "implied_all_donors_usd_million"] == 5000.0  # 1,000 / 0.20


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
    mix = oda.instrument_mix(dates)
    assert mix.loc["2010s"].tolist() == [1, 1, 2]
    assert mix.loc["1960s"].tolist() == [1, 0, 1]

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
    assert table.loc["t", "sources"] == "s1, s2"


def test_claim_evidence_compares_values_periods_and_flags_self_evidence():
    claims = pd.DataFrame(
        {
            "claim_id": ["k1", "k2", "k3"],
            "source_id": ["seed_x"] * 3,
            "value": [20.0, 1968.0, 4.0],
            "value_as_printed": ["20 percent", "1968", "four"],
            "unit": ["percent", "year", "count"],
            "period_start": [pd.NaT] * 3,
            "period_end": [pd.NaT] * 3,
            "subject": ["share", "first loan", "areas"],
        }
    )
    agg = agg_frame(
        [
            ["oda_jp_share_of_kh_oda", "1992-01-01", "2010-12-31", "unspecified", 18, "percent", "exact", "off"],
            ["oda_jp_share_of_kh_oda", "1992-01-01", "2018-02-02", "unspecified", 20, "percent", "exact", "seed_x"],
            ["oda_jp_loans", "1968-01-01", "2009-12-31", "unspecified", 5, "JPY", "exact", "emb"],
        ]
    )
    links = [
        {"claim_id": "k1", "dataset": "agg", "where": {"indicator": "oda_jp_share_of_kh_oda"}, "field": "value"},
        {"claim_id": "k2", "dataset": "agg", "where": {"indicator": "oda_jp_loans"}, "field": "period_start"},
    ]
    out = oda.claim_evidence(claims, {"agg": agg}, links).set_index(["claim_id", "evidence_source"])
    assert out.loc[("k1", "off"), "comparison"] == "differs by -2 points"
    assert out.loc[("k1", "off"), "basis"] == "claim states no period"
    assert out.loc[("k1", "seed_x"), "comparison"] == "from the same article (not independent)"
    assert out.loc[("k2", "emb"), "comparison"] == "same year"
    assert out.loc[("k2", "emb"), "evidence"] == "1968 (start of the 1968–2009 total)"
    assert out.loc[("k3", ""), "comparison"] == "not checkable here"


def test_claim_evidence_text_pattern_finds_wording():
    claims = pd.DataFrame(
        {"claim_id": ["k"], "source_id": ["seed_x"], "value": [1.0], "value_as_printed": ["biggest"],
         "unit": ["rank"], "period_start": [pd.NaT], "period_end": [pd.NaT], "subject": ["rank"]}
    )
    table = pd.DataFrame(
        {"source_id": ["p", "q"], "source_detail": ["“Japan, the largest aid donor, said”", "no match here"]}
    )
    links = [{"claim_id": "k", "dataset": "t", "pattern": r"(?:largest|biggest)[^.”]*donor", "field": "source_detail"}]
    out = oda.claim_evidence(claims, {"t": table}, links)
    assert out["evidence"].tolist() == ["“…largest aid donor…”"]
    assert out["comparison"].tolist() == ["wording agrees (no ranking data)"]


def test_claim_links_name_existing_datasets():
    import helpers

    known = set(helpers.list_datasets())
    assert {link["dataset"] for link in oda.CLAIM_LINKS} <= known
