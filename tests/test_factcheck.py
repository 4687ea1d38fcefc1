"""Tests of helpers.factcheck on small hand-built claims and evidence; expectations worked out by hand."""

import math
import re

import pandas as pd
import pytest

from helpers import factcheck as fc
from helpers import load

CLAIM_DEFAULTS = {
    "source_id": "seed_009",
    "quote": "",
    "unit": "USD",
    "qualifier": "exact",
    "period_start": None,
    "period_end": None,
    "statement_date": None,
    "theme": "trade",
    "subject": "",
    "notes": "",
}
BASES = {"relations": 1953, "peacekeeping": 1992}


def claims(*rows):
    frame = pd.DataFrame([{**CLAIM_DEFAULTS, **r} for r in rows])
    frame["period_start"] = pd.to_datetime(frame["period_start"])
    frame["statement_date"] = pd.to_datetime(frame["statement_date"])
    frame["value"] = frame["value"].astype(float)
    return frame


def evidence(*rows):
    base = {
        "basis": "KHM_customs",
        "unit": "USD",
        "qualifier": "exact",
        "estimate": False,
        "source_id": "official_x",
        "dataset": "test",
    }
    frame = pd.DataFrame([{**base, **r} for r in rows])
    frame["period_start"] = pd.to_datetime(frame["period_start"])
    frame["period_end"] = pd.to_datetime(frame["period_end"])
    frame["value"] = frame["value"].astype(float)
    return frame


NO_EVIDENCE = pd.DataFrame(
    {
        c: pd.Series(dtype="datetime64[us]" if c.startswith("period") else "object")
        for c in [
            "indicator",
            "period_start",
            "period_end",
            "basis",
            "value",
            "unit",
            "qualifier",
            "estimate",
            "source_id",
            "dataset",
        ]
    }
).astype({"value": float})
NO_EVENTS = pd.DataFrame(
    {
        "event_id": pd.Series(dtype="str"),
        "date": pd.Series(dtype="str"),
        "text": pd.Series(dtype="str"),
        "event_type": pd.Series(dtype="str"),
        "source_id": pd.Series(dtype="str"),
        "dataset": pd.Series(dtype="str"),
        "start": pd.Series(dtype="datetime64[us]"),
        "end": pd.Series(dtype="datetime64[us]"),
    }
)


def run(c, ev=NO_EVIDENCE, **kw):
    return fc.fact_check(c, ev, NO_EVENTS, BASES, **kw).set_index("claim_id")


# --- small utilities -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "value", "half"),
    [
        ("$1.7618 billion", 1_761_800_000, 50_000),  # last digit 0.0001 bn = 100,000
        ("$611.13 million", 611_130_000, 5_000),  # last digit 0.01 m = 10,000
        ("4,500", 4500, 50),  # trailing zeros of a whole number are rounding
        ("3,518", 3518, 0.5),
        ("17.1%", 17.1, 0.05),
        ("November 25", math.nan, 0.0),
    ],
)
def test_printed_half_unit(printed, value, half):
    assert fc.printed_half_unit(printed, value) == pytest.approx(half)


def test_compare_bounds_and_points():
    tol = fc.Tolerances()
    assert fc.compare(15000, "more_than", "15,000", 16000, tol)[0]  # true and not absurdly low
    assert not fc.compare(15000, "more_than", "15,000", 14000, tol)[0]  # the bound is above the evidence
    assert not fc.compare(1000, "more_than", "1,000", 5000, tol)[0]  # 1,000 < 0.5 x 5,000: misleading
    assert fc.compare(30000, "up_to", "30,000", 23750, tol)[0]  # 23,750 <= 30,000 <= 47,500
    assert fc.compare(1.5e9, "about", "$1.5 billion", 1.512e9, tol)[0]  # 0.8 % off, within 10 %
    assert not fc.compare(1.5e9, "about", "$1.5 billion", 1.30e9, tol)[0]  # 15.4 % off
    # exact: 1 % or half a printed unit, whichever is larger: $1.2 billion covers 1.15..1.25 bn
    assert fc.compare(1.2e9, "exact", "$1.2 billion", 1.205e9, tol)[0]
    assert not fc.compare(1.2e9, "exact", "$1.2 billion", 1.26e9, tol)[0]


def test_tolerances_are_frozen_and_documented():
    tol = fc.Tolerances()
    with pytest.raises(AttributeError):
        tol.about_rel = 0.2  # type: ignore[misc]
    assert (tol.exact_rel, tol.about_rel, tol.preliminary_rel, tol.cross_reporter_rel) == (0.01, 0.10, 0.05, 0.40)
    for field in fc.Tolerances.__dataclass_fields__:
        assert field in fc.Tolerances.__doc__


# --- parts vs total --------------------------------------------------------------------------

JAN_OCT = {"period_start": "2024-01-01", "period_end": "2024-10-31"}


