"""Release zips from elsewhere are untrusted: every bad archive is a one-line error, never a
traceback, nothing is left in the temporary folder, and hashing streams in bounded memory."""

from __future__ import annotations

import shutil
import stat
import struct
import subprocess
import sys
import tempfile
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from pressure_tracker.cli import app
from pressure_tracker.publish import archive
from pressure_tracker.publish.archive import ArchiveError, extract_package
from pressure_tracker.publish.verify import verify

from .conftest import REPO

pytestmark = pytest.mark.slow  # end to end: builds, subprocesses, other readers

RELEASE = REPO / "releases" / "1.0.0"
GIB = 1024**3


def _package_members() -> dict[str, bytes]:
    files = {"datapackage.json": (RELEASE / "datapackage.json").read_bytes()}
    for folder in ("schemas", "data"):
        files |= {
            f"{folder}/{p.name}": p.read_bytes() for p in sorted((RELEASE / folder).iterdir())
        }
    return files


def _zip(
    path: Path, members: dict[str, bytes], prefix: str = "pressure-tracker-1.0.0/", edit=None
) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            info = zipfile.ZipInfo(prefix + name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            if edit:
                edit(info)
            out.writestr(info, data)
    return path


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real release whose events.csv is replaced by 1 GiB of zeros (about 1 MB compressed)."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.zip"
    members = _package_members()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            if name != "data/events.csv":
                out.writestr(f"pressure-tracker-1.0.0/{name}", data)
        with out.open("pressure-tracker-1.0.0/data/events.csv", "w", force_zip64=True) as member:
            block = bytes(16 * 1024**2)
            for _ in range(GIB // len(block)):
                member.write(block)
    return path


def _truncated(tmp: Path) -> Path:
    good = _zip(tmp / "good.zip", _package_members())
    data = good.read_bytes()
    (tmp / "truncated.zip").write_bytes(data[: len(data) // 2])
    return tmp / "truncated.zip"


def _patched(
    path: Path, member: str, local_field: int, central_field: int, fmt: str, change
) -> Path:
    """Rewrite one field of a member's local and central headers, as a forger would."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(member)
    old = struct.unpack_from(fmt, data, info.header_offset + local_field)[0]
    struct.pack_into(fmt, data, info.header_offset + local_field, change(old))
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_length] == member.encode():
            struct.pack_into(fmt, data, central + central_field, change(old))
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
    return path


EVENTS = "pressure-tracker-1.0.0/data/events.csv"


def _lying_header(tmp: Path) -> Path:
    """events.csv's headers declare 100 bytes fewer than the member holds."""
    return _patched(
        _zip(tmp / "lying.zip", _package_members()), EVENTS, 22, 24, "<I", lambda size: size - 100
    )


def _encrypted(tmp: Path) -> Path:
    """events.csv flagged as encrypted (general purpose bit 0)."""
    return _patched(
        _zip(tmp / "enc.zip", _package_members()), EVENTS, 6, 8, "<H", lambda flags: flags | 0x1
    )


def _symlink(info: zipfile.ZipInfo) -> None:
    if info.filename.endswith("data/events.csv"):
        info.external_attr = (stat.S_IFLNK | 0o777) << 16


BAD = {
    "not a zip": lambda tmp: (
        (tmp / "a.zip").write_bytes(b"this is no zip archive") and tmp / "a.zip"
    ),
    "truncated": _truncated,
    "encrypted": _encrypted,
    "duplicate names": lambda tmp: _zip(
        tmp / "dup.zip",
        _package_members() | {"data/../data/x": b""},
        edit=lambda i: setattr(
            i, "filename", i.filename.replace("data/../data/x", "data/events.csv")
        ),
    ),
    "path escape": lambda tmp: _zip(
        tmp / "dots.zip", _package_members() | {"../../escaped.txt": b"x"}, prefix=""
    ),
    "absolute path": lambda tmp: _zip(
        tmp / "abs.zip", _package_members() | {"/tmp/escaped.txt": b"x"}, prefix=""
    ),
    "symbolic link": lambda tmp: _zip(tmp / "link.zip", _package_members(), edit=_symlink),
    "lying header": _lying_header,
    "no schemas": lambda tmp: _zip(
        tmp / "noschemas.zip",
        {k: v for k, v in _package_members().items() if not k.startswith("schemas/")},
    ),
    "no descriptor": lambda tmp: _zip(
        tmp / "nodescriptor.zip",
        {k: v for k, v in _package_members().items() if k != "datapackage.json"},
    ),
}
MESSAGES = {
    "not a zip": "not a readable zip archive",
    "truncated": "not a readable zip archive",
    "encrypted": "it is encrypted",
    "duplicate names": "appears twice",
    "path escape": "would lead outside the folder",
    "absolute path": "would lead outside the folder",
    "symbolic link": "symbolic link",
    "lying header": "data/events.csv",
    "no schemas": "no schemas/ folder",
    "no descriptor": "no datapackage.json",
}


def _cli(args: list[str], tmpdir: Path, monkeypatch: pytest.MonkeyPatch) -> Result:
    """The command, in this process, with every temporary file in `tmpdir`: Python's and any
    library's that reads TMPDIR."""
    monkeypatch.setenv("TMPDIR", str(tmpdir))
    monkeypatch.setattr(tempfile, "tempdir", str(tmpdir))
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )  # an exception that reached the command's caller: a traceback for a user
    return result


# verify checks hashes only: a zip without schemas whose descriptor does not list them verifies
# (a real release lists them, and one removed is reported missing: test_publish).
CASES = [
    (case, command)
    for case in sorted(BAD)
    for command in ("verify", "diff", "sql")
    if (case, command) != ("no schemas", "verify")
]


@pytest.mark.parametrize(("case", "command"), CASES)
def test_a_bad_archive_is_a_one_line_error_that_leaves_nothing_behind(
    case: str, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = tmp_path / "made"
    made.mkdir()
    bad = str(BAD[case](made))
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    args = {
        "verify": ["verify", bad],
        "diff": ["diff", bad, "1.0.0", "--output", str(tmp_path / "changes")],
        "sql": ["sql", "select 1", bad],
    }[command]
    result = _cli(args, scratch, monkeypatch)
    if case == "lying header" and command == "verify":
        # verify reads no more than the header declares, so it names the member as changed
        assert result.exit_code == 1 and "data/events.csv" in result.stdout + result.stderr
    else:
        assert result.exit_code in (1, 2), result.stdout + result.stderr
        assert (
            result.stderr.startswith("error: ") and len(result.stderr.strip().splitlines()) == 1
        ), result.stderr
        assert MESSAGES[case] in result.stderr
    assert "Traceback" not in result.stderr
    assert list(scratch.iterdir()) == []
    assert not (Path("/tmp") / "escaped.txt").exists() and not (tmp_path / "escaped.txt").exists()


def test_a_bomb_is_refused_by_verify_within_300_mb(bomb: Path, tmp_path: Path) -> None:
    # The peak of the command's own memory: VmHWM, which starts afresh with the new program.
    # (ru_maxrss would count the test process's memory too, which a forked child starts with.)
    code = (
        "import re, sys\n"
        "from pressure_tracker.cli import main\n"
        "sys.argv = ['pressure-tracker', 'verify', sys.argv[1]]\n"
        "try:\n    main()\n"
        "finally:\n"
        "    status = open('/proc/self/status').read()\n"
        "    print('peak', re.search(r'VmHWM:\\s+(\\d+) kB', status).group(1), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(bomb)], capture_output=True, text=True, timeout=300
    )
    lines = result.stderr.strip().splitlines()
    assert (
        result.returncode == 1
        and lines[0].startswith("error: ")
        and "data/events.csv" in lines[0]
        and "compressed" in lines[0]
    )
    peak_kib = int(lines[-1].split()[1])
    assert peak_kib < 300 * 1024


def test_hashes_stream_in_bounded_memory(bomb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the bomb bounds lifted, verify hashes the 1 GiB member without holding it."""
    monkeypatch.setattr(archive, "MAX_RATIO", 10**9)
    tracemalloc.start()
    try:
        problems = verify(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    changed = [p.file for p in problems if p.message.startswith("changed")]
    assert changed == ["data/events.csv"]  # the zeros are not the released file
    assert peak < 64 * 1024**2


def test_extraction_takes_only_the_package_files(tmp_path: Path) -> None:
    members = _package_members() | {
        "parquet/events.parquet": b"x" * 10,
        "pressure-tracker.duckdb": b"y" * 10,
    }
    folder = extract_package(_zip(tmp_path / "release.zip", members))
    try:
        extracted = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
        assert extracted == set(_package_members())
    finally:
        shutil.rmtree(folder)


def test_extraction_error_is_an_archive_error(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="appears twice"):
        extract_package(BAD["duplicate names"](tmp_path))
