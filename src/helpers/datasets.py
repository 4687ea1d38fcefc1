"""Load the curated datasets of ``data/``, validated against ``data/datapackage.json``.

Validation uses Frictionless (the Data Package's own library): types, required fields,
constraints, primary and foreign keys, missing or extra columns. On top of it, the checks the
schema language cannot express:

* a file holds at least one row;
* every date written as text (``1992``, ``1992-06``, ``1992-06-22``: a field whose pattern
  starts with four digits) is a real calendar date, at the precision its ``*_precision`` field
  states where it has one;
* within a row, a period does not end before it starts (``period_start``/``period_end``,
  ``date``/``end_date``, ``agreement_date``/``completion_date``, ``published``/``accessed``), and
  an ``as_of`` date lies in the row's ``year``;
* no date or year lies in the future.

A resource that passed is stored, as the typed frame, under a fingerprint of its bytes, its
descriptor, the tables it references and the code of this module, so a warm load skips
Frictionless and the CSV parser entirely; any change to the file, its schema, a table it
references or these checks invalidates the entry. The check for future dates runs on every read
from disk, stored or not: the data stay the same, but today moves on.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import hashlib
import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from helpers.paths import CACHE_DIR, data_dir

__all__ = [
    "DataValidationError",
    "UnknownDatasetError",
    "describe",
    "list_datasets",
    "load",
    "date_fields",
    "read_package",
    "validate",
]

# How Table Schema types become pandas dtypes (nullable where a cell may be empty).
_INTEGER_TYPES = {"integer", "year"}
# Dates that say when something happened or was read: none may lie in the future.
_DATE_FIELD_NAMES = {
    "date", "year", "as_of", "period_start", "published", "accessed", "statement_date", "agreement_date",
}  # fmt: skip
_MAX_ERRORS_SHOWN = 20
_FRICTIONLESS_ERROR_LIMIT = 1000  # Frictionless's own default: it stops validating there
# The checks and the reader below, and the pandas that stores their frames: results stored by
# other code are never trusted.
_CHECKS_VERSION = hashlib.sha256(Path(__file__).read_bytes()).hexdigest() + pd.__version__
# A text field holds dates when its pattern starts with a four-digit year.
_DATE_TEXT_PATTERN = re.compile(r"^\^\\d\{4\}")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_PRECISION_LENGTH = {"year": 4, "month": 7, "day": 10}
# (earlier, later): within a row the second may not come before the first.
_ORDERED_FIELDS = [
    ("period_start", "period_end"),
    ("date", "end_date"),
    ("agreement_date", "completion_date"),
    ("published", "accessed"),
]
# (date, year): the date must fall in that calendar year.
_DATE_IN_YEAR = [("as_of", "year")]


class DataValidationError(ValueError):
    """A data file breaks its schema; the message names the file, the row and the field."""


class UnknownDatasetError(KeyError):
    """No resource of that name is described in ``datapackage.json``."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0])


def read_package(folder: Path | None = None) -> dict[str, Any]:
    """Return the parsed ``datapackage.json`` of ``folder`` (default: the project's ``data/``).

    Examples
    --------
    >>> pkg = read_package()
    >>> pkg["name"]
    'cambodia-japan-relations'
    """
    return _read_package_cached(*_descriptor(folder))


def _descriptor(folder: Path | None) -> tuple[Path, int]:
    """The path of ``datapackage.json`` and its modification time: the key of what is read from it."""
    path = (folder or data_dir()) / "datapackage.json"
    try:
        return path, path.stat().st_mtime_ns
    except FileNotFoundError:
        raise DataValidationError(f"{path}: data package descriptor is missing") from None


@lru_cache(maxsize=8)
def _resources_cached(path: Path, mtime: int) -> dict[str, tuple[dict[str, Any], str]]:
    """Each resource of one descriptor version by name, with its descriptor as canonical JSON."""
    return {r["name"]: (r, json.dumps(r, sort_keys=True)) for r in _read_package_cached(path, mtime)["resources"]}


def _resources(folder: Path | None = None) -> dict[str, tuple[dict[str, Any], str]]:
    return _resources_cached(*_descriptor(folder))


