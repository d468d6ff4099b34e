"""The code's own habits, checked like the data: the layer contract, lint, format and types."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

BIN = Path(sys.executable).parent
CHECKS = {
    "layers and cycles (import-linter)": [str(BIN / "lint-imports")],
    "lint (ruff check)": [str(BIN / "ruff"), "check", "src", "tests", "scripts"],
    "format (ruff format --check)": [
        str(BIN / "ruff"),
        "format",
        "--check",
        "src",
        "tests",
        "scripts",
    ],
    "types (mypy)": [str(BIN / "mypy")],
}


@pytest.mark.parametrize("check", sorted(CHECKS))
def test_the_code_passes(check: str) -> None:
    run = subprocess.run(CHECKS[check], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]


def test_the_layer_contract_catches_an_import_the_wrong_way(tmp_path: Path) -> None:
    """A contract that never fails guards nothing: an import from the schema up into publishing breaks it."""
    source = REPO / "src" / "pressure_tracker"
    copy = tmp_path / "pressure_tracker"
    subprocess.run(["cp", "-r", str(source), str(copy)], check=True)
    views = copy / "schema" / "views.py"
    views.write_text(
        views.read_text(encoding="utf-8")
        + "\nfrom pressure_tracker.publish import build  # noqa\n",
        encoding="utf-8",
    )
    env = {"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [str(BIN / "lint-imports"), "--config", str(REPO / "pyproject.toml")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert (
        run.returncode != 0
        and "pressure_tracker.schema is not allowed to import pressure_tracker.publish"
        in run.stdout
    )
