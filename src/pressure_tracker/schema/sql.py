"""The schema in DuckDB: typed reads of the CSVs, and an in-memory database of a package."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pressure_tracker.schema.spec import Spec
from pressure_tracker.schema.views import macros, views

if TYPE_CHECKING:
    import duckdb


def read_csv_sql(path: Path, types: dict[str, str]) -> str:
    """DuckDB's read_csv with the schema's exact columns and types: no type sniffing."""
    columns = ", ".join(f"'{name}': '{kind}'" for name, kind in types.items())
    literal = str(path).replace("'", "''")
    return (
        f"SELECT * FROM read_csv('{literal}', header = true, auto_detect = false, "
        f"columns = {{{columns}}}, dateformat = '%Y-%m-%d', quote = '\"', escape = '\"', nullstr = '')"
    )


def one(con: duckdb.DuckDBPyConnection, sql: str) -> tuple:
    """The single row a query returns (an aggregate); DuckDB's fetchone is typed as optional."""
    row = con.execute(sql).fetchone()
    assert row is not None, sql
    return row


def memory_database(root: Path, spec: Spec) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection: one typed table per CSV, plus the analytic views.

    The tables are read once; then DuckDB's file access is switched off and its configuration
    locked, so no query on this connection can read, write or attach any file (data/ included).
    """
    import duckdb

    con = duckdb.connect(":memory:")
    for name in spec.tables:
        con.execute(
            f"CREATE TABLE {name} AS {read_csv_sql(root / 'data' / f'{name}.csv', spec.duckdb_types(name))}"
        )
    for view in views(spec):
        con.execute(f"CREATE VIEW {view.name} AS {view.sql}")
    for macro in macros(spec):
        con.execute(macro.create)
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con
