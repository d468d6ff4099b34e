"""The command line: exit statuses, JSON output, and no traceback for bad data or bad usage."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pressure_tracker as pt
from pressure_tracker.cli import app

from .conftest import REPO

CLI = str(Path(sys.executable).parent / "pressure-tracker")


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_validate_passes_on_the_real_data() -> None:
    result = run("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_validate_json_is_an_empty_list_when_clean() -> None:
    result = run("validate", "--format", "json")
    assert result.returncode == 0 and json.loads(result.stdout) == []


def test_bad_data_gives_located_lines_and_no_traceback(package: Path) -> None:
    path = package / "data" / "statements.csv"
    path.write_bytes(path.read_bytes()[:-200])  # cut the file mid-row
    result = run("validate", str(package))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.startswith("data/statements.csv:")


def test_acts_on_the_current_directory(package: Path) -> None:
    (package / "data" / "sectors.csv").write_bytes(b"")
    result = run("validate", cwd=package)
    assert result.returncode == 1 and "data/sectors.csv:1: file is empty" in result.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("validate", str(tmp_path)).returncode == 2
    assert run("validate", "--format", "xml").returncode == 2
    assert run("no-such-command").returncode == 2


def test_stats_reports_counts_and_url_coverage() -> None:
    result = run("stats")
    assert result.returncode == 0, result.stderr
    for title in (
        "Rows per table",
        "Packages per jurisdiction and year",
        "Measures per sector",
        "Rows whose source has a url",
        "Statements per year and side",
        "leader_calls_with_russia",
    ):
        assert title in result.stdout
    assert "shadow-fleet" in result.stdout and "all fact rows" in result.stdout


def test_stats_on_unparseable_data_is_a_located_error(package: Path) -> None:
    (package / "data" / "events.csv").write_bytes(b"")
    result = run("stats", str(package))
    assert (
        result.returncode == 1
        and "data/events.csv:1" in result.stdout
        and "Traceback" not in result.stderr
    )


def test_a_command_given_no_package_says_which_it_used(tmp_path: Path) -> None:
    inside = run("validate")
    assert (
        inside.returncode == 0
        and f"using the package in the current folder ({REPO})" in inside.stderr
    )
    outside = run("sql", "select count(*) as n from sectors", "--format", "csv", cwd=tmp_path)
    assert outside.returncode == 0, outside.stderr
    assert "using the installed package" in outside.stderr and outside.stdout.splitlines()[
        1
    ] == str(len(pt.load("sectors")))


@pytest.mark.parametrize("kind", ["folder", "datapackage.json", "release number", "release zip"])
def test_every_reading_command_takes_the_paths_load_takes(kind: str, tmp_path: Path) -> None:
    release = REPO / "releases" / "1.0.0"
    target = {
        "folder": str(release),
        "datapackage.json": str(release / "datapackage.json"),
        "release number": "1.0.0",
        "release zip": shutil.make_archive(
            str(tmp_path / "release-1.0.0"), "zip", release.parent, release.name
        ),
    }[kind]
    expected = str(len(pt.load("statements", version="1.0.0")))
    runner = CliRunner()  # in-process: the subprocess tests above show the command itself
    for args in (["validate", target], ["stats", target]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0 and result.exception is None, (args, result.stderr)
    result = runner.invoke(
        app, ["sql", "select count(*) as n from statements", target, "--format", "csv"]
    )
    assert result.exit_code == 0 and result.stdout.splitlines()[1] == expected, result.stderr


def test_a_zip_that_is_no_zip_is_a_one_line_error(tmp_path: Path) -> None:
    fake = tmp_path / "fake.zip"
    fake.write_bytes(b"not a zip")
    result = run("sql", "select 1", str(fake))
    assert (
        result.returncode == 2
        and result.stderr.startswith("error: ")
        and "Traceback" not in result.stderr
    )


def test_diff_between_two_releases_proposes_no_bump(tmp_path: Path) -> None:
    result = run("diff", "1.0.0", "1.0.2", "--output", str(tmp_path / "changes"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "statements: " in result.stdout and "proposed version bump" not in result.stdout


def test_diff_against_the_working_copy_proposes_a_bump(tmp_path: Path) -> None:
    result = run("diff", "1.0.0", "--output", str(tmp_path / "changes"))
    assert result.returncode == 0 and "proposed version bump:" in result.stdout


def test_diff_that_finds_nothing_leaves_no_old_changes(tmp_path: Path) -> None:
    changes = tmp_path / "changes"
    assert run("diff", "1.0.0", "1.0.2", "--output", str(changes)).returncode == 0
    assert (changes / "statements.csv").is_file()
    result = run("diff", "1.0.2", "1.0.2", "--output", str(changes))
    assert result.returncode == 0 and "no changes" in result.stdout
    assert sorted(p.name for p in changes.glob("*.csv")) == []


def test_verify_names_the_folder_it_checked() -> None:
    result = run("verify", ".")
    assert result.returncode == 0 and result.stderr.strip().endswith(f"datapackage.json of {REPO}")


@pytest.mark.parametrize(
    "command", ["fmt", "validate", "diff", "sql", "build", "release", "verify"]
)
def test_help_shows_no_type_label_on_flags(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0 and "--help" in result.stdout and "<bool>" not in result.stdout


def test_the_public_api_is_what_all_names() -> None:
    assert dir(pt) == sorted([*pt.__all__, "__version__"])
    assert {"Any", "Path", "TYPE_CHECKING", "annotations"}.isdisjoint(dir(pt))


@pytest.mark.parametrize(
    ("command", "module"),
    [("quality", "great_expectations"), ("charts", "matplotlib"), ("build", "great_expectations")],
)
def test_a_missing_report_extra_is_named_not_a_traceback(command: str, module: str) -> None:
    code = f"import sys; sys.modules[{module!r}] = None; sys.argv = ['pressure-tracker', {command!r}]; from pressure_tracker.cli import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "pip install 'pressure-tracker[report]'" in result.stderr and module in result.stderr
