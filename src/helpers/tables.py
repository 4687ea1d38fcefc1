"""Tables for people: no row index, thousands separators, blank for missing, long ones folded.

A notebook ends a table cell with :func:`table`; the object it returns renders the same way in
JupyterLab, in the rendered site and in nbval's comparison (its HTML and text are deterministic).
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from html import escape

import numpy as np
import pandas as pd

__all__ = ["Table", "table"]

FOLD_AFTER_ROWS = 12


def _cell_text(value: object, decimals: int) -> str:
    """Return one cell as a reader reads it.

    Examples
    --------
    >>> import numpy as np
    >>> [_cell_text(v, 1) for v in [1234567, np.int64(1201), 2019.0, -20.44, None, float("nan"), pd.NA, True, "a"]]
    ['1,234,567', '1,201', '2,019', '−20.4', '', '', '', 'yes', 'a']
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    if isinstance(value, pd.Timestamp):
        return value.strftime("%-d %b %Y")
    if isinstance(value, numbers.Real):
        if pd.isna(value):
            return ""
        text = f"{int(value):,}" if float(value).is_integer() else f"{value:,.{decimals}f}"
        return text.replace("-", "\u2212", 1)  # a typographic minus, as the prose writes it
    return str(value)


class Table:
    """A formatted table: ``_repr_html_`` for pages, ``__repr__`` for plain text."""

    def __init__(self, frame: pd.DataFrame, caption: str | None, folded: bool, number_columns: set[str]):
        self.frame = frame  # cells already written as text
        self.caption = caption
        self.folded = folded
        self.number_columns = number_columns  # right-aligned

    def _repr_html_(self) -> str:
        # One alignment per column: numbers right, text left, so that a period column mixing
        # "2020" and "Jan–Mar 2024" does not zigzag.
        kinds = ["num" if c in self.number_columns else "text" for c in self.frame.columns]
        head = "".join(f'<th class="{k}">{escape(str(c))}</th>' for c, k in zip(self.frame.columns, kinds, strict=True))
        rows = "".join(
            "<tr>" + "".join(f'<td class="{k}">{escape(v)}</td>' for v, k in zip(row, kinds, strict=True)) + "</tr>"
            for row in self.frame.itertuples(index=False)
        )
        html = f'<table class="cj-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
        if self.folded:
            summary = escape(self.caption or "Table")
            count = f"{len(self.frame):,} rows"
            return f'<details class="cj-table-fold"><summary>{summary} ({count})</summary>{html}</details>'
        if self.caption:
            return f'<p class="cj-table-caption">{escape(self.caption)}</p>{html}'
        return html

    def __repr__(self) -> str:
        lines = self.frame.to_string(index=False).splitlines() if len(self.frame) else ["(no rows)"]
        text = "\n".join(line.rstrip() for line in lines)
        return f"{self.caption}\n{text}" if self.caption else text


def table(
    frame: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    decimals: int = 1,
    caption: str | None = None,
    collapse: bool | None = None,
) -> Table:
    """Return a table for readers: no index, separators, blank for missing, readable headers.

    Parameters
    ----------
    frame : pandas.DataFrame
        The rows to show. A named or meaningful index is kept as the first column(s).
    labels : mapping, optional
        New column headers, e.g. ``{"value_usd": "Value (US$)"}``; columns not named keep theirs.
    decimals : int, default 1
        Decimals for non-integer numbers.
    caption : str, optional
        A line above the table, and the summary of a folded table.
    collapse : bool, optional
        Fold the table into a ``<details>`` box; by default tables of more than 12 rows fold.

    Returns
    -------
    Table
        Shown by ending a cell with it.

    Examples
    --------
    >>> t = table(pd.DataFrame({"year": [2019, 2020], "usd": [1727390478.0, None]}), labels={"usd": "US$"})
    >>> print(repr(t))
    year           US$
    2019 1,727,390,478
    2020
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"table() needs a pandas DataFrame, got {type(frame).__name__}")
    shown = frame.copy()
    named_index = any(name is not None for name in shown.index.names)
    shown = shown.reset_index(drop=not named_index)
    shown.columns = [" · ".join(map(str, c)) if isinstance(c, tuple) else str(c) for c in shown.columns]
    if labels:
        missing = sorted(set(labels) - set(shown.columns))
        if missing:
            raise KeyError(f"labels name columns that are not in the table: {missing}")
        shown = shown.rename(columns=dict(labels))
    years = {c for c in shown.columns if c.lower().strip() in {"year", "years"}}
    text = pd.DataFrame(
        {
            c: [str(int(v)) if c in years and _is_number(v) else _cell_text(v, decimals) for v in shown[c]]
            for c in shown.columns
        },
        columns=shown.columns,
    )
    numbers_only = {c for c in shown.columns if all(_is_number(v) or pd.isna(v) for v in shown[c])}
    folded = collapse if collapse is not None else len(text) > FOLD_AFTER_ROWS
    return Table(text, caption, folded, numbers_only)


def _is_number(value: object) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and not pd.isna(value)
