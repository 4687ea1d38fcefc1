"""The links from claims to records and the counting rules the fact-check reads."""

import pandas as pd
import pytest

from helpers import claim_links


@pytest.mark.parametrize(
    ("quote", "offset"),
    [
        ("Next year will mark the 75th anniversary", 1),
        ("As this year marks the 30th anniversary", 0),
        ("last year Hun Sen and Kishida held four summit meetings", -1),
        ("In 1955, both countries signed a Treaty of Amity.", None),
    ],
)
def test_relative_year_offset(quote, offset):
    assert claim_links.relative_year_offset(quote) == offset


SEED_EVENTS = pd.DataFrame(
    [
        ("rel", "1953-01-09", "day", "relations", "none", "", "cnv", "Year 1953 also in seed_001, seed_002"),
        ("kishi", "1957", "year", "leaders_visit_summit", "JPN", "Cambodia", "seed_002", None),
        ("kishida", "2022-03-20", "day", "leaders_visit_summit", "JPN", "Phnom Penh", "mofa", "Also in seed_003"),
        ("pko30", "2022", "year", "anniversary", "none", "", "seed_003", None),
        ("later", "2030", "year", "anniversary", "none", "", "seed_003", None),  # anniversaries do not date a seed
        ("visit", "2024-11-25", "day", "ministerial_visit", "JPN", "Siem Reap", "seed_000", "seed_000 again"),
    ],
    columns=["event_id", "date", "date_precision", "event_type", "visitor_side", "place", "source_id", "notes"],
)


def test_events_mentioned_by_seed():
    found = claim_links.events_mentioned_by_seed(SEED_EVENTS)
    pairs = list(zip(found["seed"], found["event_id"], found["how"], strict=True))
    assert pairs == [
        ("seed_000", "visit", "source"),  # a note naming the row's own source is not counted twice
        ("seed_001", "rel", "noted"),
        ("seed_002", "rel", "noted"),
        ("seed_002", "kishi", "source"),
        ("seed_003", "pko30", "source"),
        ("seed_003", "kishida", "noted"),
        ("seed_003", "later", "source"),
    ]


def test_seed_years_prefers_manifest_then_ledger_then_record():
    manifest = pd.DataFrame(
        {"source_id": ["seed_000", "seed_001", "seed_002", "seed_003", "seed_004"],
         "published": [None, None, "2018-02-02", None, None]}
    )
    claims = pd.DataFrame(
        {"source_id": ["seed_002", "seed_004", "seed_003"],
         "statement_date": pd.to_datetime(["2017-01-01", "2023-12-18", None])}
    )
    years = claim_links.seed_years(manifest, claims, SEED_EVENTS)
    assert years["year"].tolist() == [2024, 1953, 2018, 2022, 2023]
    assert years["basis"].tolist() == [
        "latest event it reports (record)",
        "latest event it reports (record)",
        "publication date (manifest)",  # the manifest wins over the ledger's 2017
        "latest event it reports (record)",  # 2022 from Kishida's visit; the 2030 anniversary is ignored
        "statement date (claims ledger)",
    ]


def test_count_check_summits_visits_and_memoranda():
    claims = pd.DataFrame(
        {
            "claim_id": ["s_all", "s_kh", "s_jp", "v_each", "mou", "navy"],
            "source_id": ["seed_001"] * 4 + ["seed_004", "seed_001"],
            "indicator": ["dipl_summits_count"] * 3 + ["dipl_visits_count", "dipl_mou_count", "dipl_visits_count"],
            "quote": ["last year ... four summit meetings"] * 4 + ["7. Ministry ...", "made two visits"],
            "value": [4.0, 2.0, 2.0, 2.0, 3.0, 2.0],
            "value_as_printed": ["four", "twice in Cambodia", "twice in Japan", "twice each", "3", "two visits"],
            "subject": [
                "Hun Sen–Kishida summit meetings 'last year'",
                "Hun Sen–Kishida summit meetings held in Cambodia 'last year'",
                "Hun Sen–Kishida summit meetings held in Japan 'last year'",
                "Visits made by each of Hun Sen and Kishida to the other's country",
                "Documents signed at the summit",
                "Visits by the Japan Maritime Self-Defence Force (JMSDF)",
            ],
            "period_start": pd.to_datetime([None, None, None, None, "2023-12-18", None]),
        }
    )
    ev = pd.DataFrame(
        {
            "date": ["2022-03-20", "2022-04-23", "2022-11-12", "2022-09", "2023-12-18", "2021-10"],
            "event_type": ["leaders_visit_summit"] * 3 + ["leaders_visit_summit", "leaders_visit_summit", "other"],
            "visitor_side": ["JPN", "KHM", "JPN", "none", "KHM", "KHM"],
        }
    )
    ag = pd.DataFrame({"date": ["2023-12-18", "2023-12-18", "2023-12-18", "2023-12-19"]})
    years = pd.DataFrame({"source_id": ["seed_001", "seed_004"], "year": [2023, 2023]})
    out = claim_links.count_check(claims, ev, ag, years).set_index("claim_id")
    # 2022 holds four summits: two hosted in Cambodia (JPN travelled), one in Japan, one elsewhere
    assert out.loc["s_all", ["year_meant", "record", "verdict"]].tolist() == [2022, 4, "agrees"]
    assert out.loc["s_kh", ["record", "verdict"]].tolist() == [2, "agrees"]
    assert out.loc["s_jp", ["record", "verdict"]].tolist() == [1, "disagrees"]
    assert out.loc["v_each", ["record", "verdict"]].tolist() == [1, "disagrees"]  # min(1 by KHM, 2 by JPN)
    assert out.loc["mou", ["year_meant", "record", "verdict"]].tolist() == [2023, 3, "agrees"]
    assert out.loc["navy", "verdict"] == "not checkable"
    assert pd.isna(out.loc["navy", "record"])


def test_claim_links_name_existing_datasets_and_columns():
    import helpers

    for link in claim_links.CLAIM_LINKS:
        table = helpers.load(link["dataset"])
        assert link["field"] in table, link
        for column, wanted in link.get("where", {}).items():
            assert (table[column] == wanted).any(), f"{link['claim_id']}: no {column} == {wanted!r}"
