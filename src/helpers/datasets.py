"""Load the curated datasets of ``data/``, validated against ``data/datapackage.json``.

Validation uses Frictionless (the Data Package's own library): types, required fields,
constraints, primary and foreign keys, missing or extra columns. On top of it, one check the
schema language cannot express: no date or year lies in the future. A resource that passed is
remembered by a fingerprint of its bytes and its descriptor, so a warm load skips Frictionless
entirely; any change to the file, its schema or a table it references invalidates the entry.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
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
    "read_package",
    "validate",
]

# How Table Schema types become pandas dtypes (nullable where a cell may be empty).
_INTEGER_TYPES = {"integer", "year"}
_DATE_FIELD_NAMES = {"date", "year", "as_of", "period_start"}
_MAX_ERRORS_SHOWN = 20


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
    path = (folder or data_dir()) / "datapackage.json"
    if not path.exists():
        raise DataValidationError(f"{path}: data package descriptor is missing")
    return _read_package_cached(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _read_package_cached(path: Path, _mtime: int) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


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
    """
    resources = {r["name"]: r for r in read_package()["resources"]}
    if name not in resources:
        close = difflib.get_close_matches(name, resources, n=3, cutoff=0.5)
        hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
        raise UnknownDatasetError(
            f"No dataset named {name!r} in data/datapackage.json.{hint} "
            f"Known datasets: {', '.join(sorted(resources))}."
        )
    return resources[name]


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
    UnknownDatasetError
        The name is not in the data package.
    DataValidationError
        The file is missing or breaks its schema (message names file, row and field).

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
    marker = CACHE_DIR / "validated" / fingerprint
    if not marker.exists():
        _validate_with_frictionless(name, Path(folder))
    frame = _read_typed(path, resource["schema"])
    _check_no_future_dates(frame, path, resource["schema"])
    if not marker.exists():
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(name + "\n")
    frame.attrs["dataset"] = name
    return frame


def _fingerprint(resource: dict[str, Any], folder: Path) -> str:
    digest = hashlib.sha256(json.dumps(resource, sort_keys=True).encode())
    referenced = {fk["reference"]["resource"] for fk in resource["schema"].get("foreignKeys", [])}
    paths = [resource["path"]] + [describe(r)["path"] for r in sorted(referenced) if r]
    for rel in paths:
        digest.update(rel.encode())
        digest.update((folder / rel).read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=4)
def _frictionless_package(descriptor: Path, _mtime: int):
    """One parsed Package per descriptor version; the data files are read afresh at each validation."""
    from frictionless import Package  # imported here: a warm load never needs it

    return Package(str(descriptor))


def _validate_with_frictionless(name: str, folder: Path) -> None:
    descriptor = folder / "datapackage.json"
    package = _frictionless_package(descriptor, descriptor.stat().st_mtime_ns)
    resource = package.get_resource(name)
    report = resource.validate()
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
    more = len(lines) - _MAX_ERRORS_SHOWN
    body = "\n  ".join(lines[:_MAX_ERRORS_SHOWN]) + (f"\n  ... and {more} more" if more > 0 else "")
    raise DataValidationError(
        f"{shown_path} breaks its schema in datapackage.json "
        f"({len(lines)} error(s); rows are numbered as lines of the file, header = 1):\n  {body}"
    )


def _read_typed(path: Path, schema: dict[str, Any]) -> pd.DataFrame:
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
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
        if field.get("type") in {"year", "integer"}:
            future = column.notna() & (column > today.year)
        elif field.get("type") == "date":
            future = column.notna() & (column.dt.date > today)
        else:  # ISO text at day, month or year precision: compare its first possible day
            first_day = column.map(_first_day, na_action="ignore")
            future = column.notna() & (first_day > today.isoformat())
        if future.any():
            first = int(future.to_numpy().nonzero()[0][0])
            raise DataValidationError(
                f"{_shown(path)}, row {first + 2}, field {name!r}: value "
                f"{column.iloc[first]!r} lies in the future (today is {today.isoformat()}) "
                f"[{int(future.sum())} such row(s)]"
            )


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