def test_total_matching_its_parts_within_rounding_is_consistent():
    # 1,150.6 m + 611.13 m = 1,761.73 m against 1,761.8 m printed: 70,000 apart, less than the
    # rounding of the three printed figures plus 1 %.
    c = claims(
        {
            "claim_id": "t",
            "indicator": "trade_total",
            "value": 1_761_800_000,
            "value_as_printed": "$1.7618 billion",
            **JAN_OCT,
        },
        {
            "claim_id": "x",
            "indicator": "trade_exports_kh_to_jp",
            "value": 1_150_600_000,
            "value_as_printed": "$1.1506 billion",
            **JAN_OCT,
        },
        {
            "claim_id": "m",
            "indicator": "trade_imports_kh_from_jp",
            "value": 611_130_000,
            "value_as_printed": "$611.13 million",
            **JAN_OCT,
        },
    )
    r = run(c)
    assert (r["verdict"] == "consistent").all()
    assert (r["check"] == "parts vs total").all()
    assert r.loc["t", "gap_abs"] == pytest.approx(70_000)


def test_total_that_does_not_add_up_is_internally_inconsistent():
    c = claims(
        {
            "claim_id": "t",
            "indicator": "trade_total",
            "value": 2_000_000_000,
            "value_as_printed": "$2.0 billion",
            **JAN_OCT,
        },
        {
            "claim_id": "x",
            "indicator": "trade_exports_kh_to_jp",
            "value": 1_150_000_000,
            "value_as_printed": "$1.15 billion",
            **JAN_OCT,
        },
        {
            "claim_id": "m",
            "indicator": "trade_imports_kh_from_jp",
            "value": 610_000_000,
            "value_as_printed": "$610 million",
            **JAN_OCT,
        },
    )
    r = run(c)
    assert set(r["verdict"]) == {"internally inconsistent"}
    assert r.loc["t", "gap_abs"] == pytest.approx(240_000_000)  # 2,000 - (1,150 + 610) million


def test_counts_quoted_in_one_sentence_add_up():
    quote = "held four summit meetings, twice in Cambodia and twice in Japan"
    base = {"indicator": "dipl_summits_count", "unit": "count", "quote": quote, "theme": "diplomacy"}
    c = claims(
        {"claim_id": "all", "value": 4, "value_as_printed": "four", **base},
        {"claim_id": "kh", "value": 2, "value_as_printed": "twice in Cambodia", **base},
        {"claim_id": "jp", "value": 2, "value_as_printed": "twice in Japan", **base},
    )
    assert (run(c)["verdict"] == "consistent").all()


# --- people: bounds, stocks, jumps -----------------------------------------------------------


def people_claim(cid, value, qualifier, day, printed, source="seed_009"):
    return {
        "claim_id": cid,
        "indicator": "people_cambodians_in_jp",
        "value": value,
        "qualifier": qualifier,
        "unit": "persons",
        "value_as_printed": printed,
        "period_start": day,
        "period_end": day,
        "theme": "people",
        "source_id": source,
    }


def test_more_than_15000_with_evidence_16000_is_consistent():
    c = claims(people_claim("p", 15000, "more_than", "2023-02-27", "15,000"))
    ev = evidence(
        {
            "indicator": "people_cambodians_in_jp",
            "period_start": "2022-12-31",
            "period_end": "2022-12-31",
            "value": 16000,
            "unit": "persons",
            "basis": "registered residents",
        }
    )
    r = run(c, ev)
    assert r.loc["p", "verdict"] == "consistent"
    assert r.loc["p", "evidence_value"] == 16000
    assert r.loc["p", "gap_pct"] == pytest.approx(-6.25)  # (15,000 - 16,000) / 16,000


def test_about_4500_against_3363_conflicts():
    c = claims(
        people_claim("p", 4500, "about", "2023-02-27", "4,500") | {"indicator": "people_japanese_residents_in_kh"}
    )
    ev = evidence(
        {
            "indicator": "people_japanese_residents_in_kh",
            "period_start": "2022-10-01",
            "period_end": "2022-10-01",
            "value": 3363,
            "unit": "persons",
            "basis": "survey",
        }
    )
    r = run(c, ev)
    assert r.loc["p", "verdict"] == "conflicts"
    assert r.loc["p", "gap_pct"] == pytest.approx(100 * (4500 - 3363) / 3363)


def test_point_figures_doubling_in_ten_months_conflict_with_each_other():
    c = claims(
        people_claim("a", 15000, "about", "2023-02-27", "15,000", "seed_001"),
        people_claim("b", 30000, "about", "2023-12-18", "30,000", "seed_004"),
    )
    r = run(c)
    assert list(r["verdict"]) == ["conflicts", "conflicts"]
    assert set(r["check"]) == {"jump between statements"}
    assert r.loc["a", "evidence_source"] == "b"


def test_bounded_figures_with_the_same_jump_are_only_a_note():
    c = claims(
        people_claim("a", 15000, "more_than", "2023-02-27", "15,000", "seed_001"),
        people_claim("b", 30000, "up_to", "2023-12-18", "30,000", "seed_004"),
    )
    r = run(c)
    assert list(r["verdict"]) == ["unverifiable", "unverifiable"]  # no official count here
    assert r["other_checks"].str.contains("jump between statements: note").all()


