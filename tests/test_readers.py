"""Readers other than ours read the package: the official JSON Schema profiles, and the Frictionless
JavaScript library (the reference reader for JavaScript), which casts every row of every table.

Node.js and the npm package are installed by `make test` (tests/js/); without them these tests fail
rather than skip, so CI cannot pass without reading the package as a JavaScript user would."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

from pressure_tracker.publish.descriptor import descriptor_text
from pressure_tracker.schema.spec import TABLES

from .conftest import REPO

pytestmark = pytest.mark.slow  # end to end: builds, subprocesses, other readers

JS = REPO / "tests" / "js"
PROFILES = JS / "node_modules" / "datapackage" / "lib" / "profiles"


def _csv_rows(root: Path, table: str) -> int:
    import pandas as pd

    return len(pd.read_csv(root / "data" / f"{table}.csv", dtype=str, keep_default_na=False))


def _read_with_javascript(descriptor: Path) -> dict:
    node = shutil.which("node")
    assert node is not None, "Node.js is not installed: run `make test` (.ci/run installs it)"
    assert (JS / "node_modules" / "datapackage").is_dir(), (
        "the JavaScript reader is not installed: run `make test`"
    )
    run = subprocess.run(
        [node, str(JS / "read_package.js"), str(descriptor)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def _profile_errors(document: dict) -> list[str]:
    profile = json.loads((PROFILES / "tabular-data-package.json").read_text(encoding="utf-8"))
    return [
        f"{list(e.absolute_path)}: {e.message}"
        for e in jsonschema.Draft4Validator(profile).iter_errors(document)
    ]


def test_descriptor_is_valid_against_the_official_profile() -> None:
    assert (
        _profile_errors(json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))) == []
    )


def test_the_profile_check_catches_an_empty_foreign_key_list() -> None:
    document = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    document["resources"][0]["schema"]["foreignKeys"] = []
    assert any("foreignKeys" in error for error in _profile_errors(document))


def test_every_resource_declares_its_dialect() -> None:
    document = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    for resource in document["resources"]:
        assert resource["dialect"]["delimiter"] == "," and resource["dialect"]["header"] is True, (
            resource["name"]
        )


def test_javascript_reader_casts_every_row_of_every_table() -> None:
    report = _read_with_javascript(REPO / "datapackage.json")
    assert report["valid"] and report["errors"] == []
    assert report["rows"] == {table: _csv_rows(REPO, table) for table in TABLES}


def test_javascript_reader_refuses_a_bad_cell(package: Path) -> None:
    """The JavaScript test is worth something only if that reader does cast: a bad date fails it."""
    import pandas as pd

    path = package / "data" / "events.csv"
    events = pd.read_csv(path, dtype=str, keep_default_na=False)
    events.loc[0, "starts_on"] = "2025-13-45"
    events.to_csv(path, index=False, lineterminator="\n")
    (package / "datapackage.json").write_text(descriptor_text(package), encoding="utf-8")
    report = _read_with_javascript(package / "datapackage.json")
    assert "events" not in report["rows"]
    assert [e for e in report["errors"] if e.startswith("events:")], report["errors"]
    assert "2025-13-45" in " ".join(report["errors"]) or "starts_on" in " ".join(report["errors"])


def test_javascript_reader_reads_the_newest_release() -> None:
    from pressure_tracker.publish.versions import previous_release

    newest = previous_release(REPO)
    report = _read_with_javascript(REPO / "releases" / str(newest) / "datapackage.json")
    assert report["valid"] and report["errors"] == [], newest