@lru_cache(maxsize=8)
def _read_package_cached(path: Path, _mtime: int) -> dict[str, Any]:
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise DataValidationError(
            f"{_shown(path)}, line {error.lineno}, column {error.colno}: not valid JSON ({error.msg})"
        ) from None
    resources = package.get("resources") if isinstance(package, dict) else None
    if not isinstance(resources, list) or not all(
        isinstance(r, dict) and {"name", "path", "schema"} <= r.keys() for r in resources
    ):
        raise DataValidationError(
            f"{_shown(path)}: needs a list 'resources' whose entries each have a name, a path and a schema"
        )
    return package


def list_datasets(theme: str | None = None) -> list[str]:
    """Return the names of the described datasets, sorted, optionally of one theme only.

    Parameters
    ----------
    theme : str, optional
        ``trade``, ``people``, ``oda``, ``diplomacy``, ``claims`` or ``reference``.

    Examples
    --------
    >>> "sources" in list_datasets()
    True
    """
    resources = read_package()["resources"]
    return sorted(r["name"] for r in resources if theme is None or r.get("theme") == theme)


def describe(name: str) -> dict[str, Any]:
    """Return the resource descriptor (title, description, schema, sources) of one dataset.

    Raises
    ------
    UnknownDatasetError
        If no dataset has that name; the message suggests the closest names.
    TypeError
        If ``name`` is not a string.
    """
    if not isinstance(name, str):
        raise TypeError(
            f"a dataset name is a string such as 'trade_dots', not {type(name).__name__} {name!r}; "
            "helpers.list_datasets() lists them"
        )
    resources = _resources()
    if name not in resources:
        close = difflib.get_close_matches(name, resources, n=3, cutoff=0.5)
        hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
        if len(name) == 1:  # the letters of one name, iterated where a list of names was expected
            hint += (" A single letter: was one name passed where a list of names is expected, e.g. "
                     "f('trade_dots') instead of f(['trade_dots'])?")
        raise UnknownDatasetError(
            f"No dataset named {name!r} in data/datapackage.json.{hint} "
            f"Known datasets: {', '.join(sorted(resources))}."
        )
    return resources[name][0]


def load(name: str) -> pd.DataFrame:
    """Load one dataset as a DataFrame with the dtypes its schema declares, after validation.

    Table Schema ``string`` becomes ``str``, ``integer`` and ``year`` nullable ``Int64``,
    ``number`` ``float64``, ``boolean`` nullable ``boolean``, ``date`` ``datetime64``.
    Empty cells are missing values; nothing is coerced or dropped silently.

    Parameters
    ----------
    name : str
        A name from :func:`list_datasets`.

    Returns
    -------
    pandas.DataFrame
        A fresh copy; ``df.attrs["dataset"]`` holds ``name``.

    Raises
    ------
    TypeError
        ``name`` is not a string.
    UnknownDatasetError
        The name is not in the data package.
    DataValidationError
        The file is missing, holds no row, or breaks its schema or the date rules (the
        message names file, row and field).

    Examples
    --------
    >>> sources = load("sources")
    >>> sources["source_id"].is_unique
    True
    """
    resource = describe(name)
    folder = data_dir()
    path = folder / resource["path"]
    if not path.exists():
        raise DataValidationError(
            f"{_shown(path)}: file is missing (described as dataset {name!r} in datapackage.json)"
        )
    for key in resource["schema"].get("foreignKeys", []):
        target = key.get("reference", {}).get("resource")
        if target and target not in _resources(folder):
            raise DataValidationError(
                f"{_shown(folder / 'datapackage.json')}: dataset {name!r} has a foreign key "
                f"{key.get('fields')!r} to resource {target!r}, which the data package does not describe"
            )
    fingerprint = _fingerprint(resource, folder)
    frame = _load_cached(name, str(folder), fingerprint)
    return frame.copy()


def validate(name: str) -> None:
    """Validate one dataset against the data package, raising :class:`DataValidationError`."""
    load(name)