# --- anniversaries ---------------------------------------------------------------------------


def anniversary(cid, value, quote, statement=None, year=None):
    period = {"period_start": f"{year}-01-01", "period_end": f"{year}-12-31"} if year else {}
    return {
        "claim_id": cid,
        "indicator": "dipl_anniversary_years",
        "value": value,
        "unit": "years",
        "quote": quote,
        "subject": "Anniversary of diplomatic relations",
        "statement_date": statement,
        "theme": "diplomacy",
        "value_as_printed": f"{value}th",
        **period,
    }


def test_65th_stated_in_2018_is_consistent():
    c = claims(anniversary("a", 65, "This year marks the 65th anniversary.", statement="2018-02-02"))
    r = run(c)
    assert r.loc["a", "verdict"] == "consistent"
    assert r.loc["a", "evidence_value"] == 65  # 2018 - 1953


def test_75th_stated_in_2022_about_2023_is_internally_inconsistent():
    c = claims(anniversary("a", 75, "Next year will mark the 75th anniversary.", statement="2022-06-15"))
    r = run(c)
    assert r.loc["a", "verdict"] == "internally inconsistent"
    assert r.loc["a", "evidence_value"] == 70  # 2023 - 1953
    assert r.loc["a", "gap_abs"] == 5


def test_peacekeeping_anniversary_counts_from_1992():
    c = claims(
        {
            **anniversary(
                "a",
                30,
                "this year marks the 30th anniversary of Japan's peacekeeping operation",
                statement="2022-06-15",
            ),
            "subject": "Anniversary of Japan's peacekeeping operation",
        }
    )
    assert run(c).loc["a", "verdict"] == "consistent"


def test_anniversary_without_any_date_is_unverifiable():
    c = claims(anniversary("a", 70, "the 70th Anniversary of Diplomatic Relations"))
    assert run(c).loc["a", "verdict"] == "unverifiable"


def test_anniversary_bases_read_1953_from_the_data():
    bases = fc.anniversary_bases(load("partnership_levels"), load("diplomatic_events"))
    assert bases["relations"] == 1953


# --- units, growth, reporter basis -----------------------------------------------------------


def test_million_for_billion_is_a_unit_error():
    # "$1.5 million" for Jan-Nov 2017 against 1,614 m for 2017: pro-rated 1,614 x 334/365 = 1,476.9 m,
    # about 985 times the claim.
    c = claims(
        {
            "claim_id": "u",
            "indicator": "trade_total",
            "value": 1_500_000,
            "value_as_printed": "$1.5 million",
            "qualifier": "more_than",
            "period_start": "2017-01-01",
            "period_end": "2017-11-30",
        }
    )
    ev = evidence(
        {
            "indicator": "trade_total",
            "period_start": "2017-01-01",
            "period_end": "2017-12-31",
            "value": 1_614_000_000,
            "basis": "JPN_customs",
        }
    )
    r = run(c, ev)
    assert r.loc["u", "verdict"] == "internally inconsistent"
    assert r.loc["u", "check"] == "units"
    assert r.loc["u", "evidence_value"] == pytest.approx(1_614_000_000 * 334 / 365)


def test_plain_gap_is_not_a_unit_error():
    c = claims(
        {
            "claim_id": "u",
            "indicator": "trade_total",
            "value": 1_500_000_000,
            "value_as_printed": "$1.5 billion",
            "qualifier": "about",
            "period_start": "2016-01-01",
            "period_end": "2016-12-31",
        }
    )
    ev = evidence(
        {
            "indicator": "trade_total",
            "period_start": "2016-01-01",
            "period_end": "2016-12-31",
            "value": 1_512_000_000,
            "basis": "JPN_customs",
        }
    )
    r = run(c, ev)
    assert (r.loc["u", "verdict"], r.loc["u", "check"]) == ("consistent", "official figure")


def test_cross_reporter_gap_is_a_difference_of_basis_not_a_conflict():
    year = {"period_start": "2022-01-01", "period_end": "2022-12-31"}
    ev = evidence({"indicator": "trade_total", **year, "value": 1_948_000_000, "basis": "KHM_customs"})
    near = claims(
        {
            "claim_id": "c",
            "indicator": "trade_total",
            "value": 2_450_000_000,
            "value_as_printed": "$2.45 billion",
            **year,
        }
    )
    far = claims(
        {
            "claim_id": "c",
            "indicator": "trade_total",
            "value": 1_000_000_000,
            "value_as_printed": "$1.0 billion",
            **year,
        }
    )
    r = run(near, ev)
    assert (r.loc["c", "verdict"], r.loc["c", "check"]) == ("consistent", "cross-reporter band")  # +25.8 %
    assert run(far, ev).loc["c", "verdict"] == "conflicts"  # -48.7 %: beyond 40 %


