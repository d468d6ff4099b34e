"""Versions: diffs by primary key, the bump each kind of change needs, releases and citing them."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import pressure_tracker as pt
from pressure_tracker.cli import app
from pressure_tracker.publish.diff import diff_packages, proposed_bump

from .conftest import REPO, copy_of, shared
from .test_bad_input import csv_path, replace

pytestmark = pytest.mark.slow  # end to end: builds, subprocesses, other readers

CFFCONVERT = REPO / ".venv" / "cffconvert" / "bin" / "cffconvert"


@pytest.fixture(autouse=True)
def _cffconvert(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSURE_TRACKER_CFFCONVERT", str(CFFCONVERT))


def _edit_csv(
    root: Path,
    table: str,
    edit: Callable[[list[dict[str, str]], list[str]], tuple[list[dict[str, str]], list[str]]],
) -> None:
    path = csv_path(root, table)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows, header = list(reader), list(reader.fieldnames or [])
    rows, header = edit(rows, header)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _schema(root: Path, table: str, old: str, new: str) -> None:
    path = root / "schemas" / f"{table}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_row(root: Path) -> None:
    _edit_csv(
        root,
        "jurisdictions",
        lambda rows, h: (
            [
                *rows,
                {
                    "jurisdiction_id": "is",
                    "name": "Iceland",
                    "jurisdiction_type": "state",
                    "notes": "",
                },
            ],
            h,
        ),
    )


def remove_row(root: Path) -> None:
    _edit_csv(root, "statement_sectors", lambda rows, h: (rows[1:], h))


def modify_value(root: Path) -> None:
    replace(root, "events", "Istanbul, Turkey", "Istanbul, Türkiye")


def add_column(root: Path) -> None:
    _schema(
        root,
        "jurisdictions",
        "  - name: notes\n",
        "  - name: iso_code\n    type: string\n    description: Test column.\n  - name: notes\n",
    )
    _edit_csv(
        root,
        "jurisdictions",
        lambda rows, h: ([{**r, "iso_code": ""} for r in rows], [*h[:-1], "iso_code", "notes"]),
    )


def remove_column(root: Path) -> None:
    text = (root / "schemas" / "jurisdictions.yaml").read_text(encoding="utf-8")
    (root / "schemas" / "jurisdictions.yaml").write_text(
        text[: text.index("  - name: notes")] + text[text.index("missingValues") :],
        encoding="utf-8",
    )
    _edit_csv(
        root,
        "jurisdictions",
        lambda rows, h: ([{k: v for k, v in r.items() if k != "notes"} for r in rows], h[:-1]),
    )


def retype_column(root: Path) -> None:
    _schema(
        root,
        "event_figures",
        "  - name: value\n    type: integer",
        "  - name: value\n    type: number",
    )


def add_table(root: Path) -> None:
    (root / "schemas" / "aliases.yaml").write_text(
        "title: Aliases\ndescription: Other spellings of actors' names.\nfields:\n"
        "  - {name: actor_id, type: string, description: The actor., constraints: {required: true}}\n"
        "  - {name: alias, type: string, description: Another spelling., constraints: {required: true}}\n"
        "primaryKey: [actor_id, alias]\n"
        "foreignKeys:\n  - fields: [actor_id]\n    reference: {resource: actors, fields: [actor_id]}\n",
        encoding="utf-8",
    )
    csv_path(root, "aliases").write_text(
        "actor_id,alias\nvolodymyr-zelenskyy,Volodymyr Zelensky\n", encoding="utf-8"
    )


def remove_table(root: Path) -> None:
    (root / "schemas" / "statement_sectors.yaml").unlink()
    csv_path(root, "statement_sectors").unlink()


def correct_description(root: Path) -> None:
    _schema(
        root,
        "jurisdictions",
        "description: One row per sanctioning authority",
        "description: One row for each sanctioning authority",
    )


CHANGES = {
    "row added": (add_row, "minor"),
    "row removed": (remove_row, "minor"),
    "value modified": (modify_value, "patch"),
    "column added": (add_column, "minor"),
    "column removed": (remove_column, "major"),
    "column retyped": (retype_column, "major"),
    "table added": (add_table, "minor"),
    "table removed": (remove_table, "major"),
    "description corrected": (correct_description, "patch"),
}


@pytest.fixture
def pair(tmp_path: Path, package: Path) -> tuple[Path, Path]:
    old = tmp_path / "old"
    shutil.copytree(package, old)
    return old, package


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_each_kind_of_change_gets_its_bump(pair: tuple[Path, Path], change: str) -> None:
    old, new = pair
    edit, bump = CHANGES[change]
    edit(new)
    assert pt.validate(new) == []
    assert proposed_bump(diff_packages(old, new)) == bump


def test_no_change_needs_no_release(pair: tuple[Path, Path]) -> None:
    assert proposed_bump(diff_packages(*pair)) is None


def test_diff_lists_old_and_new_values_by_key(pair: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = pair
    add_row(new)
    modify_value(new)
    remove_row(new)
    out = tmp_path / "changes"
    result = CliRunner().invoke(app, ["diff", str(old), str(new), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "events: 1 modified" in result.stdout and "jurisdictions: 1 added" in result.stdout
    assert (
        "statement_sectors: 1 removed" in result.stdout
        and "proposed version bump: minor" in result.stdout
    )
    events = pd.read_csv(out / "events.csv", dtype=str)
    assert events.to_dict("records") == [
        {
            "change": "modified",
            "key": "ev-0001",
            "field": "location",
            "old_value": "Istanbul, Turkey",
            "new_value": "Istanbul, Türkiye",
        }
    ]
    added = pd.read_csv(out / "jurisdictions.csv", dtype=str)
    assert set(added["change"]) == {"added"} and set(added["key"]) == {"is"}
    removed = pd.read_csv(out / "statement_sectors.csv", dtype=str)
    assert (
        set(removed["change"]) == {"removed"} and len(removed) == 2
    )  # both fields of the removed row


def test_diff_reports_schema_changes(pair: tuple[Path, Path]) -> None:
    old, new = pair
    retype_column(new)
    add_column(new)
    result = CliRunner().invoke(app, ["diff", str(old), str(new), "--output", str(new / "changes")])
    assert "column retyped: value: integer -> number" in result.stdout
    assert "column added: iso_code" in result.stdout
    assert "proposed version bump: major" in result.stdout


def test_diff_says_when_a_changed_key_leaves_rows_unmatched(pair: tuple[Path, Path]) -> None:
    """A key that gains a column (as event_figures gained counted_by in 2.0.0) no longer tells
    the old rows apart once two rows share the old key: the summary says the rows were not
    compared, never "no row changes"."""
    old, new = pair
    schema = new / "schemas" / "event_figures.yaml"
    text = schema.read_text(encoding="utf-8")
    old_key = "primaryKey: [event_id, figure, party, counted_by]"
    assert old_key in text
    schema.write_text(text.replace(old_key, "primaryKey: [event_id, figure, party, source_id]"))
    result = CliRunner().invoke(app, ["diff", str(old), str(new), "--output", str(new / "changes")])
    assert "event_figures: rows not compared (the primary key changed" in result.stdout
    assert "proposed version bump: major" in result.stdout


def _release(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["release", str(root), "--yes", *args])
    return result.exit_code, result.output


@pytest.fixture(scope="session")
def first_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the package released once, as 1.0.0 on 2026-11-25, made once for the session (a
    release is a build): tests take a `copy_of` it to release again or change it."""

    def make(package: Path) -> None:
        for folder in ("schemas", "data"):
            shutil.copytree(REPO / folder, package / folder)
        for name in ("pyproject.toml", "datapackage.json"):
            shutil.copy2(REPO / name, package / name)
        os.environ["PRESSURE_TRACKER_CFFCONVERT"] = str(CFFCONVERT)
        status, output = _release(package, "--date", "2026-11-25")
        assert status == 0, output

    return shared(tmp_path_factory, "first-release", make)