@lru_cache(maxsize=64)
def _load_cached(name: str, folder: str, fingerprint: str) -> pd.DataFrame:
    resource = describe(name)
    path = Path(folder) / resource["path"]
    stored = CACHE_DIR / "validated" / f"{fingerprint}.pkl"
    if stored.exists():  # these bytes passed every check below and were read by this code
        frame = pd.read_pickle(stored)
    else:
        raw = _read_text(path)
        _validate_with_frictionless(name, Path(folder))
        _check_rows(raw, path, resource["schema"])
        frame = _read_typed(raw, resource["schema"])
    _check_no_future_dates(frame, path, resource["schema"])
    if not stored.exists():
        stored.parent.mkdir(parents=True, exist_ok=True)
        partial = stored.with_suffix(f".{os.getpid()}.tmp")
        frame.to_pickle(partial)
        partial.replace(stored)  # atomic: two kernels may load the same dataset at once
    frame.attrs["dataset"] = name
    return frame


def _fingerprint(resource: dict[str, Any], folder: Path) -> str:
    resources = _resources(folder)
    digest = hashlib.sha256((_CHECKS_VERSION + resources[resource["name"]][1]).encode())
    referenced = {fk["reference"]["resource"] for fk in resource["schema"].get("foreignKeys", [])}
    paths = [resource["path"]] + [resources[r][0]["path"] for r in sorted(referenced) if r]
    for rel in paths:
        if not (folder / rel).exists():
            raise DataValidationError(
                f"{_shown(folder / rel)}: file is missing (a foreign key of dataset {resource['name']!r} refers to it)"
            )
        digest.update(rel.encode())
        digest.update(_file_digest(folder / rel).encode())
    return digest.hexdigest()


# The bytes last read from each data file and their digest: reading a file again and comparing
# is cheap, hashing it again is not. Emptied when it grows (tests copy data/ many times).
_FILE_DIGESTS: dict[Path, tuple[bytes, str]] = {}


def _file_digest(path: Path) -> str:
    data = path.read_bytes()
    known = _FILE_DIGESTS.get(path)
    if known is None or known[0] != data:
        if len(_FILE_DIGESTS) >= 128:
            _FILE_DIGESTS.clear()
        known = _FILE_DIGESTS[path] = (data, hashlib.sha256(data).hexdigest())
    return known[1]


@lru_cache(maxsize=4)
def _frictionless_package(descriptor: Path, _mtime: int):
    """One parsed Package per descriptor version; the data files are read afresh at each validation."""
    from frictionless import Package  # imported here: a warm load never needs it

    return Package(str(descriptor))


def _validate_with_frictionless(name: str, folder: Path) -> None:
    descriptor = folder / "datapackage.json"
    package = _frictionless_package(descriptor, descriptor.stat().st_mtime_ns)
    resource = package.get_resource(name)
    report = resource.validate(limit_errors=_FRICTIONLESS_ERROR_LIMIT)
    if report.valid:
        return
    shown_path = _shown(folder / resource.path)
    primary_key = ", ".join(resource.schema.primary_key)
    lines = []
    for error in report.flatten(["type", "rowNumber", "fieldName", "message", "note"]):
        kind, row, field, message, note = error
        if kind == "primary-key":
            field = primary_key
        elif kind == "foreign-key" and note.startswith('for "'):
            field = note.split('"')[1]
        where = f"row {row}" if row else "header"
        lines.append(f"{shown_path}, {where}, field {field or '-'!r}: {message} [{kind}]")
    raise DataValidationError(
        _error_report(shown_path, lines, "breaks its schema in datapackage.json", capped_at=_FRICTIONLESS_ERROR_LIMIT)
    )


def _read_text(path: Path) -> pd.DataFrame:
    """Every cell as text, empty cells missing: what the checks below read."""
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    except pd.errors.EmptyDataError:
        raise DataValidationError(f"{_shown(path)}: the file is empty, not even a header [empty-file]") from None


