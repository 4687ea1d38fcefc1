"""Tables for people (helpers.table): what a reader sees in the HTML of a table."""

import re

import pandas as pd
import pytest

import helpers
from helpers.tables import FOLD_AFTER_ROWS


def cells(html: str, tag: str = "td") -> list[tuple[str, str]]:
    """(class, text) of every ``tag`` cell, in reading order."""
    return re.findall(rf'<{tag} class="([^"]*)">([^<]*)</{tag}>', html)


def test_each_column_has_one_alignment_numbers_right_and_mixed_text_left():
    frame = pd.DataFrame({
        "Period": ["2020", "Jan–Mar 2024", "2022"],  # a period column mixing years and months: text
        "Value (US$ m)": [1130.2, None, -5.0],
        "Year": [2019, 2020, 2021],
    })
    html = helpers.table(frame)._repr_html_()
    assert cells(html, "th") == [("text", "Period"), ("num", "Value (US$ m)"), ("num", "Year")]
    assert cells(html) == [
        ("text", "2020"), ("num", "1,130.2"), ("num", "2019"),
        ("text", "Jan–Mar 2024"), ("num", ""), ("num", "2020"),
        ("text", "2022"), ("num", "−5"), ("num", "2021"),
    ]


def test_no_index_is_shown_unless_it_is_named():
    frame = pd.DataFrame({"value": [1, 2]}, index=[10, 11])
    assert "10" not in helpers.table(frame)._repr_html_()
    named = frame.rename_axis("year")
    assert cells(helpers.table(named)._repr_html_(), "th")[0] == ("num", "year")


def test_long_tables_fold_with_their_caption_and_row_count():
    frame = pd.DataFrame({"n": range(FOLD_AFTER_ROWS + 1)})
    html = helpers.table(frame, caption="Every year")._repr_html_()
    assert html.startswith('<details class="cj-table-fold"><summary>Every year (13 rows)</summary>')
    assert not helpers.table(frame.head(FOLD_AFTER_ROWS))._repr_html_().startswith("<details")


def test_mistakes_are_named():
    with pytest.raises(TypeError, match="needs a pandas DataFrame, got Series"):
        helpers.table(pd.Series([1]))
    with pytest.raises(KeyError, match="not in the table: \\['valeu'\\]"):
        helpers.table(pd.DataFrame({"value": [1]}), labels={"valeu": "Value"})
