"""The user API behind `pressure_tracker.load`, `load_all` and `connect`: which package to read,
typed pandas frames, and DuckDB over the CSVs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pressure_tracker.schema.paths import package_root
from pressure_tracker.schema.spec import Spec

if TYPE_CHECKING:
    import duckdb
    import pandas as pd


# The version most recently loaded, so that citation() cites what the user actually read.
last_loaded: Path | None = None


def resolve_root(package: Path | str | None = None, version: str | None = None) -> Path:
    """The package to read: `version` (a release, zip or git ref, looked up in `package` or the installed
    package), else `package` (a path), else the installed package."""
    global last_loaded
    if version is not None:
        from pressure_tracker.publish.versions import resolve

        root = resolve(version, package_root(package) if package is not None else None)
    else:
        root = package_root(package)
    last_loaded = root
    return root


def load(table: str, package: Path | str | None = None, version: str | None = None) -> pd.DataFrame:
    """One table as a typed DataFrame: dates as datetime64, nullable Int64, enums as categories.

    `version="1.0.0"` reads that release (or a release zip path, or a git ref); `package=` reads
    the package in another directory. Nothing is printed; `pressure_tracker.citation()` cites it.
    """
    from pressure_tracker.validation.frames import typed_frame

    root = resolve_root(package, version)
    spec = Spec(root)
    if table not in spec.tables:
        raise KeyError(f"unknown table {table!r}; tables are: {', '.join(spec.tables)}")
    return typed_frame(root, spec, table)


def load_all(
    package: Path | str | None = None, version: str | None = None
) -> dict[str, pd.DataFrame]:
    """Every table, keyed by name, in dependency order."""
    from pressure_tracker.validation.frames import typed_frames

    root = resolve_root(package, version)
    return typed_frames(root, Spec(root))


def connect(
    package: Path | str | None = None, version: str | None = None
) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection: one typed table per CSV, plus the analytic views, with no
    access to any file once the tables are read."""
    from pressure_tracker.schema.sql import memory_database

    root = resolve_root(package, version)
    return memory_database(root, Spec(root))
