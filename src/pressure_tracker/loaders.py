"""Typed pandas frames and DuckDB views over a package's CSVs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .paths import package_root
from .problems import DataError
from .read import read_table
from .spec import TABLES, Spec

if TYPE_CHECKING:
    import duckdb
    import pandas as pd


def load(table: str, package: Path | str | None = None) -> pd.DataFrame:
    """One table as a typed DataFrame: dates as datetime64, nullable Int64, enums as categories."""
    root = package_root(package)
    spec = Spec(root)
    if table not in spec.tables:
        raise KeyError(f"unknown table {table!r}; tables are: {', '.join(TABLES)}")
    result = read_table(root, spec.tables[table])
    if result.problems:
        raise DataError(result.problems)
    return result.frame.astype(spec.pandas_dtypes(table))


def load_all(package: Path | str | None = None) -> dict[str, pd.DataFrame]:
    """Every table, keyed by name, in dependency order."""
    return {name: load(name, package) for name in TABLES}


def connect(package: Path | str | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one typed view per table over the package's CSVs."""
    import duckdb

    root = package_root(package)
    spec = Spec(root)
    con = duckdb.connect(":memory:")
    for name in TABLES:
        con.execute(f"CREATE VIEW {name} AS {read_csv_sql(root / 'data' / f'{name}.csv', spec.duckdb_types(name))}")
    return con


def read_csv_sql(path: Path, types: dict[str, str]) -> str:
    """DuckDB's read_csv with the schema's exact columns and types: no type sniffing."""
    columns = ", ".join(f"'{name}': '{kind}'" for name, kind in types.items())
    literal = str(path).replace("'", "''")
    return (
        f"SELECT * FROM read_csv('{literal}', header = true, auto_detect = false, "
        f"columns = {{{columns}}}, dateformat = '%Y-%m-%d', quote = '\"', escape = '\"', nullstr = '')"
    )
