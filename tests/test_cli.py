"""The command line: exit statuses, JSON output, and no traceback for bad data or bad usage."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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
    for title in ("Rows per table", "Packages per jurisdiction and year", "Measures per sector", "Rows whose source has a url"):
        assert title in result.stdout
    assert "shadow-fleet" in result.stdout and "all fact rows" in result.stdout


def test_stats_on_unparseable_data_is_a_located_error(package: Path) -> None:
    (package / "data" / "events.csv").write_bytes(b"")
    result = run("stats", str(package))
    assert result.returncode == 1 and "data/events.csv:1" in result.stdout and "Traceback" not in result.stderr
