"""Hostile input: generated broken packages, content checks, canonical files, kills, hostile SQL."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import pressure_tracker as pt
from pressure_tracker.cli import app
from pressure_tracker.publish.descriptor import descriptor_text
from pressure_tracker.schema.spec import TABLES, Spec, project_version
from pressure_tracker.validation import fmt as fmt_module
from pressure_tracker.validation.run import validate

from .conftest import REPO, copy_of, snapshot
from .test_bad_input import csv_path, line_of, located, replace

sys.path.insert(0, str(REPO / "scripts"))
from synthetic import make_package

CLI = str(Path(sys.executable).parent / "pressure-tracker")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tiny") / "package"
    make_package(root, 40)
    assert validate(root) == []
    return root


def _mutate(raw: bytes, kind: str, data: st.DataObject) -> bytes:
    lines = raw.split(b"\n")
    if kind == "cell":
        row = data.draw(st.integers(1, max(1, len(lines) - 2)))
        cells = lines[row].split(b",")
        i = data.draw(st.integers(0, len(cells) - 1))
        value = data.draw(
            st.one_of(
                st.text(max_size=30),
                st.sampled_from(
                    ["", "2025-02-30", "-1", "1e400", "NaN", "=1+1", '"', " x", "\x00", "é" * 3]
                ),
            )
        )
        cells[i] = value.encode("utf-8", "surrogatepass")
        lines[row] = b",".join(cells)
        return b"\n".join(lines)
    if kind == "random-bytes":
        return data.draw(st.binary(max_size=300))
    if kind == "truncated":
        return raw[: data.draw(st.integers(0, len(raw)))]
    if kind == "latin-1":
        return raw.decode("utf-8").encode("latin-1", "replace") + "é".encode("latin-1")
    if kind == "utf-16":
        return raw.decode("utf-8").encode("utf-16")
    if kind == "bom":
        return b"\xef\xbb\xbf" + raw
    if kind == "crlf":
        return raw.replace(b"\n", b"\r\n")
    if kind == "mixed-endings":
        return b"".join(
            line + data.draw(st.sampled_from([b"\n", b"\r\n", b"\r"])) for line in lines
        )
    if kind == "nul":
        at = data.draw(st.integers(0, len(raw)))
        return raw[:at] + b"\x00" + raw[at:]
    if kind == "long-cell":
        return lines[0] + b"\n" + b"x" * 200_000 + raw[len(lines[0]) :]
    if kind == "duplicated-header":
        header = lines[0].split(b",")
        lines[0] = b",".join([*header[:-1], header[0]])
        return b"\n".join(lines)
    if kind == "reordered-columns":
        rows = [line.split(b",") for line in lines]
        order = data.draw(st.permutations(range(len(rows[0]))))
        return b"\n".join(
            b",".join(r[i] for i in order if i < len(r)) if r != [b""] else b"" for r in rows
        )
    raise AssertionError(kind)


KINDS = [
    "cell",
    "random-bytes",
    "truncated",
    "latin-1",
    "utf-16",
    "bom",
    "crlf",
    "mixed-endings",
    "nul",
    "long-cell",
    "duplicated-header",
    "reordered-columns",
]


@pytest.mark.slow
# 120 broken packages in all: 10 per kind of damage, one test per kind so that they run in parallel.
@pytest.mark.parametrize("kind", KINDS)
@settings(
    max_examples=120 // len(KINDS),
    deadline=20_000,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), table=st.sampled_from(TABLES))
def test_any_broken_file_gives_located_problems_and_no_write(
    tiny: Path, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject, table: str, kind: str
) -> None:
    root = tmp_path_factory.mktemp("broken") / "package"
    shutil.copytree(tiny, root)
    path = csv_path(root, table)
    path.write_bytes(_mutate(path.read_bytes(), kind, data))
    before = snapshot(root)
    problems = validate(root)  # must not raise, whatever the bytes
    assert snapshot(root) == before
    for problem in problems:
        assert (
            problem.file.startswith("data/")
            and problem.line is not None
            and problem.line >= 1
            and problem.message
        )


@pytest.mark.parametrize("kind", ["random-bytes", "utf-16", "nul", "reordered-columns"])
def test_the_command_never_shows_a_traceback(tiny: Path, tmp_path: Path, kind: str) -> None:
    root = tmp_path / "package"
    shutil.copytree(tiny, root)
    path = csv_path(root, "statements")
    path.write_bytes(
        {
            "random-bytes": b'\x8f\x00,"\n\r\xff' * 50,
            "utf-16": path.read_bytes().decode().encode("utf-16"),
            "nul": path.read_bytes()[:500] + b"\x00" + path.read_bytes()[500:],
            "reordered-columns": b"made_on,statement_id\n2025-01-01,st-1\n",
        }[kind]
    )
    run = subprocess.run([CLI, "validate", str(root)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and "Traceback" not in run.stdout + run.stderr
    assert run.stdout.startswith("data/statements.csv:")


CONTENT = [
    (
        "events",
        "Ukraine-Russia talks in Istanbul",
        '=HYPERLINK(""https://evil.example"")',
        "title",
        "formula",
    ),
    ("events", "Ukraine-Russia talks in Istanbul", "+cmd", "title", "formula"),
    ("events", "Ukraine-Russia talks in Istanbul", "@SUM(A1)", "title", "formula"),
    ("events", "Ukraine-Russia talks in Istanbul", " Ukraine-Russia talks", "title", "white space"),
    (
        "events",
        "Ukraine-Russia talks in Istanbul",
        "Ukraine-Russia\ttalks",
        "title",
        "control character",
    ),
    (
        "events",
        "Ukraine-Russia talks in Istanbul",
        "Ukraine-Russia talks in Istanbul\u200b\x07",
        "title",
        "control character",
    ),
    ("actors", "António Costa", "Anto\u0301nio Costa", "name", "NFC"),
    (
        "sources",
        "https://europeanwesternbalkans.com/",
        "javascript:alert(1)//europeanwesternbalkans.com/",
        "url",
        "does not match the pattern",
    ),
    (
        "sources",
        "https://europeanwesternbalkans.com/",
        "file:///europeanwesternbalkans.com/",
        "url",
        "does not match the pattern",
    ),
]


@pytest.mark.parametrize(("table", "old", "new", "column", "expected"), CONTENT)
def test_content_that_could_hurt_a_reader_is_refused(
    package: Path, table: str, old: str, new: str, column: str, expected: str
) -> None:
    line = line_of(package, table, old)
    replace(package, table, old, new)
    result = CliRunner().invoke(app, ["validate", str(package)])
    assert result.exit_code == 1
    reported = [
        row
        for row in result.stdout.splitlines()
        if row.startswith(f"data/{table}.csv:{line}:{column}:")
    ]
    assert reported and expected in reported[0]


def test_fmt_check_passes_on_the_real_data() -> None:
    result = CliRunner().invoke(app, ["fmt", str(REPO), "--check"])
    assert result.exit_code == 0 and result.stdout == ""


def test_fmt_makes_files_canonical_and_is_idempotent(package: Path) -> None:
    path = csv_path(package, "jurisdictions")
    canonical = path.read_bytes()
    lines = canonical.decode().rstrip("\n").split("\n")
    path.write_bytes(("\r\n".join([lines[0], *reversed(lines[1:])]) + "\r\n").encode())
    check = CliRunner().invoke(app, ["fmt", str(package), "--check"])
    assert check.exit_code == 1 and "data/jurisdictions.csv: not canonical" in check.stdout
    assert CliRunner().invoke(app, ["fmt", str(package)]).exit_code == 0
    assert path.read_bytes() == canonical
    assert CliRunner().invoke(app, ["fmt", str(package), "--check"]).exit_code == 0


def test_fmt_refuses_a_file_that_does_not_validate(package: Path) -> None:
    path = csv_path(package, "events")
    replace(package, "events", "2025-05-16", "2025-02-30")
    broken = path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(broken)
    result = CliRunner().invoke(app, ["fmt", str(package)])
    assert result.exit_code == 1 and "data/events.csv" in result.stdout
    assert path.read_bytes() == broken


def test_fmt_crash_mid_write_leaves_the_old_file(
    package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = csv_path(package, "jurisdictions")
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    shuffled = ("\n".join([lines[0], *reversed(lines[1:])]) + "\n").encode()
    path.write_bytes(shuffled)

    def crash(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        fmt_module.fmt(package)
    assert path.read_bytes() == shuffled
    assert sorted(p.name for p in path.parent.iterdir()) == sorted(
        f"{t}.csv" for t in Spec(package).tables
    )


def _wait_for_new_build_file(package: Path, name: str, process: subprocess.Popen) -> None:
    """Wait until a build folder other than dist's holds `name` (the running build wrote it)."""
    current = (package / "dist").resolve()
    deadline = time.monotonic() + 300
    while not any(
        (folder / name).exists()
        for folder in (package / ".builds").glob("build-*")
        if folder != current
    ):
        assert process.poll() is None, f"the build ended before it wrote {name}"
        assert time.monotonic() < deadline, f"no build wrote {name}"
        time.sleep(0.01)