def test_same_reporter_gap_conflicts():
    year = {"period_start": "2022-01-01", "period_end": "2022-12-31"}
    ev = evidence({"indicator": "trade_total", **year, "value": 1_948_000_000, "basis": "KHM_customs"})
    c = claims(
        {
            "claim_id": "c",
            "indicator": "trade_total",
            "value": 2_450_000_000,
            "value_as_printed": "$2.45 billion",
            "notes": "attributed to GDCE",
            **year,
        }
    )
    assert run(c, ev).loc["c", "verdict"] == "conflicts"


def test_growth_checked_against_previous_year_bracket():
    # 1,761.8 / 1.171 = 1,504.5 m implied for Jan-Oct 2023, between Jan-Sep 2023 (1,367) and 2023 (1,793.6).
    c = claims(
        {
            "claim_id": "lvl",
            "indicator": "trade_total",
            "value": 1_761_800_000,
            "value_as_printed": "$1.7618 billion",
            **JAN_OCT,
        },
        {
            "claim_id": "g",
            "indicator": "trade_total_growth",
            "value": 17.1,
            "unit": "percent",
            "value_as_printed": "17.1%",
            **JAN_OCT,
        },
    )
    ev = evidence(
        {"indicator": "trade_total", "period_start": "2023-01-01", "period_end": "2023-09-30", "value": 1_367_000_000},
        {"indicator": "trade_total", "period_start": "2023-01-01", "period_end": "2023-12-31", "value": 1_793_600_000},
    )
    r = run(c, ev)
    assert (r.loc["g", "verdict"], r.loc["g", "check"]) == ("consistent", "growth vs previous level")
    # A 40 % growth would imply 1,258.4 m, below the Jan-Sep level: impossible.
    c.loc[c["claim_id"] == "g", ["value", "value_as_printed"]] = [40.0, "40%"]
    assert run(c, ev).loc["g", "verdict"] == "conflicts"


def test_growth_against_same_period_previous_year():
    c = claims(
        {
            "claim_id": "lvl",
            "indicator": "trade_total",
            "value": 1_200_000_000,
            "value_as_printed": "$1.2 billion",
            "period_start": "2024-01-01",
            "period_end": "2024-12-31",
        },
        {
            "claim_id": "g",
            "indicator": "trade_total_growth",
            "value": 20,
            "unit": "percent",
            "value_as_printed": "20%",
            "period_start": "2024-01-01",
            "period_end": "2024-12-31",
        },
    )
    ok = evidence(
        {"indicator": "trade_total", "period_start": "2023-01-01", "period_end": "2023-12-31", "value": 1_000_000_000}
    )
    assert run(c, ok).loc["g", "verdict"] == "consistent"  # 1,200 / 1.2 = 1,000 exactly
    off = ok.assign(value=800_000_000.0)
    assert run(c, off).loc["g", "verdict"] == "conflicts"  # implied 1,000 vs 800: +25 %


def test_same_article_text_cannot_corroborate():
    c = claims(
        {
            "claim_id": "c",
            "indicator": "trade_total",
            "value": 1_761_800_000,
            "value_as_printed": "$1.7618 billion",
            "source_id": "seed_000",
            **JAN_OCT,
        }
    )
    ev = evidence({"indicator": "trade_total", **JAN_OCT, "value": 1_761_800_000, "source_id": "copy_of_seed"})
    r = run(c, ev, same_text={"copy_of_seed": "seed_000"})
    assert r.loc["c", "verdict"] == "unverifiable"
    assert "article's own text" in r.loc["c", "explanation"]


def test_claim_without_dataset_or_figure_is_unverifiable_with_a_reason():
    c = claims(
        {
            "claim_id": "a",
            "indicator": "oda_jp_focus_areas_count",
            "value": 4,
            "unit": "count",
            "value_as_printed": "four",
        },
        {
            "claim_id": "b",
            "indicator": "dipl_event_year",
            "value": math.nan,
            "unit": "year",
            "value_as_printed": "June 15",
        },
        {
            "claim_id": "c",
            "indicator": "people_cambodian_workers_in_jp_increase",
            "value": 8000,
            "unit": "persons",
            "value_as_printed": "8,000",
            "qualifier": "target",
        },
    )
    r = run(c)
    assert set(r["verdict"]) == {"unverifiable"}
    assert "no aid-policy text" in r.loc["a", "explanation"]
    assert "not the year" in r.loc["b", "explanation"]
    assert "plan or target" in r.loc["c", "explanation"]
    assert not r["explanation"].str.contains(r"_(?:in|jp|kh|year)\b", regex=True).any()  # no codes


# --- the real ledger -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def result():
    return fc.run_fact_check()


def test_every_claim_gets_exactly_one_verdict(result):
    ledger = load("claims")
    assert len(result) == len(ledger)
    assert list(result["claim_id"]) == list(ledger["claim_id"])
    assert set(result["verdict"]) <= set(fc.VERDICTS)
    assert result["explanation"].str.len().gt(20).all()
    assert list(result.columns) == fc.RESULT_COLUMNS


