"""House style: a chart without a finding title, alt text, unit or source line does not get drawn."""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import nbformat
import pytest

import helpers
from helpers import style
from helpers.notebooks import notebook_paths
from helpers.style import spread_labels


@pytest.fixture
def chart():
    helpers.use_house_style()
    fig, ax = helpers.new_figure()
    ax.plot([2000, 2010, 2020], [1e6, 5e7, 1.7e9])
    yield fig, ax
    plt.close(fig)


GOOD = {
    "title": "Trade grew a thousandfold",
    "xlabel": "Year",
    "ylabel": "Trade (US$)",
    "datasets": "trade_dots",
    "alt": "Line chart: trade rose from $1m in 2000 to $1.7bn in 2020.",
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"alt": ""}, "alt text"),
        ({"ylabel": "Trade"}, "unit"),
        ({"datasets": []}, "dataset"),
        ({"source_ids": ["seed_000"]}, "not cited"),
    ],
)
def test_chart_missing_a_house_style_element_is_refused(chart, change, message):
    _, ax = chart
    with pytest.raises(ValueError, match=message):
        helpers.finish_figure(ax, **{**GOOD, **change})


def test_finished_chart_carries_alt_text_title_and_only_its_sources(chart):
    fig, ax = chart
    ax.set_title(GOOD["title"])
    ax.set_ylabel(GOOD["ylabel"])
    footer = helpers.source_line("trade_dots", source_ids=["imf_dots"])
    svg = style._svg_with_alt(fig, 'Trade rose "fast" & far', GOOD["title"], footer)
    root = svg[: svg.index(">")]
    assert 'role="img"' in root and 'aria-label="Trade rose &quot;fast&quot; &amp; far"' in root
    assert f"<title>{GOOD['title']}</title>" in svg
    assert "Source: International Monetary Fund." in svg and "Data:" not in svg


def test_chart_is_cropped_to_its_text_with_the_source_line_lowest(chart):
    """The view box is the crop: a wrong offset or a flipped y would push text out of it."""
    fig, ax = chart
    ax.plot([2000, 2010], [1, 2])
    ax.set_ylabel(GOOD["ylabel"])
    svg = style._svg_with_alt(fig, "alt", GOOD["title"], "Source: International Monetary Fund.")
    x0, y0, width, height = map(float, re.search(r'viewBox="([^"]+)"', svg).group(1).split())
    anchors = re.findall(r'<text [^>]*x="([^"]+)" y="([^"]+)"[^>]*>([^<]*)<', svg)
    texts = [(float(x), float(y), body) for x, y, body in anchors]
    assert len(texts) > 5
    for x, y, body in texts:
        assert x0 <= x <= x0 + width and y0 <= y <= y0 + height, f"{body!r} at ({x}, {y}) is outside the view box"
    lowest = max(texts, key=lambda t: t[1])
    assert lowest[2].startswith("Source: ") and y0 + height - lowest[1] < 15  # about one padding below


def test_source_line_names_only_the_publishers_of_the_rows_drawn():
    every = helpers.source_line("oda_projects")
    one_id = helpers.load("oda_projects")["source_id"].iloc[0]
    only = helpers.source_line("oda_projects", source_ids=[one_id])
    assert "more" in every and "more" not in only and only.count(";") == 0


@pytest.mark.parametrize(
    ("unit", "scale", "value", "text"),
    [
        ("usd", "log", 1e9, "$1bn"),
        ("usd", "log", 1e6, "$1m"),
        ("usd", "linear", 2.5e8, "$250m"),
        ("usd_m", "linear", 1200, "$1.2bn"),
        ("percent", "linear", 12.5, "12.5%"),
        ("count", "linear", 4500, "4,500"),
        ("year", "linear", 2020, "2020"),
    ],
)
def test_ticks_are_written_in_the_readers_unit(chart, unit, scale, value, text):
    _, ax = chart
    ax.set_yscale(scale)
    helpers.format_axis(ax, unit)
    assert ax.yaxis.get_major_formatter()(value, 0) == text


def test_unknown_tick_unit_is_refused(chart):
    with pytest.raises(ValueError, match="unknown unit"):
        helpers.format_axis(chart[1], "furlongs")


def test_failing_verdicts_are_never_green():
    greens = {"#009E73"}
    for verdict in ("conflicts", "internally inconsistent"):
        assert helpers.VERDICT_COLOURS[verdict] not in greens
    assert set(helpers.VERDICT_COLOURS) == set(helpers.VERDICT_LABELS)


def _chart_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/svg+xml" in data or "image/png" in data:
                yield index, data.get("image/svg+xml", "")


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.name)
def test_every_published_chart_went_through_the_house_style(path):
    charts = list(_chart_outputs(path))
    for index, svg in charts:
        where = f"{path.name} cell {index}"
        assert svg, f"{where}: a PNG chart; charts are SVG from helpers.finish_figure"
        root = svg[: svg.index(">")] if "<svg" in svg else ""
        alt = re.search(r'aria-label="([^"]+)"', root)
        assert 'role="img"' in root and alt and alt.group(1).strip(), (
            f"{where}: chart without alt text (end the cell with finish_figure)"
        )
        assert re.search(r"<title>\S[^<]*</title>", svg), f"{where}: chart without a title"
        assert "Source: " in svg, f"{where}: chart without a source line"


def test_spread_labels_keep_order_and_gap():
    placed = spread_labels({"Japan": 6.0, "China": 6.1, "United States": 30.0, "Korea": 1.0}, 2.0, floor=0.0)
    heights = [placed[k] for k in ["Korea", "Japan", "China", "United States"]]
    assert heights == sorted(heights)
    assert min(b - a for a, b in zip(heights, heights[1:], strict=False)) >= 2.0 - 1e-9
    assert placed["United States"] == 30.0  # far from the others: not moved
    assert min(heights) >= 0.0


def test_spread_labels_move_only_labels_that_would_collide():
    # 474 and 475 overlap at a gap of 30, and 510 joins them; 144 is far below and stays.
    placed = spread_labels({"KHM": 474.0, "VNM": 475.0, "MMR": 510.0, "LAO": 144.0}, 30)
    assert placed["LAO"] == 144.0
    assert placed["KHM"] < placed["VNM"] < placed["MMR"]
    assert placed["VNM"] - placed["KHM"] >= 30 and placed["MMR"] - placed["VNM"] >= 30
    assert placed["KHM"] < 474.0 < 510.0 < placed["MMR"]  # the group is centred on its values, not pushed up
