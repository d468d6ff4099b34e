"""Typed pandas frames and DuckDB views over a package's CSVs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .analytics import views
from .paths import package_root
from .problems import DataError
from .read import read_table
from .spec import Spec

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
        from .versions import resolve

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
    root = resolve_root(package, version)
    spec = Spec(root)
    if table not in spec.tables:
        raise KeyError(f"unknown table {table!r}; tables are: {', '.join(spec.tables)}")
    return _read(root, spec, table)


def load_all(package: Path | str | None = None, version: str | None = None) -> dict[str, pd.DataFrame]:
    """Every table, keyed by name, in dependency order."""
    root = resolve_root(package, version)
    spec = Spec(root)
    return {name: _read(root, spec, name) for name in spec.tables}


def _read(root: Path, spec: Spec, table: str) -> pd.DataFrame:
    result = read_table(root, spec.tables[table])
    if result.problems:
        raise DataError(result.problems)
    return result.frame.astype(spec.pandas_dtypes(table))


def connect(package: Path | str | None = None, version: str | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection: one typed table per CSV, plus the analytic views.

    The tables are read once; then DuckDB's file access is switched off and its configuration
    locked, so no query on this connection can read, write or attach any file (data/ included).
    """
    import duckdb

    root = resolve_root(package, version)
    spec = Spec(root)
    con = duckdb.connect(":memory:")
    for name in spec.tables:
        con.execute(f"CREATE TABLE {name} AS {read_csv_sql(root / 'data' / f'{name}.csv', spec.duckdb_types(name))}")
    for view in views(spec):
        con.execute(f"CREATE VIEW {view.name} AS {view.sql}")
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def read_csv_sql(path: Path, types: dict[str, str]) -> str:
    """DuckDB's read_csv with the schema's exact columns and types: no type sniffing."""
    columns = ", ".join(f"'{name}': '{kind}'" for name, kind in types.items())
    literal = str(path).replace("'", "''")
    return (
        f"SELECT * FROM read_csv('{literal}', header = true, auto_detect = false, "
        f"columns = {{{columns}}}, dateformat = '%Y-%m-%d', quote = '\"', escape = '\"', nullstr = '')"
    )
