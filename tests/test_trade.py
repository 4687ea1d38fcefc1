"""Unit tests of helpers.trade on small hand-built tables (expected values worked out by hand)."""

import pandas as pd
import pytest

from helpers import trade


def dots_frame(rows):
    return pd.DataFrame(rows, columns=["year", "reporter", "partner", "flow", "value_usd", "estimate"])


@pytest.fixture
def dots():
    return dots_frame(
        [
            # Cambodia as reporter: exports 100, imports 40 in 2019; exports only in 2018.
            (2019, "KHM", "JPN", "exports_fob", 100, False),
            (2019, "KHM", "JPN", "imports_cif", 40, True),
            (2018, "KHM", "JPN", "exports_fob", 80, False),
            (2019, "KHM", "WLD", "exports_fob", 1000, False),
            (2019, "KHM", "WLD", "imports_cif", 400, False),
            # Japan as reporter: imports from Cambodia 150 (mirror of 100), exports to Cambodia 30.
            (2019, "JPN", "KHM", "imports_cif", 150, False),
            (2019, "JPN", "KHM", "exports_fob", 30, False),
            (2019, "JPN", "WLD", "exports_fob", 9999, False),  # ignored: not bilateral
        ]
    )


def test_flows_put_both_reporters_on_cambodias_side(dots):
    flows = trade.flows_by_reporter(dots).set_index(["reporter", "year"])
    assert flows.loc[("Cambodia", 2019), ["exports", "imports", "total", "balance"]].tolist() == [100, 40, 140, 60]
    # Japan's imports from Cambodia are Cambodia's exports; Japan's exports are Cambodia's imports.
    assert flows.loc[("Japan", 2019), ["exports", "imports", "total", "balance"]].tolist() == [150, 30, 180, 120]
    assert bool(flows.loc[("Cambodia", 2019), "estimate"]) is True
    assert bool(flows.loc[("Japan", 2019), "estimate"]) is False
    # A year with one flow only has no total or balance.
    assert pd.isna(flows.loc[("Cambodia", 2018), "total"]) and pd.isna(flows.loc[("Cambodia", 2018), "balance"])


def test_flows_keep_missing_years_as_rows_so_lines_break(dots):
    flows = trade.flows_by_reporter(dots, range(2017, 2020))
    assert len(flows) == 6
    row = flows[(flows["reporter"] == "Japan") & (flows["year"] == 2017)].iloc[0]
    assert pd.isna(row["exports"]) and not row["estimate"]


def test_mirror_gap_in_dollars_and_percent(dots):
    flows = trade.flows_by_reporter(dots)
    exports = trade.mirror_gap(flows, "exports")
    assert exports.index.tolist() == [2019]  # 2018 has no Japanese figure
    assert exports.loc[2019, "gap_usd"] == 50  # 150 - 100
    assert exports.loc[2019, "gap_pct"] == 50  # 50 / 100
    imports = trade.mirror_gap(flows, "imports")
    assert imports.loc[2019, "gap_usd"] == -10  # 30 - 40
    assert imports.loc[2019, "gap_pct"] == -25  # -10 / 40
    with pytest.raises(ValueError):
        trade.mirror_gap(flows, "balance")


def test_japan_shares_use_cambodias_own_reports(dots):
    shares = trade.japan_shares(dots)
    assert shares.loc[2019, "share_exports"] == 10  # 100 / 1000
    assert shares.loc[2019, "share_trade"] == 10  # 140 / 1400
    assert bool(shares.loc[2019, "estimate"]) is True


def test_surplus_years_first_and_sustained():
    balance = pd.Series([-5.0, 1.0, -2.0, None, 3.0, 4.0], index=[2000, 2001, 2002, 2003, 2004, 2005])
    assert trade.surplus_years(balance) == {"first": 2001, "sustained_since": 2004, "years_in_surplus": 3}
    ending_in_deficit = pd.Series([1.0, -1.0], index=[2000, 2001])
    assert trade.surplus_years(ending_in_deficit)["sustained_since"] is None
    assert trade.surplus_years(pd.Series([-1.0], index=[2000]))["first"] is None


