"""No traceback from any command, for any input: every subcommand given hostile arguments ends
with a one-line error and exit status 1 or 2."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pressure_tracker.cli import app

from .conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
from synthetic import make_package

pytestmark = pytest.mark.slow  # end to end: builds, subprocesses, other readers


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Paths that are not packages, each of a different kind, and a small valid package for the
    SQL that is not SQL (the real one would be loaded in full for each such query)."""
    base = tmp_path_factory.mktemp("hostile")
    (base / "empty-dir").mkdir()
    (base / "plain.txt").write_text("not a package\n")
    (base / "garbage.zip").write_bytes(b"PK\x03\x04 not really a zip")
    broken = base / "broken-package"
    (broken / "schemas").mkdir(parents=True)
    (broken / "schemas" / "events.yaml").write_text("fields: [unclosed\n")
    (broken / "datapackage.json").write_text("{not json")
    (base / "binary.bin").write_bytes(bytes(range(256)))
    make_package(base / "valid", 20)
    return {
        "missing": str(base / "no-such-folder"),
        "empty dir": str(base / "empty-dir"),
        "plain file": str(base / "plain.txt"),
        "garbage zip": str(base / "garbage.zip"),
        "broken package": str(broken),
        "broken descriptor": str(broken / "datapackage.json"),
        "binary file": str(base / "binary.bin"),
        "unknown version": "9.9.9",
        "nul byte": "data\x00.csv",
        "valid": str(base / "valid"),
    }


COMMANDS = {
    "validate": lambda p, q: ["validate", p],
    "stats": lambda p, q: ["stats", p],
    "sql on a hostile package": lambda p, q: ["sql", "select 1", p],
    "sql that is not sql": lambda p, q: [
        "sql",
        q,
        VALID,
    ],  # a small valid package: the query is hostile
    "diff": lambda p, q: ["diff", p, "1.0.0"],
    "diff, new side": lambda p, q: ["diff", "1.0.0", p],
    "verify": lambda p, q: ["verify", p],
    "fmt": lambda p, q: ["fmt", p],
    "build": lambda p, q: ["build", p],
    "quality": lambda p, q: ["quality", p],
    "charts": lambda p, q: ["charts", p],
    "release": lambda p, q: ["release", p, "--yes"],
    # never the repository itself: a release that went through would rewrite it
    "release, bad date": lambda p, q: ["release", p, "--yes", "--date", q],
}
VALID = "<valid>"  # stands for the small valid package of the fixture
NOT_SQL = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30
).map(lambda t: f"not sql {t}")


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    command=st.sampled_from(sorted(COMMANDS)),
    kind=st.sampled_from(
        [
            "missing",
            "empty dir",
            "plain file",
            "garbage zip",
            "broken package",
            "broken descriptor",
            "binary file",
            "unknown version",
            "nul byte",
        ]
    ),
    query=NOT_SQL,
)
def test_hostile_arguments_end_in_a_one_line_error(
    hostile: dict[str, str], command: str, kind: str, query: str
) -> None:
    if command == "release, bad date":
        query = query.replace("not sql", "not-a-date")
    args = [a.replace(VALID, hostile["valid"]) for a in COMMANDS[command](hostile[kind], query)]
    result = CliRunner().invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args,
        repr(result.exception),
    )
    assert result.exit_code in (1, 2), (args, result.exit_code, result.stdout, result.stderr)
    last = (result.stderr or result.stdout).strip().splitlines()[-1]
    assert "Traceback" not in result.stdout + result.stderr
    # a one-line error, or (for bad data) the located problems and their count
    assert last.startswith(("error: ", "╰")) or last.endswith("problem(s) found."), (
        args,
        result.stdout,
        result.stderr,
    )


def test_an_interrupted_command_ends_in_one_line(tmp_path: Path) -> None:
    """Ctrl-C while a command runs: one line, exit status 1, no traceback.

    On a loaded machine the interrupt can arrive after the command has printed its last table (the
    interpreter is then shutting down): such a run says nothing about an interrupted command, so it
    is run again, up to three times."""
    for _ in range(3):
        process = subprocess.Popen(
            [sys.executable, "-m", "pressure_tracker.cli", "stats"],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stderr is not None
        process.stderr.readline()  # "using the package ...": the command has started
        time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=120)
        if "Sources with a url" not in stdout:  # the last table: the command had not finished
            break
    else:
        pytest.fail("the command finished before the interrupt arrived; it needs a slower command")
    assert process.returncode in (1, 2) and "Traceback" not in stderr, (process.returncode, stderr)
    assert stderr.strip() == "error: interrupted", stderr


def test_a_closed_pipe_is_no_traceback() -> None:
    command = f"{sys.executable} -m pressure_tracker.cli sql 'select * from statements, sectors' --format csv | head -c 100 > /dev/null; echo ${{PIPESTATUS[0]}}"
    result = subprocess.run(
        ["bash", "-c", command],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ},
    )
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr
    assert result.stdout.strip() in {"0", "1"}


@pytest.mark.parametrize("date", ["not-a-date", "2026-02-30", "26-12-06"])
def test_a_release_with_a_bad_date_writes_nothing(package: Path, date: str) -> None:
    from .conftest import snapshot

    before = snapshot(package)
    result = CliRunner().invoke(app, ["release", str(package), "--yes", "--date", date])
    assert result.exit_code == 2 and result.stderr.startswith("error: --date")
    assert snapshot(package) == before
