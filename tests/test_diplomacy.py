"""Unit tests of helpers.diplomacy on small hand-built frames (expected values worked out by hand)."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers import diplomacy as dp


def events_frame(rows):
    """Build a diplomatic_events-like frame from (event_id, date, precision, type, side, place, source, notes)."""
    columns = ["event_id", "date", "date_precision", "event_type", "visitor_side", "place", "source_id", "notes"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["event"] = frame["event_id"]
    frame["conflict_group"] = None
    return frame


# --- dates, eras, periods -------------------------------------------------------------------




@pytest.mark.parametrize(
    ("year", "era"),
    [
        (1569, "Before relations"),
        (1952, "Before relations"),
        (1953, "Post-independence"),
        (1969, "Post-independence"),
        (1970, "War and isolation"),
        (1990, "War and isolation"),
        (1991, "Peace process and reconstruction"),
        (2012, "Peace process and reconstruction"),
        (2013, "Strategic partnership"),
        (2024, "Strategic partnership"),
    ],
)
def test_assign_era_boundaries(year, era):
    assert dp.assign_era(year) == era


def test_era_spans():
    assert dp.era_spans() == {
        "Before relations": "before 1953",
        "Post-independence": "1953–1969",
        "War and isolation": "1970–1990",
        "Peace process and reconstruction": "1991–2012",
        "Strategic partnership": "2013–",
    }


@pytest.mark.parametrize(
    ("year", "width", "label"),
    [
        (1950, 5, "1950–1954"),
        (1954, 5, "1950–1954"),
        (2024, 5, "2020–2024"),
        (2013, 10, "2010–2019"),
        (2013, 1, "2013"),
    ],
)
def test_five_year_period(year, width, label):
    assert dp.five_year_period(year, width) == label


def test_year_of_all_precisions():
    assert [dp.year_of(d) for d in ["1955-12-09", "1975-04", "1604"]] == [1955, 1975, 1604]


# --- timeline tables --------------------------------------------------------------------------


def test_events_by_group_and_era_counts_and_totals():
    ev = events_frame(
        [
            ("a", "1604", "year", "other", "JPN", "", "s", None),
            ("b", "1955-12-09", "day", "treaty_agreement", "KHM", "Tokyo", "s", None),
            ("c", "2013-12-15", "day", "memorandum", "KHM", "Tokyo", "s", None),
            ("d", "2013-12-15", "day", "partnership_upgrade", "KHM", "Tokyo", "s", None),
            ("e", "1992-09", "month", "peacekeeping", "JPN", "", "s", None),
        ]
    )
    table = dp.events_by_group_and_era(ev)
    # treaty (1955) and memorandum (2013) fall in one group but different eras
    assert table.loc["Treaties, agreements, memoranda", "Post-independence"] == 1
    assert table.loc["Treaties, agreements, memoranda", "Strategic partnership"] == 1
    assert table.loc["Treaties, agreements, memoranda", "total"] == 2
    assert table.loc["Other", "Before relations"] == 1
    assert table.loc["Peacekeeping", "Peace process and reconstruction"] == 1
    assert table["total"].sum() == 5
    # every group and every era is shown, empty ones as 0
    assert len(table) == len(set(dp.EVENT_GROUPS.values()))
    assert table["War and isolation"].sum() == 0


def test_timeline_labels_join_years_of_a_conflict_group():
    ev = events_frame(
        [
            ("rel", "1953-01-09", "day", "relations", "none", "", "s", None),
            ("csp22", "2022-11-12", "day", "partnership_upgrade", "JPN", "", "s", None),
            ("csp23", "2023", "year", "partnership_upgrade", "none", "", "s", None),
        ]
    )
    ev.loc[ev["event_id"].isin(["csp22", "csp23"]), "conflict_group"] = "csp_date"
    labels = dp.timeline_labels(ev, {"rel": "relations", "csp23": "CSP"})
    assert labels["label"].tolist() == ["1953 relations", "2022/2023 CSP"]
    assert labels["position"].tolist()[1] == 2023.5
    assert labels["group"].tolist() == ["Relations and partnership upgrades"] * 2


def test_milestones_skip_peacekeeping_anniversaries():
    ev = events_frame(
        [
            ("a60", "2013", "year", "anniversary", "none", "", "s", None),
            ("a70", "2023-01-09", "day", "anniversary", "none", "", "s", None),
            ("coin", "2023", "year", "anniversary", "none", "", "s", None),
            ("pko", "2022", "year", "anniversary", "none", "", "s", None),
        ]
    )
    ev.loc[ev["event_id"] == "pko", "event"] = "30th anniversary of Japan's peacekeeping operation"
    lv = pd.DataFrame(
        {"level": ["diplomatic_relations", "strategic_partnership", "comprehensive_strategic_partnership"],
         "date": ["1953-01-09", "2013-12-15", "2022-11-12"]}
    )
    marks = dp.milestones(ev, lv, 1953)
    assert marks.values.tolist() == [
        [2013, "60th anniversary"],
        [2013, "strategic partnership"],
        [2022, "comprehensive strategic partnership"],
        [2023, "70th anniversary"],
    ]


def test_shade_eras_draws_one_patch_per_era():
    fig, ax = plt.subplots()
    patches = dp.shade_eras(ax, last_year=2026, first_year=1952)
    assert len(patches) == len(dp.ERAS)
    assert len(ax.texts) == len(dp.ERAS)
    plt.close(fig)


# --- visits -----------------------------------------------------------------------------------


VISITS = events_frame(
    [
        ("v1", "2023-12-16", "day", "leaders_visit_summit", "KHM", "Tokyo", "s", None),
        ("v2", "2023-12-17", "day", "ministerial_visit", "KHM", "Tokyo", "s", None),
        ("v3", "2023-12-18", "day", "leaders_visit_summit", "KHM", "Tokyo", "s", None),
        ("v4", "2023-01-21", "day", "ministerial_visit", "KHM", "Japan", "s", None),
        ("v5", "2023", "year", "ministerial_visit", "JPN", "Cambodia", "s", None),
        ("v6", "2022-03-20", "day", "leaders_visit_summit", "JPN", "Phnom Penh", "s", None),
        ("v7", "2022-11-12", "day", "leaders_visit_summit", "JPN", "Phnom Penh", "s", None),
        ("v8", "2015-07", "month", "leaders_visit_summit", "KHM", "Japan", "s", None),
        ("v9", "2015-11-21", "day", "leaders_visit_summit", "none", "Kuala Lumpur", "s", None),
        ("x1", "2023-12-18", "day", "memorandum", "KHM", "Tokyo", "s", None),
    ]
)


def test_merge_trips_joins_consecutive_days_only():
    trips = dp.merge_trips(VISITS[VISITS["event_type"].isin(dp.VISIT_TYPES)])
    # v1-v3 (16-18 Dec, Tokyo) are one trip; v6 and v7 are eight months apart: two trips
    assert len(trips) == 7
    assert trips.loc[trips["event_id"] == "v1", "rows"].item() == 3
    assert trips["rows"].sum() == 9


def test_merge_trips_respects_the_gap_and_the_place():
    v = events_frame(
        [
            ("a", "2020-01-01", "day", "ministerial_visit", "KHM", "Tokyo", "s", None),
            ("b", "2020-01-09", "day", "ministerial_visit", "KHM", "Tokyo", "s", None),  # 8 days later
            ("c", "2020-01-10", "day", "ministerial_visit", "KHM", "Osaka", "s", None),  # other place
            ("d", "2020-01-12", "day", "ministerial_visit", "KHM", "Tokyo", "s", None),  # 3 days after b
        ]
    )
    trips = dp.merge_trips(v)
    assert trips["event_id"].tolist() == ["a", "b", "c"]
    assert trips["rows"].tolist() == [1, 2, 1]
    assert dp.merge_trips(v, days=8)["rows"].tolist() == [3, 1]


def test_visits_by_period_events_and_trips():
    rows = dp.visits_by_period(VISITS, 2010, 2024)
    assert rows.index.tolist() == ["2010–2014", "2015–2019", "2020–2024"]
    assert rows.loc["2020–2024"].tolist() == [4, 3, 0, 0]  # KHM v1-v4, JPN v5-v7; the memorandum is not a visit
    assert rows.loc["2015–2019"].tolist() == [1, 0, 1, 0]
    assert rows.loc["2010–2014"].sum() == 0
    trips = dp.visits_by_period(VISITS, 2010, 2024, trips=True)
    assert trips.loc["2020–2024"].tolist() == [2, 3, 0, 0]  # the three Tokyo days count once
    per_year = dp.visits_by_period(VISITS, 2022, 2023, trips=True, width=1)
    assert per_year.to_dict("index") == {
        "2022": {"KHM": 0, "JPN": 2, "none": 0, "unknown": 0},
        "2023": {"KHM": 2, "JPN": 1, "none": 0, "unknown": 0},
    }


# --- agreements -------------------------------------------------------------------------------


def test_subjects_by_era_orders_by_total_and_keeps_empty_eras():
    ag = pd.DataFrame(
        {
            "date": ["1955-12-09", "2007-06-14", "2013-12-15", "2023-12-18", "2023-12-18", "2023-12-18"],
            "date_precision": ["day"] * 6,
            "subject_area": ["other", "trade_investment", "defence_security", "digital", "digital", "energy"],
        }
    )
    table = dp.subjects_by_era(ag)
    assert table.index.tolist() == ["digital", "defence_security", "energy", "other", "trade_investment"]
    assert table.columns.tolist() == ["Before relations", "Post-independence", "War and isolation",
                                      "Peace process and reconstruction", "Strategic partnership"]
    assert table.loc["digital", "Strategic partnership"] == 2
    assert table.loc["trade_investment", "Peace process and reconstruction"] == 1
    assert table["War and isolation"].sum() == 0


# --- conflicts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("as many as 44 Japanese merchant ships sailed ... between 1604 and 1635", 1635),
        ("44 ships, 1604 to 1645", 1645),
        ("from 1604–1616", 1616),
        ("signed in 1955", None),
    ],
)
def test_period_end_year(text, end):
    assert dp.period_end_year(text) == end


def test_conflict_table_names_publishers_and_sorts():
    rows = pd.DataFrame(
        {
            "date": ["2023", "2022-11-12"],
            "date_precision": ["year", "day"],
            "source_id": ["seed_001", "nova"],
            "source_detail": ["defining it as a comprehensive strategic partnership this year", "elevata"],
        }
    )
    sources = pd.DataFrame({"source_id": ["nova", "seed_001"], "publisher": ["Agenzia Nova", None],
                            "title": ["Cambogia-Giappone", "[Prak Sokhonn lauds relations]"]})
    out = dp.conflict_table(rows, sources)
    assert out["date"].tolist() == ["2022-11-12", "2023"]
    assert out["publisher"].tolist() == ["Agenzia Nova", "[Prak Sokhonn lauds relations]"]  # title when no publisher
    assert out["span_end"].isna().all()


# --- disputed dates and relations year ---------------------------------------------------------


def test_distinct_events_counts_a_disputed_visit_once():
    ev = events_frame(
        [
            ("tokyo_march", "1953-03", "month", "leaders_visit_summit", "KHM", "Tokyo", "seed_002", None),
            ("tokyo_april", "1953-04", "month", "leaders_visit_summit", "KHM", "Tokyo", "blog", None),
            ("kishi", "1957", "year", "leaders_visit_summit", "JPN", "Phnom Penh", "seed_002", None),
        ]
    )
    ev["conflict_group"] = ["sihanouk_1953", "sihanouk_1953", None]
    assert dp.distinct_events(ev)["event_id"].tolist() == ["tokyo_march", "kishi"]
    table = dp.visits_by_period(ev, 1950, 1959, trips=True)
    assert table.loc["1950–1954"].tolist() == [1, 0, 0, 0]  # two versions of one trip
    assert table.loc["1955–1959"].tolist() == [0, 1, 0, 0]
    assert dp.events_by_group_and_era(ev).loc["Leaders' visits and summits", "total"] == 2


def test_relations_year_reads_the_levels_and_refuses_a_missing_row():
    levels = pd.DataFrame({"level": ["strategic_partnership", "diplomatic_relations"], "date": ["2013", "1953-01-09"]})
    assert dp.relations_year(levels) == 1953
    with pytest.raises(ValueError, match="diplomatic_relations"):
        dp.relations_year(levels.iloc[:1])


# --- UN voting alignment -----------------------------------------------------------------------


def votes_frame(rows):
    """Build an un_votes_khm_jpn-like frame from (rcid, date, issues, cambodia_vote, japan_vote)."""
    return pd.DataFrame(rows, columns=["rcid", "date", "issues", "cambodia_vote", "japan_vote"])


VOTES = votes_frame(
    [
        (1, "1976-10-01", "co", "yes", "yes"),  # 1976: few joint votes (1 of 1 alike)
        (2, "1977-10-01", "hr", None, "yes"),  # 1977: Japan votes, Cambodia does not
        (3, "1979-10-01", "hr;me", "yes", "abstain"),
        (4, "1979-10-02", "me", "no", "no"),
        (5, "1979-10-03", "", "abstain", "abstain"),
        (6, "1979-10-04", "nu", "yes", None),  # Japan absent: not a joint vote
    ]
    + [(100 + i, "1980-11-01", "di", "yes", "yes" if i < 7 else "no") for i in range(10)]
)


def test_joint_votes_leave_out_absences_and_count_every_kind_of_alike():
    joint = dp.joint_votes(VOTES)
    assert 6 not in set(joint["rcid"]) and 2 not in set(joint["rcid"])
    assert dict(zip(joint["rcid"], joint["alike"], strict=True)) == {
        1: True, 3: False, 4: True, 5: True, **{100 + i: i < 7 for i in range(10)}
    }


def test_agreement_by_year_keeps_gaps_as_gaps():
    table = dp.agreement_by_year(VOTES, 1976, 1980)
    assert table.index.tolist() == [1976, 1977, 1978, 1979, 1980]
    assert table["basis"].tolist() == ["few joint votes", "no joint vote", "no roll call",
                                       "few joint votes", "full"]
    japan_absent = dp.agreement_by_year(votes_frame([(1, "1956-11-06", "", "yes", None)]), 1956, 1956)
    assert japan_absent.loc[1956, "basis"] == "no joint vote"  # Cambodia voted, but not beside Japan
    assert table.loc[1979, ["roll_calls", "cambodia_votes", "joint_votes", "alike"]].tolist() == [4, 4, 3, 2]
    assert table.loc[1979, "share_alike"] == pytest.approx(200 / 3)
    assert table.loc[1980, "share_alike"] == pytest.approx(70.0)
    assert table.loc[[1977, 1978], "share_alike"].isna().all()  # never bridged


def test_agreement_by_issue_counts_a_roll_call_under_each_issue():
    periods = {"late 1970s": (1976, 1979), "1980": (1980, 1980)}
    table = dp.agreement_by_issue(VOTES, periods).set_index(["period", "issue"])
    assert table.loc[("late 1970s", "Palestinian conflict"), "joint_votes"] == 2  # rcid 3 and 4
    assert table.loc[("late 1970s", "Palestinian conflict"), "share_alike"] == pytest.approx(50.0)
    assert table.loc[("late 1970s", "Human rights"), "joint_votes"] == 1  # rcid 2 has no Cambodian vote
    assert table.loc[("late 1970s", "Human rights"), "share_alike"] == 0.0
    assert pd.isna(table.loc[("late 1970s", "Economic development"), "share_alike"])
    assert table.loc[("1980", "Arms control and disarmament"), "alike"] == 7


def test_vote_pairs_cross_tabulates_joint_votes():
    pairs = dp.vote_pairs(VOTES, 1979, 1980)
    assert pairs.loc["yes", "abstain"] == 1 and pairs.loc["no", "no"] == 1 and pairs.loc["yes", "yes"] == 7
    assert int(pairs.to_numpy().sum()) == 13


def test_bad_vote_is_named_with_its_row_and_field():
    bad = votes_frame([(1, "2019-12-27", "hr", "yes", "maybe")])
    with pytest.raises(ValueError, match=r"row 0: field japan_vote is 'maybe'"):
        dp.agreement_by_year(bad, 2019, 2019)
    with pytest.raises(ValueError, match="unknown codes"):
        dp.agreement_by_issue(votes_frame([(1, "2019-12-27", "xx", "yes", "yes")]), {"all": (2019, 2019)})
