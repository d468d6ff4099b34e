"""Find a version of the package: a directory, a release zip, a recorded release, or a git ref.

Releases are recorded in the repository itself, as releases/<version>/ (datapackage.json, schemas/,
data/), so `load(version=...)` and `diff` work from any clone, with or without git tags. Git stores
a snapshot's unchanged files as the same objects as data/, so a release costs almost nothing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

from pressure_tracker.schema.paths import PackageNotFound, installed_root, package_root

VERSION = re.compile(r"^\d+\.\d+\.\d+$")


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def releases_dir(root: Path) -> Path:
    return Path(root) / "releases"


def recorded_releases(root: Path) -> list[str]:
    """Versions recorded under releases/, oldest first."""
    folder = releases_dir(root)
    if not folder.is_dir():
        return []
    found = [
        p.name
        for p in folder.iterdir()
        if VERSION.match(p.name) and (p / "datapackage.json").is_file()
    ]
    return sorted(found, key=version_key)


def previous_release(root: Path, before: str | None = None) -> str | None:
    """The newest recorded release, or the newest one older than `before`."""
    versions = recorded_releases(root)
    if before is not None:
        versions = [v for v in versions if version_key(v) < version_key(before)]
    return versions[-1] if versions else None


@lru_cache(maxsize=32)
def _extract_zip(path: Path, mtime: float) -> Path:  # mtime: a rewritten zip is extracted again
    from pressure_tracker.publish.archive import extract_package

    return extract_package(path)


def _git_ref(root: Path, ref: str) -> Path | None:
    """Extract the package files of a git ref into a temporary directory, or None if not a ref."""
    git = shutil.which("git")
    if git is None or not (root / ".git").exists():
        return None
    probe = subprocess.run(
        [git, "-C", str(root), "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
        capture_output=True,
    )
    if probe.returncode != 0:
        return None
    target = Path(tempfile.mkdtemp(prefix="pressure-tracker-git-"))
    archive = subprocess.run(
        [git, "-C", str(root), "archive", "--format=tar", ref, "data", "schemas", "pyproject.toml"],
        capture_output=True,
    )
    if archive.returncode != 0:
        raise PackageNotFound(
            f"{ref}: git ref has no package files ({archive.stderr.decode().strip()})"
        )
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def resolve(spec: str | Path, root: Path | None = None) -> Path:
    """A package directory for `spec`: a directory, datapackage.json, release zip, version or git ref."""
    base = Path(root) if root is not None else installed_root()
    path = Path(spec)
    if path.suffix == ".zip" and path.is_file():
        return _extract_zip(path.resolve(), path.stat().st_mtime)
    if path.exists():
        return package_root(path)
    text = str(spec)
    if VERSION.match(text):
        release = releases_dir(base) / text
        if (release / "datapackage.json").is_file():
            return release
        known = ", ".join(recorded_releases(base)) or "none"
        raise PackageNotFound(f"version {text} is not a recorded release (recorded: {known})")
    extracted = _git_ref(base, text)
    if extracted is None:
        raise PackageNotFound(f"{text}: not a directory, zip, recorded release or git ref")
    return extracted