def test_known_cases_in_the_ledger(result):
    r = result.set_index("claim_id")
    assert (r.loc["c002_19", "verdict"], r.loc["c002_19", "check"]) == ("internally inconsistent", "units")
    assert r.loc["c002_17", "verdict"] == "consistent"  # its $1.5 billion sibling is not blamed
    assert (r.loc["c003_04", "verdict"], r.loc["c003_04", "check"]) == ("internally inconsistent", "anniversary")
    assert r.loc["c002_02", "verdict"] == "consistent"
    assert r.loc["c000_02", "verdict"] == "consistent"


def test_summary_and_conflict_tables(result):
    s = fc.summary_table(result, "source_id")
    assert s.loc["total", "total"] == len(result)
    t = fc.conflict_table(result)
    assert len(t) == result["verdict"].isin(["conflicts", "internally inconsistent"]).sum()


# --- evidence beyond the series ----------------------------------------------------------------


def test_a_head_count_bounds_a_cumulative_claim_from_below():
    c = claims(
        {
            "claim_id": "a",
            "indicator": "people_cambodian_trainees_in_jp_cumulative",
            "value": 5700,
            "unit": "persons",
            "value_as_printed": "5,700",
            "qualifier": "more_than",
            "period_end": "2017-06-30",
        },
        {
            "claim_id": "b",
            "indicator": "people_cambodian_trainees_in_jp_cumulative",
            "value": 9000,
            "unit": "persons",
            "value_as_printed": "9,000",
            "qualifier": "more_than",
            "period_end": "2017-06-30",
        },
    )
    c["period_end"] = pd.to_datetime(c["period_end"])
    ev = evidence(
        {
            "indicator": "people_cambodian_trainees_in_jp",
            "period_start": "2017-06-01",
            "period_end": "2017-06-30",
            "value": 5704,
            "unit": "persons",
            "basis": "trainees",
        }
    )
    r = run(c, ev)
    assert (r.loc["a", "verdict"], r.loc["a", "check"]) == ("consistent", "lower bound from a head count")
    assert r.loc["b", "verdict"] == "unverifiable"  # a stock below X says nothing about "more than X"


def test_a_stated_span_is_checked_by_counting_its_years():
    c = claims(
        {
            "claim_id": "a",
            "indicator": "oda_jp_policy_period_years",
            "value": 5,
            "unit": "years",
            "value_as_printed": "five-year",
            "period_start": "2024-01-01",
            "period_end": "2028-12-31",
        },
        {
            "claim_id": "b",
            "indicator": "oda_jp_policy_period_years",
            "value": 4,
            "unit": "years",
            "value_as_printed": "four-year",
            "period_start": "2024-01-01",
            "period_end": "2028-12-31",
        },
    )
    c["period_end"] = pd.to_datetime(c["period_end"])
    r = run(c)
    assert r.loc["a", "verdict"] == "consistent"
    assert r.loc["b", "verdict"] == "internally inconsistent"


def test_a_flow_without_period_is_set_against_the_latest_full_year_before_the_article():
    c = claims(
        {
            "claim_id": "a",
            "indicator": "trade_total",
            "value": 1.95e9,
            "value_as_printed": "$1.95 billion",
            "statement_date": "2023-02-27",
        }
    )
    ev = evidence(
        {"indicator": "trade_total", "period_start": "2022-01-01", "period_end": "2022-12-31", "value": 1.948e9},
        {"indicator": "trade_total", "period_start": "2021-01-01", "period_end": "2021-12-31", "value": 1.2e9},
        {"indicator": "trade_total", "period_start": "2023-01-01", "period_end": "2023-12-31", "value": 1.95e9},
        {"indicator": "trade_total", "period_start": "2022-01-01", "period_end": "2022-10-31", "value": 1.6e9},
    )
    r = run(c, ev)
    assert (r.loc["a", "verdict"], r.loc["a", "evidence_period"]) == ("consistent", "2022")
    assert "inference" in r.loc["a", "explanation"]
    too_high = claims(
        {
            "claim_id": "a",
            "indicator": "trade_total",
            "value": 3.0e9,
            "value_as_printed": "$3.0 billion",
            "statement_date": "2023-02-27",
        }
    )
    assert run(too_high, ev).loc["a", "verdict"] == "conflicts"  # beyond the 40% band between reporters


def _events(*rows):
    base = {
        "date_precision": "day",
        "event_type": "leaders_visit_summit",
        "place": "Tokyo",
        "notes": None,
        "source_id": "official",
        "event": "meeting",
    }
    return pd.DataFrame([{**base, **r} for r in rows])


def _count_tables(events):
    manifest = pd.DataFrame({"source_id": ["seed_009"], "published": ["2023-02-27"], "outlet": [None]})
    agreements = pd.DataFrame({"date": pd.Series(dtype=str), "source_id": pd.Series(dtype=str)})
    return {"diplomatic_events": events, "agreements": agreements, "manifest": manifest}


