"""Shared fixtures: the repository's package, and throw-away copies of it to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pressure_tracker.schema.spec import TABLES, Spec

REPO = Path(__file__).resolve().parents[1]


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


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under a package, by relative path, to prove a command wrote nothing."""
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


__all__ = ["REPO", "TABLES", "snapshot"]
