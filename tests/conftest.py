"""Shared fixtures: the repository's package, and throw-away copies of it to break."""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock

from pressure_tracker.schema.spec import TABLES, Spec

REPO = Path(__file__).resolve().parents[1]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The end-to-end tests (marked slow, seconds each) first: started last, one of them kept a
    worker busy while the other had nothing left to run."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Fewer and shorter garbage-collector passes. A full pass walks every object alive, and by
    now a worker holds millions that live as long as it does (pandas, polars, pandera, hypothesis
    and the test modules): frozen, they are not walked again. Young objects are collected every
    50,000 allocations rather than 700. On the validation-heavy tests (bad input, screen,
    reliability) this took CPU time from 109-118 s to 91-103 s."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 10, 10)


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def spec() -> Spec:
    return Spec(REPO)


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A copy of the real package in a temporary directory."""
    root = tmp_path / "package"
    for folder in ("schemas", "data"):
        shutil.copytree(REPO / folder, root / folder)
    for name in ("pyproject.toml", "datapackage.json"):
        shutil.copy2(REPO / name, root / name)
    return root


def shared(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder made once per test session, whichever pytest-xdist worker asks first.

    Each worker has its own temporary folder under one parent; the first worker to take the lock
    makes the folder in that parent and marks it done, the others wait and reuse it.
    """
    # Under pytest-xdist each worker's folder sits in the session's; without it, the session's
    # folder is the base itself (its parent holds every earlier session, and their builds).
    base = factory.getbasetemp()
    parent = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder, done = parent / name, parent / f"{name}.done"
    with FileLock(str(parent / f"{name}.lock")):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            make(folder)
            done.touch()
    return folder


def copy_of(folder: Path, target: Path) -> Path:
    """A private copy of a shared folder, for a test that changes it (dist's link stays relative)."""
    shutil.copytree(folder, target, symlinks=True)
    return target


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real package built once for the whole session: read it, or take a `copy_of` it to change.

    A build runs the whole quality suite and draws the charts (about 7 s): tests that only need a
    build share this one.
    """
    from pressure_tracker.publish.build import build

    def make(package: Path) -> None:
        for folder in ("schemas", "data", "releases"):  # releases: for the changes and record time
            shutil.copytree(REPO / folder, package / folder)
        for name in ("pyproject.toml", "README.md", "CHANGELOG.md", "CITATION.cff", "LICENSE"):
            shutil.copy2(REPO / name, package / name)
        build(package)

    return shared(tmp_path_factory, "built", make)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under a package, by relative path, to prove a command wrote nothing."""
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


__all__ = ["REPO", "TABLES", "copy_of", "shared", "snapshot"]