def test_summits_counted_in_the_record_confirm_but_never_refute_a_larger_claim():
    c = claims(
        {
            "claim_id": "four",
            "indicator": "dipl_summits_count",
            "value": 4,
            "unit": "count",
            "value_as_printed": "four",
            "quote": "last year they held four summit meetings",
            "subject": "summits 'last year'",
        },
        {
            "claim_id": "two",
            "indicator": "dipl_summits_count",
            "value": 2,
            "unit": "count",
            "value_as_printed": "twice in Cambodia",
            "quote": "last year ... twice in Cambodia",
            "subject": "summits held in Cambodia 'last year'",
        },
        {
            "claim_id": "one",
            "indicator": "dipl_summits_count",
            "value": 1,
            "unit": "count",
            "value_as_printed": "once",
            "quote": "last year they met once",
            "subject": "summits 'last year'",
        },
    )
    events = _events(
        {"event_id": "a", "date": "2022-03-20", "visitor_side": "JPN", "place": "Phnom Penh"},
        {"event_id": "b", "date": "2022-11-12", "visitor_side": "JPN", "place": "Phnom Penh"},
        {"event_id": "c", "date": "2022-04-23", "visitor_side": "KHM", "place": "Kumamoto"},
        {"event_id": "d", "date": "2023-01-05", "visitor_side": "KHM", "place": "Tokyo"},
    )
    r = fc.fact_check(c, NO_EVIDENCE, NO_EVENTS, BASES, tables=_count_tables(events)).set_index("claim_id")
    assert r.loc["two", "verdict"] == "consistent"
    assert r.loc["four", "verdict"] == "unverifiable" and "3 of the 4" in r.loc["four", "explanation"]
    assert r.loc["one", "verdict"] == "conflicts"  # three recorded meetings cannot be one


def test_the_real_ledger_uses_the_records_of_every_theme(result):
    r = result.set_index("claim_id")
    assert (r.loc["c001_11", "verdict"], r.loc["c001_11", "evidence_value"]) == ("conflicts", 1963.0)  # bridge
    assert (r.loc["c001_10", "verdict"], r.loc["c001_10", "evidence_period"]) == ("consistent", "2022")
    assert r.loc["c001_06", "check"] == "event count" and r.loc["c001_06", "verdict"] == "consistent"
    assert r.loc["c001_13", "verdict"] == "consistent"  # all four 2022 summits recorded (28 September in Tokyo)
    assert r.loc["c002_23", "check"] == "lower bound from a head count"
    assert r.loc["c002_07", "verdict"] == "consistent"  # 1968 loan: the embassy's loan total starts in 1968
    assert r.loc["c004_07", "verdict"] == "unverifiable"  # the seven documents are listed by this article only
    # March 1953 (this article's own record) against the record's other dating of the stay, April–May 1953.
    assert (r.loc["c002_03", "verdict"], r.loc["c002_03", "evidence_period"]) == ("conflicts", "1953-04")
    assert r.loc["c004_06", "verdict"] == "consistent"  # 18 December within the trip dated from the 16th
    # The three initiatives are the three themes another source quotes for the December 2023 joint vision.
    assert (r.loc["c004_08", "check"], r.loc["c004_08", "evidence_value"]) == ("figure quoted by another source", 3.0)
    # 'Only 50 companies in 2010' against JETRO's 57 of January 2010 (and the business association's 100).
    assert (r.loc["c002_15", "verdict"], r.loc["c002_15", "evidence_value"]) == ("conflicts", 57.0)


def test_every_verdict_is_explained_in_reader_words():
    table = fc.claim_verdicts()
    assert list(table.columns) == fc.VERDICT_TABLE_COLUMNS
    text = " ".join(table["explanation"]) + " ".join(table["article"])
    codes = set(load("indicators")["indicator"]) | set(load("sources")["source_id"]) | set(fc.DATASET_WORDS)
    assert not [c for c in codes if re.search(rf"(?<![\w.]){re.escape(c)}(?!\w)", text)]
    assert not re.search(r"\bc\d{3}_\d{2}\b|KHM_customs|JPN_customs", text)
    assert table["verdict_label"].notna().all()
    assert table.loc[table["verdict"] == "unverifiable", "explanation"].str.len().gt(40).all()


def test_claim_verdicts_filters_and_rejects_unknown_ids():
    assert fc.claim_verdicts(["c002_19", "c000_02"])["claim_id"].tolist() == ["c000_02", "c002_19"]
    assert set(fc.claim_verdicts(theme="oda")["claim_id"]) == set(load("claims").query("theme == 'oda'")["claim_id"])
    with pytest.raises(KeyError, match="c999_99"):
        fc.claim_verdicts(["c999_99"])


def test_verdicts_csv_has_one_row_per_claim(tmp_path):
    path = fc.write_verdicts_csv(tmp_path / "verdicts.csv")
    table = pd.read_csv(path)
    assert table["claim_id"].tolist() == load("claims")["claim_id"].tolist()
    assert table["verdict"].value_counts().to_dict() == fc.verdict_counts()[lambda s: s > 0].to_dict()
    assert path.read_bytes() == fc.write_verdicts_csv(tmp_path / "again.csv").read_bytes()


