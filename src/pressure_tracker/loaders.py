"""The user API behind `pressure_tracker.load`, `load_all` and `connect`: which package to read,
typed pandas frames, and DuckDB over the CSVs."""

from __future__ import annotations

from datetime import date
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


def load(
    table: str,
    package: Path | str | None = None,
    version: str | None = None,
    as_of: str | date | None = None,
) -> pd.DataFrame:
    """One table as a typed DataFrame: dates as datetime64, nullable Int64, enums as categories.

    `version="1.0.0"` reads that release (or a release zip path, or a git ref); `package=` reads
    the package in another directory. `as_of="2024-06-30"` keeps what was in force on that day:
    the measures that applied (the DuckDB macro `in_force`, which chains price-cap levels), or the
    packages and legal acts with a measure that applied. Nothing is printed;
    `pressure_tracker.citation()` cites it.
    """
    from pressure_tracker.validation.frames import typed_frame

    root = resolve_root(package, version)
    spec = Spec(root)
    if table not in spec.tables:
        raise KeyError(f"unknown table {table!r}; tables are: {', '.join(spec.tables)}")
    frame = typed_frame(root, spec, table)
    if as_of is None:
        return frame
    key = IN_FORCE_KEYS.get(table)
    if key is None:
        raise ValueError(f"as_of applies to {', '.join(IN_FORCE_KEYS)}, not to {table!r}")
    return frame[frame[key].isin(_in_force(root, spec, as_of, key))].reset_index(drop=True)


# Tables that as_of filters, by the column that ties a row to the measures in force.
IN_FORCE_KEYS = {
    "measures": "measure_id",
    "sanctions_packages": "package_id",
    "legal_acts": "package_id",
}


def _in_force(root: Path, spec: Spec, day: str | date, column: str) -> set[str]:
    from pressure_tracker.schema.sql import memory_database

    con = memory_database(root, spec)
    try:
        rows = con.execute(f"SELECT DISTINCT {column} FROM in_force(?::DATE)", [str(day)])
        return {row[0] for row in rows.fetchall()}
    finally:
        con.close()


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
