"""Reading the IMF Direction of Trade Statistics (DOTS) workbooks, shared by the derivation scripts.

Each workbook (one per reporting country) has the sheets "Exports, FOB" and "Imports, CIF". Row 7
holds the years (as text; some workbooks skip years entirely), column B the partner names, and
the cells are US$ millions, either numbers or text ending in " e" (an IMF estimate). Empty cells
mean no data and produce no row.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

__all__ = ["SHEETS", "SOURCE_ID", "parse_cell", "read_workbook"]

SOURCE_ID = "imf_dots"
HEADER_ROW = 7
FIRST_DATA_ROW = 8
NAME_COL = 2  # column B
FIRST_YEAR_COL = 3  # column C
SHEETS = {"Exports, FOB": "exports_fob", "Imports, CIF": "imports_cif"}
MILLION = Decimal(1_000_000)


def parse_cell(value) -> tuple[int, bool] | None:
    """Return ``(whole US dollars, is_estimate)`` for a cell in US$ millions, or None when empty.

    Decimal arithmetic keeps the digits stored in the file: no float noise.

    Examples
    --------
    >>> parse_cell(1727.390478)
    (1727390478, False)
    >>> parse_cell("3.16 e")
    (3160000, True)
    >>> parse_cell(None) is None
    True
    """
    if value is None:
        return None
    estimate = False
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if text.endswith(" e"):
            estimate = True
            text = text[:-1].strip()
        number = Decimal(text)
    elif isinstance(value, (int, float)):
        # repr() gives the shortest decimal that round-trips, i.e. the digits stored in the file
        number = Decimal(repr(value))
    else:
        raise ValueError(f"unexpected cell value {value!r}")
    dollars = (number * MILLION).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
    return int(dollars), estimate


def read_workbook(path: Path, reporter: str, partners: dict[str, str]) -> list[dict]:
    """Return one row per partner, flow and year with a value, from one DOTS workbook.

    Parameters
    ----------
    path : pathlib.Path
        The workbook (e.g. ``DOTS_34.xlsx``, Cambodia as reporter).
    reporter : str
        ISO3 code written in the ``reporter`` column.
    partners : dict
        Partner name exactly as in column B → code written in the ``partner`` column.

    Returns
    -------
    list of dict
        Keys ``year, reporter, partner, flow, value_usd, estimate`` (``"true"``/``"false"``),
        ``source_id, source_detail`` (workbook, sheet, row name, year and cell).

    Raises
    ------
    ValueError
        If a partner row is missing from a sheet or appears twice, or a cell is not a number.
    """
    import openpyxl

    rows = []
    wb = openpyxl.load_workbook(path, read_only=False, data_only=True)
    for sheet_name, flow in SHEETS.items():
        ws = wb[sheet_name]
        years = {}
        for cell in ws[HEADER_ROW][FIRST_YEAR_COL - 1:]:
            if cell.value is not None and str(cell.value).strip():
                years[cell.column] = int(str(cell.value).strip())
        found = set()
        for line in ws.iter_rows(min_row=FIRST_DATA_ROW):
            name = line[NAME_COL - 1].value
            name = str(name).strip() if name is not None else ""
            if name not in partners:
                continue
            if name in found:
                raise ValueError(f"{path.name} {sheet_name}: partner row {name!r} appears twice")
            found.add(name)
            for cell in line[FIRST_YEAR_COL - 1:]:
                if cell.column not in years:
                    continue
                try:
                    parsed = parse_cell(cell.value)
                except (ArithmeticError, ValueError) as err:
                    raise ValueError(f"{path.name} {sheet_name} cell {cell.coordinate}: {err}") from err
                if parsed is None:
                    continue
                value, estimate = parsed
                year = years[cell.column]
                rows.append({
                    "year": year,
                    "reporter": reporter,
                    "partner": partners[name],
                    "flow": flow,
                    "value_usd": value,
                    "estimate": "true" if estimate else "false",
                    "source_id": SOURCE_ID,
                    "source_detail": (
                        f'{path.name}, sheet "{sheet_name}", row "{name}", column {year} '
                        f"(cell {cell.coordinate})"
                    ),
                })
        missing = set(partners) - found
        if missing:
            raise ValueError(f"{path.name} {sheet_name}: partner rows not found: {sorted(missing)}")
    return rows
