"""The benchmark runs at its smallest size, and validation finds every error it injects."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

pytestmark = pytest.mark.slow  # end to end: builds, subprocesses, other readers


def test_benchmark_runs_and_finds_every_injected_error(tmp_path: Path) -> None:
    output = tmp_path / "benchmarks.md"
    run = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "bench.py"),
            "--sizes",
            "4000",  # 10 errors of each kind injected: 120, the floor below is 100
            "--runs",
            "1",
            "--rounds",
            "1",
            "--output",
            str(output),
            "--work",
            str(tmp_path / "work"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    text = output.read_text(encoding="utf-8")
    for step in (
        "floor",
        "pressure-tracker validate",
        "frictionless validate",
        "load_all()",
        "connect() + 3 queries",
        "import pressure_tracker",
    ):
        assert step in text
    found = re.search(r"found (\d+) of (\d+) injected errors", text)
    assert found and found.group(1) == found.group(2) and int(found.group(2)) >= 100