def test_cagr():
    assert trade.cagr(pd.Series([100.0, 200.0], index=[2000, 2001]), 2000, 2001) == pytest.approx(100.0)
    assert trade.cagr(pd.Series([100.0, 144.0], index=[2000, 2002]), 2000, 2002) == pytest.approx(20.0)


def test_full_years():
    full = trade.is_full_year(
        pd.Series(pd.to_datetime(["2022-01-01", "2024-01-01", "2023-01-01"])),
        pd.Series(pd.to_datetime(["2022-12-31", "2024-10-31", "2024-12-31"])),
    )
    assert full.tolist() == [True, False, False]


def reported_frame(rows):
    frame = pd.DataFrame(
        rows, columns=["indicator", "period_start", "period_end", "reporter_basis", "value", "estimate", "source_id"]
    )
    frame["unit"] = "USD"
    frame["period_start"] = pd.to_datetime(frame["period_start"])
    frame["period_end"] = pd.to_datetime(frame["period_end"])
    return frame


def test_implied_totals_only_where_no_total_is_stated():
    reported = reported_frame(
        [
            ("trade_exports_kh_to_jp", "2022-01-01", "2022-12-31", "JPN_customs", 300.0, False, "a"),
            ("trade_imports_kh_from_jp", "2022-01-01", "2022-12-31", "JPN_customs", 100.0, False, "a"),
            ("trade_exports_kh_to_jp", "2022-01-01", "2022-12-31", "KHM_customs", 200.0, False, "b"),
            ("trade_imports_kh_from_jp", "2022-01-01", "2022-12-31", "KHM_customs", 90.0, False, "b"),
            ("trade_total", "2022-01-01", "2022-12-31", "KHM_customs", 290.0, False, "b"),
        ]
    )
    out = trade.implied_totals(reported)
    added = out[out["derived"]]
    assert len(out) == 6
    assert added[["source_id", "reporter_basis", "value"]].values.tolist() == [["a", "JPN_customs", 400.0]]


def claims_frame():
    return pd.DataFrame(
        {
            "claim_id": ["c1", "c2", "c3", "c4"],
            "source_id": ["seed_000", "seed_002", "seed_001", "seed_000"],
            "indicator": ["trade_total", "trade_total", "trade_total", "trade_event_year"],
            "unit": ["USD", "USD", "USD", "year"],
            "theme": ["trade"] * 4,
            "value": [176.0, 150.0, 195.0, 2024.0],
            "period_start": ["2024-01-01", "2016-01-01", None, "2024-11-19"],
            "period_end": ["2024-10-31", "2016-12-31", None, "2024-11-19"],
        }
    )


def test_claims_are_placed_and_partial_years_marked():
    placed = trade.claims_on_series(claims_frame(), ["trade_total"]).set_index("claim_id")
    assert placed.index.tolist() == ["c1", "c2", "c3"]  # the event year is not a US$ figure
    assert placed.loc["c1", "period"] == "Jan–Oct 2024" and not placed.loc["c1", "full_year"]
    assert placed.loc["c2", "full_year"] and placed.loc["c2", "x"] == 2016.0
    # Jan–Oct misses two months: placed 2/12 of a year before the end of 2024's annual position.
    assert placed.loc["c1", "x"] == pytest.approx(2024 - 2 / 12)
    assert not placed.loc["c3", "dated"] and pd.isna(placed.loc["c3", "x"])


def composition_frame():
    return pd.DataFrame(
        {
            "year": [2022, 2022, 2022, 2022, 2021],
            "direction": ["kh_to_jp", "kh_to_jp", "jp_to_kh", "kh_to_jp", "kh_to_jp"],
            "product_group": ["woven", "knitted", "meat", "shoes", "knitted"],
            "share_percent": [31.2, 31.2, 10.4, 12.0, 50.0],
            "read_in_source": [True, False, True, True, True],
        }
    )


