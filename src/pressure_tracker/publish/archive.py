"""Release zips are untrusted input: someone may send one, so every member is checked before it is read.

Refused, each with a one-line `ArchiveError` naming the member: a file that is not a zip or is cut
short, encrypted members, two members with one name, paths that would land outside the folder
(absolute, `..`, links), members larger than `MAX_MEMBER_BYTES` or compressed more than `MAX_RATIO`
times (a zip bomb). A member's declared size can lie, so the bytes actually read are counted too.
Only the files a command needs are read or extracted, in chunks, so memory stays bounded.
"""

from __future__ import annotations

import hashlib
import shutil
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from pressure_tracker.schema.paths import PackageNotFound

# A real member is at most a few hundred MB (the largest table at 1M rows is 188 MB); CSV, YAML,
# JSON, Parquet and DuckDB files compress 3 to 20 times. The bounds leave room for growth and
# refuse the bombs: a 3 MB member that expands to 3 GB is a ratio of 1000.
MAX_MEMBER_BYTES = 2 * 1024**3
MAX_RATIO = 200
RATIO_FROM_BYTES = 1024**2  # small members may compress oddly well; the ratio applies above this
CHUNK = 1024**2
PACKAGE_FILES = (
    "datapackage.json",
    "schemas/",
    "data/",
)  # what loading, diffing or validating reads


class ArchiveError(PackageNotFound):
    """The archive is unreadable or unsafe; the message names the archive and the member."""


def _member_problem(info: zipfile.ZipInfo) -> str | None:
    name = info.filename
    parts = PurePosixPath(name).parts
    if name.startswith("/") or "\\" in name or (parts and parts[0].endswith(":")) or ".." in parts:
        return "its path would lead outside the folder"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "it is a symbolic link"
    if info.flag_bits & 0x1:
        return "it is encrypted"
    if info.file_size > MAX_MEMBER_BYTES:
        return f"it expands to {info.file_size} bytes (more than {MAX_MEMBER_BYTES})"
    if info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(
        info.compress_size, 1
    ):
        return (
            f"it is compressed {info.file_size // max(info.compress_size, 1)} times (a zip bomb?)"
        )
    return None


@contextmanager
def open_archive(path: Path) -> Iterator[zipfile.ZipFile]:
    """The zip at `path`, every member checked; ArchiveError for anything unsafe or unreadable."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise ArchiveError(f"{path}: not a readable zip archive ({exc})") from None
    with archive:
        seen: set[str] = set()
        for info in archive.infolist():
            if info.filename in seen:
                raise ArchiveError(f"{path}: member {info.filename!r} appears twice")
            seen.add(info.filename)
            problem = _member_problem(info)
            if problem:
                raise ArchiveError(f"{path}: member {info.filename!r} refused: {problem}")
        yield archive


def chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes in chunks, stopping at the first byte past its declared size."""
    read = 0
    try:
        with archive.open(info) as member:
            while block := member.read(CHUNK):
                read += len(block)
                if read > info.file_size:
                    raise ArchiveError(
                        f"{archive.filename}: member {info.filename!r} refused: it holds more bytes than its header declares"
                    )
                yield block
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise ArchiveError(
            f"{archive.filename}: member {info.filename!r} is unreadable ({exc})"
        ) from None


def sha256(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> str:
    digest = hashlib.sha256()
    for block in chunks(archive, info):
        digest.update(block)
    return digest.hexdigest()


def read_small(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int = 64 * 1024**2) -> bytes:
    """A member that is read whole (a descriptor), at most `limit` bytes."""
    if info.file_size > limit:
        raise ArchiveError(
            f"{archive.filename}: member {info.filename!r} refused: {info.file_size} bytes is too large for it"
        )
    return b"".join(chunks(archive, info))


def package_prefix(archive: zipfile.ZipFile) -> str:
    """The folder inside the zip that holds the package's datapackage.json (the shallowest one)."""
    descriptors = [n for n in archive.namelist() if PurePosixPath(n).name == "datapackage.json"]
    if not descriptors:
        raise ArchiveError(f"{archive.filename}: the zip holds no datapackage.json")
    return min(descriptors, key=lambda n: (n.count("/"), n)).removesuffix("datapackage.json")


def extract_package(path: Path) -> Path:
    """Extract only the package's descriptor, schemas and data into a new temporary folder and
    return the package folder in it; on any problem nothing is left behind."""
    target = Path(tempfile.mkdtemp(prefix="pressure-tracker-zip-"))
    try:
        with open_archive(path) as archive:
            prefix = package_prefix(archive)
            wanted = [
                info
                for info in archive.infolist()
                if not info.is_dir()
                and info.filename.startswith(prefix)
                and info.filename[len(prefix) :].startswith(PACKAGE_FILES)
            ]
            if not any(info.filename[len(prefix) :].startswith("schemas/") for info in wanted):
                raise ArchiveError(
                    f"{path}: the zip holds no schemas/ folder beside its datapackage.json"
                )
            for info in wanted:
                destination = target / info.filename[len(prefix) :]
                destination.parent.mkdir(parents=True, exist_ok=True)
                with destination.open("wb") as out:
                    for block in chunks(archive, info):
                        out.write(block)
        return target
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