@pytest.mark.slow
def test_killed_builds_leave_a_whole_dist_and_the_next_build_the_same_bytes(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build stopped in each of the stages that write the new build (the quality suite, the
    databases, the release archive and what follows it until dist is switched) leaves dist whole,
    and so does its kill in the last; the build that follows cleans the leftovers. That last build
    also shows what a build by the command does: given a relative path, it rewrites a stale
    datapackage.json, shows no progress off a terminal, and writes the very bytes that the shared
    build wrote in another folder (builds are reproducible; only Data Docs' HTML records when it ran).

    A stopped build (SIGSTOP) writes nothing more, as a killed one: dist is then what a kill there
    leaves. One build stopped at each point costs one start-up of the command, not one per point."""
    package = copy_of(built, tmp_path / "package")  # built once; the stopped build runs the command
    zip_path = package / "dist" / f"pressure-tracker-{project_version(package)}.zip"
    reference = zip_path.read_bytes()

    def dist_is_whole() -> None:
        assert zip_path.read_bytes() == reference  # old or new, the archive is whole and identical
        assert CliRunner().invoke(app, ["verify", str(zip_path)]).exit_code == 0
        with zipfile.ZipFile(zip_path) as archive:
            assert archive.testzip() is None

    process = subprocess.Popen(
        [CLI, "build", str(package)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        # A stop point is the moment a file of the new build appears (not a delay: the command's
        # start-up alone takes seconds, and more on a loaded machine).
        for written, then in (
            ("quality", 0.0),
            ("pressure-tracker.duckdb", 0.0),
            (zip_path.name, 0.3),
        ):
            _wait_for_new_build_file(package, written, process)
            time.sleep(then)
            process.send_signal(signal.SIGSTOP)
            dist_is_whole()
            if written != zip_path.name:
                process.send_signal(signal.SIGCONT)
    finally:
        process.kill()
        process.wait()
    dist_is_whole()
    assert len(list((package / ".builds").iterdir())) == 2  # dist's build, and the killed one's
    (package / "datapackage.json").write_text("{}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["build", "package"])  # in-process: started up above
    assert result.exit_code == 0, result.output
    assert (
        len(list((package / ".builds").iterdir())) == 1
    )  # the killed build's leftovers are cleaned
    assert (package / "datapackage.json").read_text(encoding="utf-8") == descriptor_text(package)
    assert "quality suite" not in result.output and "━" not in result.output
    first, again = (
        {k: v for k, v in snapshot(root / "dist").items() if not _data_docs(k)}
        for root in (built, package)
    )
    assert first.keys() == again.keys() and first == again
    assert "quality/summary.json" in first and "qa.json" in first


def _data_docs(path: str) -> bool:
    """Great Expectations' HTML Data Docs record when they ran; everything else must be identical."""
    return path.startswith("quality/") and path != "quality/summary.json"


@pytest.mark.parametrize(
    "query",
    [
        "COPY statements TO 'data/statements.csv'",
        "COPY (SELECT 1) TO '/tmp/pressure-tracker-hostile.csv'",
        "SELECT * FROM read_csv('/etc/passwd')",
        "ATTACH '/tmp/pressure-tracker-hostile.duckdb' AS evil",
        "SET enable_external_access = true",
        "INSTALL httpfs",
    ],
)
def test_connect_refuses_hostile_queries(package: Path, query: str) -> None:
    import duckdb

    before = snapshot(package)
    con = pt.connect(package=package)
    with pytest.raises(duckdb.Error):
        con.execute(query)
    assert snapshot(package) == before
    assert not Path("/tmp/pressure-tracker-hostile.csv").exists()
    assert located(package)[0] == 0