def _read_typed(raw: pd.DataFrame, schema: dict[str, Any]) -> pd.DataFrame:
    columns = {}
    for field in schema["fields"]:
        column = raw[field["name"]]
        kind = field.get("type", "string")
        if kind in _INTEGER_TYPES:
            columns[field["name"]] = pd.to_numeric(column).astype("Int64")
        elif kind == "number":
            columns[field["name"]] = pd.to_numeric(column).astype("float64")
        elif kind == "boolean":
            truth = column.str.lower().map({"true": True, "false": False, "1": True, "0": False})
            columns[field["name"]] = truth.astype("boolean")
        elif kind == "date":
            columns[field["name"]] = pd.to_datetime(column, format="%Y-%m-%d")
        else:
            columns[field["name"]] = column.astype("str").where(column.notna(), None)
    return pd.DataFrame(columns)


def date_fields(schema: dict[str, Any]) -> list[str]:
    """Return the fields of a Table Schema that hold dates or years, in schema order.

    A field holds dates when its type is ``date`` or ``year``, when it is a ``year`` field of
    type ``integer``, or when it is text whose ``pattern`` starts with a four-digit year.

    Examples
    --------
    >>> date_fields(describe("aid_milestones")["schema"])
    ['date', 'end_date']
    """
    found = []
    for field in schema["fields"]:
        kind = field.get("type", "string")
        pattern = field.get("constraints", {}).get("pattern", "")
        if kind in {"date", "year"} or (kind == "integer" and field["name"] == "year") or (
            kind == "string" and _DATE_TEXT_PATTERN.match(pattern)
        ):
            found.append(field["name"])
    return found


def _calendar_problem(text: str) -> str | None:
    """Why an ISO date at year, month or day precision is not a calendar date; None if it is.

    Examples
    --------
    >>> _calendar_problem("1992-06-31")
    'June 1992 has 30 days'
    >>> _calendar_problem("2024-13") is None, _calendar_problem("2024-02-29") is None
    (False, True)
    """
    match = _PARTIAL_DATE.match(text)
    if not match:
        return "not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
    year, month, day = (int(part) if part else None for part in match.groups())
    if year == 0:
        return "there is no year 0"
    if month is not None and not 1 <= month <= 12:
        return f"there is no month {month}"
    if day is not None:
        length = calendar.monthrange(year, month)[1]
        if not 1 <= day <= length:
            return f"{calendar.month_name[month]} {year} has {length} days"
    return None


def _span(text: str) -> tuple[str, str]:
    """First and last day an ISO date at any precision covers: ``'1992-02'`` -> Feb 1 to Feb 29."""
    year, month = int(text[:4]), int(text[5:7]) if len(text) >= 7 else None
    if len(text) == 10:
        return text, text
    if month is None:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    return f"{text}-01", f"{text}-{calendar.monthrange(year, month)[1]:02d}"


def _check_rows(raw: pd.DataFrame, path: Path, schema: dict[str, Any]) -> None:
    """Rules Frictionless cannot express: a file has rows; dates are real, at their stated
    precision, in order within a row, and an ``as_of`` date lies in its row's ``year``."""
    if raw.empty:
        raise DataValidationError(
            f"{_shown(path)}: the file has a header but no rows; a dataset holds at least one row [empty-table]"
        )
    problems: list[str] = []
    shown = _shown(path)
    text_dates = [
        f["name"] for f in schema["fields"]
        if f.get("type", "string") in {"string", "date"} and f["name"] in date_fields(schema)
    ]  # fmt: skip
    bad_cells: set[tuple[int, str]] = set()
    for name in text_dates:
        precision = f"{name}_precision" if f"{name}_precision" in raw else None
        for row, value in raw[name].dropna().items():
            problem = _calendar_problem(value)
            stated = raw.at[row, precision] if precision else None
            if problem is None and isinstance(stated, str) and _PRECISION_LENGTH.get(stated) != len(value):
                problem = f"{precision} says {stated!r}, but the date is written to a different precision"
            if problem:
                bad_cells.add((row, name))
                problems.append(f"{shown}, row {row + 2}, field {name!r}: {value!r} is not a real date: {problem} "
                                "[calendar-date]")
    for earlier, later in _ORDERED_FIELDS:
        if earlier not in text_dates or later not in text_dates:
            continue
        for row in raw.index[raw[earlier].notna() & raw[later].notna()]:
            if (row, earlier) in bad_cells or (row, later) in bad_cells:
                continue
            first, last = raw.at[row, earlier], raw.at[row, later]
            if _span(first)[0] > _span(last)[1]:
                problems.append(f"{shown}, row {row + 2}, field {later!r}: {last!r} comes before "
                                f"{earlier} {first!r} in the same row [date-order]")
    for date_name, year_name in _DATE_IN_YEAR:
        if date_name not in text_dates or year_name not in raw:
            continue
        for row in raw.index[raw[date_name].notna() & raw[year_name].notna()]:
            value, year = raw.at[row, date_name], raw.at[row, year_name]
            if (row, date_name) not in bad_cells and value[:4] != year:
                problems.append(f"{shown}, row {row + 2}, field {date_name!r}: {value!r} does not lie in "
                                f"the row's {year_name} {year} [date-in-year]")
    if problems:
        raise DataValidationError(_error_report(shown, problems, "breaks the date rules of helpers.datasets"))


