"""Corrections from the source audit (issue 15, item 5) stay in the data, each with its evidence."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers
from helpers.context import wdi_series


@pytest.fixture(scope="module")
def sources() -> pd.DataFrame:
    return helpers.load("sources").set_index("source_id")


def test_february_2021_cdc_count_is_the_non_sez_series():
    approvals = helpers.load("investment_approvals")
    feb = approvals[approvals["source_id"] == "vietstock_cdc_japan_projects_2021"].set_index("projects")
    jul = approvals[approvals["source_id"] == "ppp_cdc_japan_investor_meet_2021"].set_index("projects")
    assert feb.loc[144, "scope"].startswith("outside SEZs")
    assert jul.loc[145, "scope"] == "outside SEZs"
    # the SEZ figures did not move between the two releases, the outside-SEZ count rose by one
    assert feb.loc[66, "amount_usd"] == jul.loc[66, "amount_usd"] == 340_000_000
    feb_out = feb[feb["scope"].str.startswith("outside SEZs")]
    jul_out = jul[jul["scope"].str.startswith("outside SEZs")]
    assert jul_out.index.item() - feb_out.index.item() == 1
    assert feb_out["amount_usd"].item() <= jul_out["amount_usd"].item()
    # and the July total is the sum of its two parts, which the February 'total' was not
    assert jul.loc[66, "amount_usd"] + jul.loc[145, "amount_usd"] == jul.loc[211, "amount_usd"]
    assert "one new non-SEZ" in feb.loc[144, "notes"]


def test_tsubasa_completion_ceremony_date():
    tsubasa = helpers.load("oda_projects").query("project_id == 'neak_loeung_tsubasa_bridge'").set_index("source_id")
    assert "2015-04-01" not in set(tsubasa["completion_date"].dropna())
    assert tsubasa.loc["phnompenhpress_tsubasa", "completion_date"] == "2015-01-14"
    assert "January 14" in tsubasa.loc["phnompenhpress_tsubasa", "source_detail"]
    assert "14 January 2015" in tsubasa.loc["xinhua_luxtravel_tsubasa", "notes"]


def test_sihanouk_1953_dates_kept_as_a_conflict_group():
    events = helpers.load("diplomatic_events").set_index("event_id")
    march, april = events.loc["e1953_sihanouk_tokyo"], events.loc["e1953_sihanouk_tokyo_stay"]
    assert march["conflict_group"] == april["conflict_group"] == "sihanouk_tokyo_1953"
    assert (march["date"], april["date"]) == ("1953-03", "1953-04")
    assert march["source_id"] == "seed_002"
    assert "4月24日から5月13日" in april["source_detail"]


def test_jocv_agreement_cites_the_page_that_states_it(sources):
    agreement = helpers.load("agreements").set_index("agreement_id").loc["a1965_jocv_dispatch_agreement"]
    assert agreement["source_id"] == "jica_kh_volunteer_page"
    assert "1965年に派遣協定" in agreement["source_detail"]
    assert "ppp_2015_jica_volunteers_50th" not in sources.index


def test_doubtful_yen_dollar_conversion_is_flagged():
    """A conversion far from the year's average rate must say so in the row's notes."""
    rate_2022 = wdi_series(helpers.load("wdi_context"), "PA.NUS.FCRF", country="JPN")[2022]
    port = helpers.load("oda_projects").query("project_id == 'sihanoukville_port_container_terminal_2022'")
    yen = port.loc[port["currency"] == "JPY", "amount"].min()  # 41.288bn, the amount in the signed loan
    dollars = port.loc[port["source_id"] == "eacnews_port_2022", "amount"].item()
    implied = yen / dollars
    assert abs(implied / rate_2022 - 1) > 0.15  # about 107.7 against 131.5 yen per dollar
    for source_id in ("eacnews_port_2022", "estatedia_port_2022"):
        assert "doubtful" in port.loc[port["source_id"] == source_id, "notes"].item().lower()


def test_jica_own_volunteer_count_beside_the_speech_figure():
    volunteers = helpers.load("jica_volunteers").set_index("record_id")
    jica = volunteers.loc["count_jica_2025"]
    assert (jica["cumulative_volunteers"], jica["qualifier"], jica["as_of"]) == (840, "exact", "2025-09-01")
    speech = volunteers.loc["count_60th_anniversary"]
    assert speech["cumulative_volunteers"] == 900 and "840" in speech["notes"]


def test_unverified_figures_are_marked(sources):
    composition = helpers.load("trade_composition")
    assert not composition["read_in_source"].any()
    assert "31.2%" in sources.loc["mlit_kensetsu_db_cambodia", "notes"]
    counts = helpers.load("people_counts")
    row = counts[counts["source_id"] == "pedia_3rdin_zainichi_cambodian"].squeeze()
    assert row["value"] == 23750 and "not checked" in row["measure"]
    assert "technical intern" in sources.loc["pedia_3rdin_zainichi_cambodian", "notes"]