def test_composition_is_split_by_direction_largest_first():
    panels = trade.composition_by_direction(composition_frame(), 2022)
    assert list(panels) == ["kh_to_jp", "jp_to_kh"]  # fixed order, not order of appearance
    # Tie at 31.2 broken by name; the 2021 row is left out.
    assert panels["kh_to_jp"]["product_group"].tolist() == ["knitted", "woven", "shoes"]
    assert panels["kh_to_jp"]["read_in_source"].tolist() == [False, True, True]  # travels with its row
    assert panels["jp_to_kh"]["share_percent"].tolist() == [10.4]
    assert trade.composition_by_direction(composition_frame(), 2020) == {}


def test_approvals_table_keeps_every_figure_apart():
    rows = pd.DataFrame(
        {
            "period_start": pd.to_datetime(["1994-01-01", "1994-01-01", "2010-01-01"]),
            "period_end": pd.to_datetime(["2021-07-31", "2015-12-31", "2022-12-31"]),
            "scope": ["in SEZs", "all", "QIPs"],
            "projects": pd.array([66, None, 141], dtype="Int64"),
            "amount_usd": [340_000_000.0, 801_000_000.0, 2_846_300_000.0],
            "qualifier": ["exact", "about", "more_than"],
            "source_id": ["a", "b", "c"],
        }
    )
    table = trade.approvals_table(rows)
    assert len(table) == 3  # nothing summed or merged
    assert table["period"].tolist() == ["1994–2015", "1994–Jul 2021", "2010–2022"]
    assert table["projects"].tolist() == ["not given", "66", "141"]
    assert table["amount (US$ m)"].tolist() == ["about 801.0", "340.0", "more than 2,846.3"]
    assert table["source"].tolist() == ["b", "a", "c"]


def partners_frame(rows):
    return pd.DataFrame(rows, columns=["year", "partner", "flow", "value_usd", "estimate"])


def test_partner_shares_divide_by_cambodias_own_world_total():
    rows = partners_frame(
        [
            (2020, "WLD", "exports_fob", 200, False),
            (2020, "JPN", "exports_fob", 12, False),
            (2020, "CHN", "exports_fob", 50, True),
            (2020, "WLD", "imports_cif", 400, False),
            (2020, "CHN", "imports_cif", 100, False),
            (2019, "WLD", "imports_cif", 300, False),  # no partner rows in 2019: no shares, no zeros
        ]
    )
    shares = trade.partner_shares(rows).set_index(["flow", "partner", "year"])
    assert shares.loc[("exports", "Japan", 2020), "share"] == 6.0
    assert shares.loc[("exports", "China", 2020), "share"] == 25.0
    assert bool(shares.loc[("exports", "China", 2020), "estimate"])
    assert shares.loc[("imports", "China", 2020), "share"] == 25.0
    assert len(shares) == 3


def test_partner_shares_refuse_a_year_without_world_total():
    rows = partners_frame([(2020, "JPN", "exports_fob", 12, False)])
    with pytest.raises(ValueError, match="no world total for exports_fob 2020"):
        trade.partner_shares(rows)


def test_partner_shares_refuse_an_unknown_partner():
    rows = partners_frame([(2020, "WLD", "exports_fob", 10, False), (2020, "XXX", "exports_fob", 1, False)])
    with pytest.raises(ValueError, match="XXX"):
        trade.partner_shares(rows)


def test_implied_totals_are_read_in_source_only_if_both_parts_were():
    reported = reported_frame(
        [
            ("trade_exports_kh_to_jp", "2022-01-01", "2022-12-31", "JPN_customs", 300.0, False, "a"),
            ("trade_imports_kh_from_jp", "2022-01-01", "2022-12-31", "JPN_customs", 100.0, False, "a"),
            ("trade_exports_kh_to_jp", "2021-01-01", "2021-12-31", "JPN_customs", 200.0, False, "a"),
            ("trade_imports_kh_from_jp", "2021-01-01", "2021-12-31", "JPN_customs", 90.0, False, "a"),
        ]
    )
    reported["read_in_source"] = [True, True, True, False]
    added = trade.implied_totals(reported).query("derived").set_index("value")
    assert added["read_in_source"].to_dict() == {400.0: True, 290.0: False}