def _error_report(shown: str, lines: list[str], what: str, capped_at: int | None = None) -> str:
    """One message for many errors: the count, then the first few, one per line."""
    count = f"{len(lines)} error(s)"
    if capped_at is not None and len(lines) >= capped_at:
        count = f"at least {len(lines)} errors: the validator stops counting at {capped_at}"
    more = len(lines) - _MAX_ERRORS_SHOWN
    body = "\n  ".join(lines[:_MAX_ERRORS_SHOWN]) + (
        f"\n  ... and {more} more (only the first {_MAX_ERRORS_SHOWN} are shown)" if more > 0 else ""
    )
    return f"{shown} {what} ({count}; rows are numbered as lines of the file, header = 1):\n  {body}"


def _check_no_future_dates(frame: pd.DataFrame, path: Path, schema: dict[str, Any]) -> None:
    """Reject a year, date or start date after today: the data describe the past."""
    today = dt.date.today()
    for field in schema["fields"]:
        name = field["name"]
        # End dates may run ahead (a 2024–2028 policy period); what a row starts with may not.
        is_temporal = field.get("type") == "year" or name in _DATE_FIELD_NAMES
        if not is_temporal or name not in frame:
            continue
        column = frame[name]
        future = _future_mask(column, field.get("type"), today)
        if future.any():
            first = int(future.to_numpy().nonzero()[0][0])
            raise DataValidationError(
                f"{_shown(path)}, row {first + 2}, field {name!r}: value "
                f"{column.iloc[first]!r} lies in the future (today is {today.isoformat()}) "
                f"[{int(future.sum())} such row(s)]"
            )


def _future_mask(column: pd.Series, kind: str | None, today: dt.date) -> pd.Series:
    """Return True where a value lies after today; missing values are never in the future.

    Text holds ISO dates at day, month or year precision and is compared by its first possible day.

    Examples
    --------
    >>> day = dt.date(2026, 1, 1)
    >>> _future_mask(pd.Series([1990, None, 2027], dtype="Int64"), "year", day).tolist()
    [False, False, True]
    >>> _future_mask(pd.Series(["1955", None, "2026-03"]), "string", day).tolist()
    [False, False, True]
    """
    if kind in {"year", "integer"}:
        return (column > today.year).fillna(False).astype(bool)
    if kind == "date":
        return column > pd.Timestamp(today)  # NaT compares False
    today_text = today.isoformat()
    return pd.Series([isinstance(v, str) and _first_day(v) > today_text for v in column.tolist()], index=column.index)


def _first_day(iso: str) -> str:
    """``'1955'`` -> ``'1955-01-01'``, ``'1953-03'`` -> ``'1953-03-01'``; a full date unchanged."""
    return iso + {4: "-01-01", 7: "-01"}.get(len(iso), "")


def _shown(path: Path) -> str:
    """A path as the reader knows it: relative to the repository where possible."""
    from helpers.paths import REPO_ROOT

    try:
        return Path(path).resolve().relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return str(path)
