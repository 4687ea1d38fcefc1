"""The loader: every real dataset validates, and every kind of bad input fails loudly and precisely."""

import csv
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

import helpers
from helpers.paths import REPO_ROOT

SOURCES = "source_id,kind,publisher,title,url,published,accessed,licence,notes\n" \
    "s1,official,Publisher One,Table one,https://example.org/t1,2020,2026-11-24,terms,\n"
TRADE = "year,flow,value_usd,source_id\n2019,exports,1727400000,s1\n2020,exports,1615000000,s1\n"
SCHEMA_FIELDS = [
    {"name": "year", "type": "year", "constraints": {"required": True}},
    {"name": "flow", "type": "string", "constraints": {"enum": ["exports", "imports"]}},
    {"name": "value_usd", "type": "number", "unit": "USD", "constraints": {"minimum": 0}},
    {"name": "source_id", "type": "string", "constraints": {"required": True}},
]


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A two-resource data package in a temporary folder, which the loader reads instead of data/."""
    real = json.loads((REPO_ROOT / "data" / "datapackage.json").read_text())
    sources_resource = next(r for r in real["resources"] if r["name"] == "sources")
    descriptor = {
        "name": "test-package",
        "resources": [
            sources_resource,
            {
                "name": "trade",
                "path": "trade.csv",
                "title": "Test trade",
                "schema": {
                    "fields": SCHEMA_FIELDS,
                    "primaryKey": ["year", "flow"],
                    "foreignKeys": [
                        {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}}
                    ],
                },
            },
        ],
    }
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor))
    (tmp_path / "sources.csv").write_text(SOURCES)
    (tmp_path / "trade.csv").write_text(TRADE)
    monkeypatch.setenv("CJ_DATA_DIR", str(tmp_path))
    return tmp_path


def write_trade(folder, text):
    (folder / "trade.csv").write_text(text)


def test_good_file_loads_with_declared_dtypes(package):
    frame = helpers.load("trade")
    assert list(frame.columns) == ["year", "flow", "value_usd", "source_id"]
    assert str(frame["year"].dtype) == "Int64"
    assert str(frame["value_usd"].dtype) == "float64"
    assert frame.loc[frame["year"] == 2019, "value_usd"].item() == 1_727_400_000
    assert frame.attrs["dataset"] == "trade"


def test_unknown_dataset_suggests_close_names(package):
    with pytest.raises(helpers.UnknownDatasetError, match=r"'trad'.*Did you mean 'trade'"):
        helpers.load("trad")


def test_missing_file_is_named(package):
    (package / "trade.csv").unlink()
    with pytest.raises(helpers.DataValidationError, match=r"trade\.csv: file is missing"):
        helpers.load("trade")


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("year,flow,source_id\n2019,exports,s1\n", r"trade\.csv, header.*missing-label"),
        ("year,flow,value_usd,source_id,extra\n2019,exports,1,s1,x\n", r"trade\.csv, header.*extra.*extra-label"),
        ("year,flow,value_usd,source_id\n2019,exports,lots,s1\n", r"trade\.csv, row 2, field 'value_usd'.*type-error"),
        ("year,flow,value_usd,source_id\n2019,exports,-5,s1\n", r"trade\.csv, row 2, field 'value_usd'.*minimum"),
        ("year,flow,value_usd,source_id\n2019,exports,1,s1\n2019,exports,2,s1\n",
         r"trade\.csv, row 3, field 'year, flow'.*primary-key"),
        ("year,flow,value_usd,source_id\n2019,exports,1,nowhere\n",
         r"trade\.csv, row 2, field 'source_id'.*nowhere.*foreign-key"),
        ("year,flow,value_usd,source_id\n2019,barter,1,s1\n", r"trade\.csv, row 2, field 'flow'.*enum"),
        ("year,flow,value_usd,source_id\n,exports,1,s1\n", r"trade\.csv, row 2, field 'year'.*required"),
    ],
    ids=["missing-column", "extra-column", "wrong-type", "negative", "duplicate-key",
         "unknown-source", "not-in-enum", "empty-required"],
)
def test_bad_input_names_file_row_and_field(package, text, pattern):
    write_trade(package, text)
    with pytest.raises(helpers.DataValidationError, match=pattern):
        helpers.load("trade")


def test_future_year_is_rejected_with_its_row(package):
    next_year = pd.Timestamp.today().year + 1
    write_trade(package, f"year,flow,value_usd,source_id\n2019,exports,1,s1\n{next_year},exports,1,s1\n")
    with pytest.raises(helpers.DataValidationError, match=rf"trade\.csv, row 3, field 'year'.*{next_year}.*future"):
        helpers.load("trade")


def test_future_date_at_month_precision_is_rejected(package):
    from helpers.datasets import _check_no_future_dates

    frame = pd.DataFrame({"date": ["1953-01-09", "1953-03", "2999-01"]})
    schema = {"fields": [{"name": "date", "type": "string"}]}
    with pytest.raises(helpers.DataValidationError, match=r"row 4, field 'date'.*2999-01"):
        _check_no_future_dates(frame, package / "events.csv", schema)
    _check_no_future_dates(frame.iloc[:2], package / "events.csv", schema)  # the past passes


def test_fixing_a_file_after_an_error_loads_again(package):
    write_trade(package, "year,flow,value_usd,source_id\n2019,exports,-5,s1\n")
    with pytest.raises(helpers.DataValidationError):
        helpers.load("trade")
    write_trade(package, TRADE)
    assert len(helpers.load("trade")) == 2


def test_loaded_frame_is_a_copy(package):
    frame = helpers.load("trade")
    frame.loc[0, "value_usd"] = 0
    assert helpers.load("trade").loc[0, "value_usd"] == 1_727_400_000


def test_a_stored_frame_is_served_for_the_same_bytes_only(package, monkeypatch):
    from helpers import datasets

    helpers.load("trade")
    datasets._load_cached.cache_clear()  # a new kernel: only the frames stored on disk remain
    monkeypatch.setattr(datasets, "_validate_with_frictionless", lambda *a: pytest.fail("stored frame not used"))
    assert helpers.load("trade").loc[0, "value_usd"] == 1_727_400_000
    monkeypatch.undo()
    monkeypatch.setenv("CJ_DATA_DIR", str(package))
    # Same size, written at once: only the bytes can tell the files apart.
    write_trade(package, TRADE.replace("1727400000", "1727400001"))
    assert helpers.load("trade").loc[0, "value_usd"] == 1_727_400_001
    write_trade(package, TRADE.replace("1727400000", "-727400000"))
    with pytest.raises(helpers.DataValidationError, match=r"row 2, field 'value_usd'.*minimum"):
        helpers.load("trade")


@pytest.mark.parametrize("name", helpers.list_datasets())
def test_every_curated_dataset_validates(name):
    frame = helpers.load(name)
    assert not frame.empty, f"{name} has no rows"


def test_whole_package_passes_frictionless_validate():
    from frictionless import Package

    report = Package(str(REPO_ROOT / "data" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "message"])[:10]


def test_every_file_in_data_is_described_and_every_described_file_exists():
    described = {r["path"] for r in helpers.datasets.read_package()["resources"]}
    present = {p.name for p in (REPO_ROOT / "data").glob("*.csv")}
    assert present - described == set(), "files in data/ not described in datapackage.json"
    assert described - present == set(), "described in datapackage.json but missing"


def test_every_numeric_field_states_its_unit_and_every_field_its_meaning():
    for resource in helpers.datasets.read_package()["resources"]:
        for field in resource["schema"]["fields"]:
            assert field.get("description"), f"{resource['name']}.{field['name']} has no description"
            if field.get("type") == "number":
                assert field.get("unit"), f"{resource['name']}.{field['name']} has no unit"


def test_citations_reach_the_source(package):
    assert helpers.cite_source("s1") == "Publisher One. “Table one”. 2020. https://example.org/t1. accessed 2026-11-24."
    assert helpers.source_line("trade") == (
        "Source: Publisher One."
    )
    refs = helpers.references(["trade"]).data
    assert "dataset `trade`" in refs and '<li id="source-s1">Publisher One. “Table one”.' in refs
    assert "`s1`" not in refs  # a reader gets the citation, not the code the data rows use
    with pytest.raises(KeyError, match="nowhere"):
        helpers.cite_source("nowhere")


def test_copy_of_real_package_validates_in_isolation(tmp_path, monkeypatch):
    shutil.copytree(REPO_ROOT / "data", tmp_path / "data")
    monkeypatch.setenv("CJ_DATA_DIR", str(tmp_path / "data"))
    assert "sources" in helpers.list_datasets()
    assert helpers.load("sources")["source_id"].is_unique


# ---------------------------------------------------------------------------------------------
# Dates: real calendar dates at their stated precision, in order within a row
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def real_copy(tmp_path, monkeypatch):
    """A copy of the real data/, which the loader reads instead, and a function to change one cell."""
    folder = Path(shutil.copytree(REPO_ROOT / "data", tmp_path / "data"))
    monkeypatch.setenv("CJ_DATA_DIR", str(folder))

    def set_cell(file, row, field, value):
        """Set the cell of (0-based) data row ``row``; return its line number in the file."""
        with (folder / file).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert field in rows[row], f"{file} has no field {field}"
        rows[row][field] = value
        with (folder / file).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        return row + 2

    return set_cell


def row_where(file, field, test):
    """The first (0-based) data row of a real file whose ``field`` passes ``test``."""
    with (REPO_ROOT / "data" / file).open(encoding="utf-8", newline="") as handle:
        return next(i for i, row in enumerate(csv.DictReader(handle)) if test(row[field]))


@pytest.mark.parametrize(
    ("dataset", "field", "value", "reason"),
    [
        ("aid_milestones", "date", "1992-06-31", "June 1992 has 30 days"),
        ("sources", "published", "2024-13-45", "no month 13"),
        ("sources", "published", "2023-02-29", "February 2023 has 28 days"),
        ("diplomatic_events", "date", "1953-02-30", "February 1953 has 28 days"),
        ("oda_projects", "agreement_date", "2001-00", "no month 0"),
        ("oda_projects", "completion_date", "2009-04-31", "April 2009 has 30 days"),
        ("jica_volunteers", "as_of", "1966-01-32", "January 1966 has 31 days"),
        ("claims", "period_end", "2023-09-31", "September 2023 has 30 days"),
        ("agreements", "date", "1955-11-31", "November 1955 has 30 days"),
        ("partnership_levels", "date", "2013-00", "no month 0"),
    ],
)
def test_impossible_calendar_date_names_file_row_and_field(real_copy, dataset, field, value, reason):
    file = helpers.describe(dataset)["path"]
    row = row_where(file, field, lambda cell: len(cell) == len(value))
    line = real_copy(file, row, field, value)
    with pytest.raises(helpers.DataValidationError, match=rf"{file}, row {line}, field '{field}': '{value}'.*{reason}"):
        helpers.load(dataset)


def test_every_date_like_field_is_checked_as_a_date():
    """A new date column must be typed (date, year) or carry an ISO pattern, or it escapes the checks."""
    date_like = re.compile(r"(^|_)(date|year|as_of|published|accessed|period_start|period_end)$")
    for resource in helpers.datasets.read_package()["resources"]:
        names = [f["name"] for f in resource["schema"]["fields"] if date_like.search(f["name"])]
        unchecked = sorted(set(names) - set(helpers.datasets.date_fields(resource["schema"])))
        assert not unchecked, f"{resource['name']}: date-like fields not checked as dates: {unchecked}"


def test_date_written_to_another_precision_than_stated_is_rejected(real_copy):
    row = row_where("aid_milestones.csv", "date_precision", lambda cell: cell == "day")
    line = real_copy("aid_milestones.csv", row, "date", "1992-06")
    with pytest.raises(helpers.DataValidationError, match=rf"row {line}, field 'date'.*date_precision says 'day'"):
        helpers.load("aid_milestones")


@pytest.mark.parametrize(
    ("dataset", "earlier", "later"),
    [
        ("people_counts", "period_start", "period_end"),
        ("trade_reported", "period_start", "period_end"),
        ("investment_approvals", "period_start", "period_end"),
        ("aid_milestones", "date", "end_date"),
        ("sources", "published", "accessed"),
    ],
)
def test_period_ending_before_it_starts_is_rejected(real_copy, dataset, earlier, later):
    file = helpers.describe(dataset)["path"]
    row = row_where(file, later, lambda cell: len(cell) == 10 and cell > "1950")
    line = real_copy(file, row, earlier, "2020-06-01")
    real_copy(file, row, later, "1950-01-01")
    pattern = rf"row {line}, field '{later}'.*before {earlier}.*date-order"
    with pytest.raises(helpers.DataValidationError, match=pattern):
        helpers.load(dataset)


def test_as_of_date_outside_its_year_is_rejected(real_copy):
    line = real_copy("japanese_residents_in_cambodia.csv", 0, "as_of", "2010-10-01")  # row of year 2009
    with pytest.raises(helpers.DataValidationError, match=rf"row {line}, field 'as_of'.*2010-10-01.*year 2009"):
        helpers.load("japanese_residents_in_cambodia")


# ---------------------------------------------------------------------------------------------
# Mistakes in the call or the package
# ---------------------------------------------------------------------------------------------


def test_header_only_file_is_an_error(package):
    write_trade(package, "year,flow,value_usd,source_id\n")
    with pytest.raises(helpers.DataValidationError, match=r"trade\.csv: the file has a header but no rows"):
        helpers.load("trade")


def test_empty_file_is_an_error(package):
    write_trade(package, "")
    with pytest.raises(helpers.DataValidationError, match=r"trade\.csv: the file is empty, not even a header"):
        helpers.load("trade")


def test_missing_file_behind_a_foreign_key_is_named(package):
    (package / "sources.csv").unlink()
    with pytest.raises(helpers.DataValidationError, match=r"sources\.csv: file is missing \(a foreign key of"):
        helpers.load("trade")


@pytest.mark.parametrize("name", [None, 123, ["trade"]])
def test_a_name_that_is_not_a_string_is_a_clear_type_error(package, name):
    with pytest.raises(TypeError, match=r"a dataset name is a string such as 'trade_dots'.*list_datasets"):
        helpers.load(name)


def test_one_dataset_name_given_where_a_list_is_expected_is_read_as_that_dataset(package):
    assert helpers.references("trade").data == helpers.references(["trade"]).data
    assert "dataset `trade`" in helpers.references("trade").data


def test_error_count_says_when_the_validator_stopped_counting(package):
    rows = "".join(f"{1000 + i},exports,lots,s1\n" for i in range(1005))
    write_trade(package, "year,flow,value_usd,source_id\n" + rows)
    pattern = r"at least 1000 errors: the validator stops counting at 1000"
    with pytest.raises(helpers.DataValidationError, match=pattern) as caught:
        helpers.load("trade")
    assert "only the first 20 are shown" in str(caught.value)


def test_foreign_key_to_an_undescribed_resource_is_named_as_such(package):
    descriptor = json.loads((package / "datapackage.json").read_text())
    descriptor["resources"][1]["schema"]["foreignKeys"][0]["reference"]["resource"] = "nowhere"
    (package / "datapackage.json").write_text(json.dumps(descriptor))
    with pytest.raises(helpers.DataValidationError, match=r"'trade' has a foreign key .* to resource 'nowhere', which"):
        helpers.load("trade")


def test_invalid_datapackage_json_names_file_line_and_column(package):
    (package / "datapackage.json").write_text('{\n  "name": "x",\n  "resources": [,]\n}\n')
    with pytest.raises(helpers.DataValidationError, match=r"datapackage\.json, line 3, column 17: not valid JSON"):
        helpers.list_datasets()


@pytest.mark.parametrize(
    ("dataset", "field", "value"),
    [("sources", "accessed", "2999-01-01"),
     ("claims", "statement_date", "2999-01-01"), ("oda_projects", "agreement_date", "2999")],
)
def test_when_a_source_was_published_read_or_signed_is_not_in_the_future(real_copy, dataset, field, value):
    file = helpers.describe(dataset)["path"]
    row = row_where(file, field, lambda cell: len(cell) == len(value))
    line = real_copy(file, row, field, value)
    with pytest.raises(helpers.DataValidationError, match=rf"{file}, row {line}, field '{field}'.*lies in the future"):
        helpers.load(dataset)