def test_articles_stating_one_measure_for_one_period_are_set_side_by_side(result):
    claims_ = load("claims")
    events = fc.build_events(load("diplomatic_events"), load("partnership_levels"), load("agreements"))
    pairs = fc.compare_articles(result, claims_, fc.article_dates(claims_, events)).set_index(["indicator", "period"])
    trade = pairs.loc[("trade_total", "2022")]
    assert {trade["as_printed_a"], trade["as_printed_b"]} == {"$1.95 billion", "USD $2.45 billion"}
    assert "Different reporters" in trade["why"] and "no period" in trade["why"]
    assert "Bounds, not counts" in pairs.loc[("people_cambodians_in_jp", "2023"), "why"]


@pytest.mark.parametrize(
    ("printed", "start", "end", "recorded", "same"),
    [
        ("1955", "1955-01-01", "1955-12-31", "1955-12-09", True),  # a year against a day: by year
        ("March 1953", "1953-03-01", "1953-03-31", "1953-04", False),  # a month against a month
        ("December 18 2023", "2023-12-18", "2023-12-18", "2023-12-16", True),  # days: by month
        ("1990s", "1990-01-01", "1999-12-31", "1990-06", True),  # a decade
        ("late 1980s", "1980-01-01", "1989-12-31", "1990-06", False),
    ],
)
def test_dates_are_compared_at_the_coarser_precision(printed, start, end, recorded, same):
    c = fc._periods(
        claims(
            {
                "claim_id": "a",
                "indicator": "dipl_event_year",
                "unit": "year",
                "value": int(start[:4]),
                "value_as_printed": printed,
                "period_start": start,
                "period_end": end,
            }
        )
    ).iloc[0]
    assert bool(fc._same_date(c, recorded, printed.endswith("0s"))) is same


def test_company_counts_are_evidence_and_judged_as_head_counts_on_a_date():
    """A count of firms on one date is set against a claim dated 10 months later (stock rule)."""
    companies = pd.DataFrame(
        {
            "indicator": ["trade_jp_companies_in_kh"],
            "period_start": pd.to_datetime(["2017-03-31"]),
            "period_end": pd.to_datetime(["2017-03-31"]),
            "measure": ["association members"],
            "value": [242],
            "qualifier": ["exact"],
            "source_id": ["assoc_x"],
            "read_in_source": [True],
        }
    )
    empty = [pd.DataFrame() for _ in range(6)]
    ev = fc.build_evidence(*empty, companies)
    assert ev[["indicator", "basis", "unit", "value"]].values.tolist() == [
        ["trade_jp_companies_in_kh", "association members", "count", 242.0]
    ]
    firm = {"indicator": "trade_jp_companies_in_kh", "unit": "count", "period_start": "2018-02-02"}
    c = claims(
        {**firm, "claim_id": "near", "value": 240, "value_as_printed": "240", "qualifier": "about"},
        {**firm, "claim_id": "far", "value": 120, "value_as_printed": "120", "qualifier": "about"},
    )
    c["period_end"] = c["period_start"]
    r = run(c, ev)
    assert (r.loc["near", "verdict"], r.loc["near", "evidence_value"]) == ("consistent", 242.0)
    assert r.loc["far", "verdict"] == "conflicts" and "31 Mar 2017" in r.loc["far", "explanation"]


# --- The verdicts in words ------------------------------------------------------------------


def _worded_result():
    rows = [
        ("consistent", "official figure", None, 1.0, ""),
        ("conflicts", "event date", None, 1953.0, "Another source dates it April."),
        ("conflicts", "official figure (stock, nearest date)", None, 4500.0, "… possibly an out-of-date figure."),
        ("internally inconsistent", "units", None, 1.5e6, "A unit slip."),
        ("unverifiable", None, "target", 8000.0, "A plan or target, not an outcome."),
        ("unverifiable", None, "exact", 7.0, "Only this article lists these."),
        ("unverifiable", None, "exact", 2.0, "Only this article reports these visits."),
    ]
    result = pd.DataFrame(rows, columns=["verdict", "check", "qualifier", "claimed_value", "explanation"])
    verdicts = pd.DataFrame({
        "article": ["A", "The Khmer Times, 2 February 2018", "B", "C", "D", "E", "F"],
        "what": ["Trade", "King Sihanouk's visit to Tokyo", "Japanese residents", "Total trade", "Planned workers",
                 "Documents signed", "Visits by the navy"],
        "as_printed": ["$1", "March 1953", "4,500", "$1.5 million", "8,000", "7", "two visits"],
    })
    return result, verdicts


def test_verdict_summary_counts_the_failures_by_kind_and_the_unverifiable_by_reason():
    result, _ = _worded_result()
    assert fc.verdict_summary_markdown(result) == (
        "Of the three claims that fail, two conflict with another source (a date that another source puts "
        "elsewhere and a count away from the recorded count) and one does not add up on the article's own terms "
        "(a unit slip). Of the three that cannot be checked, two are reported by the article alone and one is a "
        "plan or target whose outcome no source records."
    )


def test_verdict_summary_with_nothing_failing_says_so():
    result, _ = _worded_result()
    assert fc.verdict_summary_markdown(result.iloc[:1]) == "No claim fails. Every other claim can be checked."