@pytest.fixture
def released(first_release: Path, tmp_path: Path) -> Path:
    return copy_of(first_release, tmp_path / "package")


def test_first_release_records_everything(released: Path) -> None:
    package = released
    assert 'version = "1.0.0"' in (package / "pyproject.toml").read_text(encoding="utf-8")
    assert (
        json.loads((package / "datapackage.json").read_text(encoding="utf-8"))["version"] == "1.0.0"
    )
    cff = (package / "CITATION.cff").read_text(encoding="utf-8")
    assert "version: 1.0.0" in cff and "date-released: '2026-11-25'" in cff
    assert (
        subprocess.run(
            [str(CFFCONVERT), "--validate", "-i", str(package / "CITATION.cff")],
            capture_output=True,
        ).returncode
        == 0
    )
    zenodo = json.loads((package / ".zenodo.json").read_text(encoding="utf-8"))
    assert zenodo["version"] == "1.0.0" and zenodo["upload_type"] == "dataset"
    assert "## [1.0.0] - 2026-11-25" in (package / "CHANGELOG.md").read_text(encoding="utf-8")
    assert (package / "releases" / "1.0.0" / "data" / "statements.csv").read_bytes() == csv_path(
        package, "statements"
    ).read_bytes()
    assert (package / "dist" / "pressure-tracker-1.0.0.zip").is_file()


