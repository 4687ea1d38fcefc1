"""How sure a figure is of its source: marking rows that were not read in the source they cite.

Most curated rows quote the sentence their figure was read in. A few come from a secondary listing
of a page that could not be read itself; their ``read_in_source`` column is ``false``. Tables and
charts show such figures with :data:`UNREAD_MARK` and print :data:`UNREAD_FOOTNOTE` below them.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["UNREAD_FOOTNOTE", "UNREAD_MARK", "mark_unread", "unread_note"]

UNREAD_MARK = "†"
UNREAD_FOOTNOTE = (
    "† Not confirmed in the cited source: the figure comes from a secondary listing of that source "
    "and could not be checked against the original."
)
_COLUMN = "read_in_source"


def _read_flags(frame: pd.DataFrame) -> pd.Series:
    """Return ``read_in_source`` as plain booleans; a missing column or cell is an error."""
    dataset = frame.attrs.get("dataset", "the table")
    if _COLUMN not in frame.columns:
        raise KeyError(f"{dataset} has no {_COLUMN!r} column")
    flags = frame[_COLUMN]
    if flags.isna().any():
        rows = list(frame.index[flags.isna()])
        raise ValueError(f"{dataset}: {_COLUMN} is empty in rows {rows}")
    return flags.astype(bool)


def unread_note(frame: pd.DataFrame) -> pd.Series:
    """Return :data:`UNREAD_MARK` for each row not read in its cited source, ``""`` otherwise.

    Parameters
    ----------
    frame : DataFrame
        Rows of a curated dataset with a boolean ``read_in_source`` column.

    Returns
    -------
    Series of str
        Same index as ``frame``, named ``"note"``.

    Raises
    ------
    KeyError
        If ``frame`` has no ``read_in_source`` column.
    ValueError
        If a ``read_in_source`` cell is empty.

    Examples
    --------
    >>> rows = pd.DataFrame({"value": [10, 20], "read_in_source": [True, False]})
    >>> unread_note(rows).tolist()
    ['', '†']
    """
    flags = _read_flags(frame)
    return flags.map({True: "", False: UNREAD_MARK}).astype(str).rename("note")


def mark_unread(labels: pd.Series, frame: pd.DataFrame) -> pd.Series:
    """Return ``labels`` as text with :data:`UNREAD_MARK` appended where the row was not read in its source.

    Parameters
    ----------
    labels : Series
        What a table or chart shows for each row (a formatted figure, a name), aligned with ``frame``.
    frame : DataFrame
        The rows the labels belong to, with a boolean ``read_in_source`` column.

    Returns
    -------
    Series of str

    Examples
    --------
    >>> rows = pd.DataFrame({"value": [10, 20], "read_in_source": [True, False]})
    >>> mark_unread(rows["value"].map("{:,}".format), rows).tolist()
    ['10', '20 †']
    """
    if not labels.index.equals(frame.index):
        raise ValueError("labels and frame must share the same index")
    notes = unread_note(frame)
    return labels.astype(str) + notes.map(lambda n: f" {n}" if n else "")
