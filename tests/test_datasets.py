"""The loader: every real dataset validates, and every kind of bad input fails loudly and precisely."""

import json
import shutil

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
        "Source: Publisher One. Data: trade."
    )
    refs = helpers.references(["trade"]).data
    assert "dataset `trade`" in refs and "`s1`: Publisher One" in refs
    with pytest.raises(KeyError, match="nowhere"):
        helpers.cite_source("nowhere")


def test_copy_of_real_package_validates_in_isolation(tmp_path, monkeypatch):
    shutil.copytree(REPO_ROOT / "data", tmp_path / "data")
    monkeypatch.setenv("CJ_DATA_DIR", str(tmp_path / "data"))
    assert "sources" in helpers.list_datasets()
    assert helpers.load("sources")["source_id"].is_unique