def test_second_release_proposes_from_the_diff_and_carries_changes(released: Path) -> None:
    """Two releases after the first, recorded by the library: 1.0.1, then 1.1.0, which the command
    refuses as a patch. The command's own release and the build that follows it are the fixture's
    (a second build here showed nothing more, for ten seconds)."""
    from pressure_tracker.publish.release import propose, release

    package = released
    assert _release(package)[0] == 1  # nothing changed: refused
    modify_value(package)
    proposal = propose(package, "patch")
    assert (proposal.version, proposal.bump) == ("1.0.1", "patch")
    release(package, proposal, "2026-11-26")
    add_row(package)
    status, output = _release(package, "--bump", "patch")
    assert status == 1 and "need a minor release" in output
    proposal = propose(package)
    assert (proposal.version, proposal.bump) == ("1.1.0", "minor")
    release(package, proposal, "2026-12-01")
    assert 'version = "1.1.0"' in (package / "pyproject.toml").read_text(encoding="utf-8")
    changelog = (package / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.index("[1.1.0]") < changelog.index("[1.0.1]") < changelog.index("[1.0.0]")
    assert (
        pt.load("events", package=package, version="1.0.0").loc[0, "location"] == "Istanbul, Turkey"
    )
    assert (
        pt.load("events", package=package, version="1.0.1").loc[0, "location"]
        == "Istanbul, Türkiye"
    )
    assert "is" not in set(
        pt.load("jurisdictions", package=package, version="1.0.1")["jurisdiction_id"]
    )
    # Each release stores its record history: the event changed in 1.0.1 says so in 1.1.0's.
    event = pt.load("events", package=package, version="1.0.0").loc[0, "event_id"]
    for version in ("1.0.0", "1.0.1", "1.1.0"):
        stored = pd.read_csv(package / "releases" / version / "record_history.csv", dtype=str)
        mine = stored[(stored["table_name"] == "events") & (stored["record_id"] == event)]
        assert mine[["first_release", "last_changed_release"]].values.tolist() == [
            ["1.0.0", "1.0.1" if version != "1.0.0" else "1.0.0"]
        ], version


def test_release_refuses_invalid_data(package: Path) -> None:
    (csv_path(package, "events")).write_bytes(b"")
    status, output = _release(package)
    assert status == 1 and "data/events.csv:1" in output
    assert not (package / "releases").exists()


def test_citation_follows_the_loaded_version(released: Path) -> None:
    package = released
    modify_value(package)
    pt.load("events", package=package, version="1.0.0")
    cited = pt.citation()
    assert cited.version == "1.0.0" and "(released 2026-11-25)" in cited.text
    assert (
        cited.bibtex.startswith("@misc{pressure_tracker_1_0_0,")
        and "version = {1.0.0}" in cited.bibtex
    )
    pt.load("events", package=package)
    assert pt.citation().version == "1.0.0+unreleased"


def _git(cwd: Path, *args: str) -> str:
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "PATH": "/usr/bin:/bin",
    }
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_load_a_release_and_a_git_ref_from_a_fresh_clone(released: Path, tmp_path: Path) -> None:
    package = released
    _git(package, "init", "-q", "-b", "main")
    _git(package, "add", "-A")
    _git(package, "commit", "-q", "-m", "Release 1.0.0")
    first = _git(package, "rev-parse", "HEAD")
    modify_value(package)
    _git(package, "commit", "-q", "-am", "Correct a location")
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", str(package), str(clone))
    code = (
        "import pressure_tracker as pt, sys; "
        f"print(pt.load('events', package=sys.argv[1], version='1.0.0').loc[0, 'location']); "
        f"print(pt.load('events', package=sys.argv[1], version='{first}').loc[0, 'location']); "
        "print(pt.load('events', package=sys.argv[1]).loc[0, 'location'])"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(clone)], capture_output=True, text=True, cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["Istanbul, Turkey", "Istanbul, Turkey", "Istanbul, Türkiye"]
