"""build writes a datapackage.json that Frictionless accepts, and writes nothing for bad data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pressure_tracker.cli import app
from pressure_tracker.publish.descriptor import descriptor_text
from pressure_tracker.schema.spec import TABLES, project_version

from .conftest import REPO, snapshot

pytestmark = pytest.mark.slow  # end to end: builds, subprocesses, other readers


def test_committed_datapackage_is_what_build_writes() -> None:
    committed = (REPO / "datapackage.json").read_text(encoding="utf-8")
    assert committed == descriptor_text(REPO), (
        "datapackage.json is stale: run `make build` and commit it"
    )


def test_descriptor_carries_version_licenses_hashes_and_inline_schemas() -> None:
    package = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    assert package["name"] == "pressure-tracker"
    assert package["version"] == project_version(REPO)
    assert {lic["name"] for lic in package["licenses"]} == {"CC-BY-4.0", "MIT"}
    assert [r["name"] for r in package["resources"]] == list(TABLES)
    for resource in package["resources"]:
        data = (REPO / resource["path"]).read_bytes()
        assert resource["bytes"] == len(data)
        assert (
            resource["hash"].startswith("sha256:") and len(resource["hash"]) == len("sha256:") + 64
        )
        assert resource["schema"]["fields"] and resource["schema"]["primaryKey"]


def _frictionless(root: Path) -> subprocess.CompletedProcess[str]:
    cli = Path(sys.executable).parent / "frictionless"
    return subprocess.run(
        [str(cli), "validate", "datapackage.json"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_frictionless_reports_the_package_valid() -> None:
    run = _frictionless(REPO)
    assert run.returncode == 0, run.stdout + run.stderr


def test_frictionless_catches_a_file_changed_after_build(package: Path) -> None:
    path = package / "data" / "events.csv"
    path.write_bytes(path.read_bytes().replace(b"Istanbul, Turkey", b"Istanbul, Turkiye"))
    run = _frictionless(package)
    assert run.returncode != 0 and "hash" in run.stdout


def test_build_writes_nothing_when_the_data_has_problems(package: Path) -> None:
    path = package / "data" / "events.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("2025-05-16", "2025-02-30", 1), encoding="utf-8"
    )
    (package / "datapackage.json").write_text("{}\n", encoding="utf-8")
    before = snapshot(package)
    result = CliRunner().invoke(app, ["build", str(package)])
    assert result.exit_code == 1
    assert "data/events.csv:2:starts_on" in result.output
    assert snapshot(package) == before
    assert not (package / "dist").exists()