def test_failures_are_listed_one_bullet_each_with_figure_subject_and_article():
    result, verdicts = _worded_result()
    text = fc.failures_markdown(result, verdicts)
    bullets = [line for line in text.splitlines() if line.startswith("* ")]
    assert text.startswith("Three claims fail.")
    assert [b.split("“")[1].split("”")[0] for b in bullets] == ["March 1953", "4,500", "$1.5 million"]
    assert "King Sihanouk's visit to Tokyo (*The Khmer Times, 2 February 2018*)" in bullets[0]
    assert bullets[1].endswith("possibly out of date.")
    assert bullets[2].startswith("* **Does not add up:**")
    assert "no third source" in text  # a conflict of dates says the collection cannot settle it
    assert fc.failures_markdown(result.iloc[:1], verdicts.iloc[:1]) == "No claim fails."


def test_unverifiable_reasons_are_counted_largest_first_with_examples():
    result, verdicts = _worded_result()
    assert fc.unverifiable_markdown(result, verdicts, examples=1).splitlines() == [
        "* **Two are reported by the article alone:** documents signed (“7”) and others.",
        "* **One is a plan or target whose outcome no source records:** planned workers (“8,000”).",
    ]


def test_the_seed_ledger_in_words_quotes_the_fact_checks_own_counts():
    result = fc.run_fact_check()
    counts = fc.verdict_counts(result)
    summary = fc.verdict_summary_markdown(result)
    failing = int(counts["conflicts"] + counts["internally inconsistent"])
    assert f"Of the {fc.count_words(failing)} claims that fail" in summary
    assert f"Of the {fc.count_words(int(counts['unverifiable']))} that cannot be checked" in summary
    bullets = [line for line in fc.unverifiable_markdown(result, fc.claim_verdicts()).splitlines()]
    named = [line.split("**")[1].split(" ", 1)[0].lower() for line in bullets]
    words = {fc.count_words(n): n for n in range(100)}
    assert sum(words[w] for w in named) == counts["unverifiable"]


def test_stored_fact_check_is_reused_only_for_the_same_data(tmp_path, monkeypatch):
    import shutil

    from helpers.paths import REPO_ROOT, SEEDS_DIR

    data, seeds = tmp_path / "data", tmp_path / "seeds"
    shutil.copytree(REPO_ROOT / "data", data)
    shutil.copytree(SEEDS_DIR, seeds)
    monkeypatch.setenv("CJ_DATA_DIR", str(data))
    monkeypatch.setattr("helpers.paths.SEEDS_DIR", seeds)
    monkeypatch.setattr("helpers.paths.CACHE_DIR", tmp_path / "cache")

    def fresh_kernel():
        monkeypatch.setattr(fc, "_RESULT_CACHE", {})  # what one kernel remembers; the disk store stays

    stored = tmp_path / "cache" / "factcheck"
    fresh_kernel()
    first, first_table = fc.run_fact_check(), fc.claim_verdicts()
    assert sorted(p.name.split(".")[1] for p in stored.glob("*.pkl")) == ["result", "verdicts"]
    fresh_kernel()
    pd.testing.assert_frame_equal(fc.run_fact_check(), first)
    pd.testing.assert_frame_equal(fc.claim_verdicts(), first_table)
    # Drop one claim from the copy: the stored result must not be served for the changed data.
    claims = (data / "claims.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (data / "claims.csv").write_text("".join(claims[:-1]), encoding="utf-8")
    fresh_kernel()
    second = fc.run_fact_check()
    assert len(second) == len(first) - 1
    assert len(fc.claim_verdicts()) == len(first_table) - 1
    assert len(list(stored.glob("*.pkl"))) == 4
    # The reader's table names articles from the seeds' manifest, outside data/: a new outlet shows.
    manifest = pd.read_csv(seeds / "manifest.csv", dtype="str", keep_default_na=False)
    manifest.loc[manifest["source_id"] == "seed_002", "outlet"] = "A Renamed Daily"
    manifest.to_csv(seeds / "manifest.csv", index=False)
    fresh_kernel()
    articles = fc.claim_verdicts().set_index("claim_id")["article"]
    assert articles[articles.index.str.startswith("c002_")].str.startswith("A Renamed Daily, ").all()
    assert len(list(stored.glob("*.pkl"))) == 6


def test_claim_reference_dates_follow_the_fact_check_order():
    claims = pd.DataFrame(
        {
            "source_id": ["s1", "s1", "s1", "s2"],
            "period_end": ["2017-10-31", None, None, None],
            "statement_date": pd.to_datetime(["2019-01-01", "2018-02-02", None, None]),
        }
    )
    # Period end beats the statement date; the article date fills only what is left; s2 has none.
    dates = fc.claim_reference_dates(claims, {"s1": pd.Timestamp("2023-02-27")})
    assert dates.dt.strftime("%Y-%m-%d").fillna("-").tolist() == ["2017-10-31", "2018-02-02", "2023-02-27", "-"]
