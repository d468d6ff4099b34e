"""The release's DuckDB database: real tables with keys and comments, plus the analytic views."""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

import duckdb

from pressure_tracker.publish import history
from pressure_tracker.schema.spec import Spec, TableSpec
from pressure_tracker.schema.sql import one, read_csv_sql
from pressure_tracker.schema.views import macros, views

# DuckDB's main header (first 4 KiB) holds a random 16-byte database identifier and a checksum of
# the header. Replacing the identifier with one derived from the file's content makes two builds of
# the same data byte-identical; the checksum is DuckDB's own (a multiply-xor over 64-bit words).
HEADER_SIZE = 4096
# The file is written in a storage format that the oldest DuckDB pyproject.toml allows (1.3) reads
# cell for cell: a newer DuckDB's default format is unreadable to older ones, and DuckDB 2.0's
# "v1.3.0" format is misread by DuckDB 1.3.2 (nullable text columns come back empty), so the
# format of 1.2 is used. tests/test_publish.py compares every cell and view as 1.3.2 reads them.
STORAGE_VERSION = "v1.2.0"
IDENTIFIER = slice(124, 140)
MAGIC = slice(8, 12)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def create_table_sql(table: TableSpec, spec: Spec) -> str:
    types = spec.duckdb_types(table.name)
    columns = [
        f"{f.name} {types[f.name]}{' NOT NULL' if f.constraints.required or f.name in table.primary_key else ''}"
        for f in table.fields
    ]
    columns.append(f"PRIMARY KEY ({', '.join(table.primary_key)})")
    for fk in table.foreign_keys:
        target = fk.reference.resource or table.name
        columns.append(
            f"FOREIGN KEY ({fk.fields[0]}) REFERENCES {target} ({fk.reference.fields[0]})"
        )
    return f"CREATE TABLE {table.name} (\n  " + ",\n  ".join(columns) + "\n)"


def _insert(con: duckdb.DuckDBPyConnection, table: TableSpec, source: str) -> None:
    """Insert all rows; rows of a self-referencing table go in parent-first order."""
    self_keys = [fk for fk in table.foreign_keys if fk.reference.resource == ""]
    if not self_keys:
        con.execute(f"INSERT INTO {table.name} {source}")
        return
    child, parent = self_keys[0].fields[0], self_keys[0].reference.fields[0]
    con.execute(f"INSERT INTO {table.name} SELECT * FROM ({source}) WHERE {child} IS NULL")
    while True:
        before = one(con, f"SELECT count(*) FROM {table.name}")[0]
        con.execute(
            f"INSERT INTO {table.name} SELECT * FROM ({source}) s "
            f"WHERE s.{child} IN (SELECT {parent} FROM {table.name}) "
            f"AND s.{parent} NOT IN (SELECT {parent} FROM {table.name})"
        )
        if one(con, f"SELECT count(*) FROM {table.name}")[0] == before:
            return


def _comment(con: duckdb.DuckDBPyConnection, table: TableSpec) -> None:
    con.execute(
        f"COMMENT ON TABLE {table.name} IS {_literal(table.title + ': ' + table.description)}"
    )
    for f in table.fields:
        con.execute(f"COMMENT ON COLUMN {table.name}.{f.name} IS {_literal(f.description)}")


def write_database(root: Path, target: Path, spec: Spec | None = None) -> None:
    """Write the package at `root` as a DuckDB database file at `target` (which must not exist)."""
    spec = spec or Spec(root)
    con = duckdb.connect(":memory:", config={"threads": 1})  # one thread: rows keep file order
    try:
        # Written in an older storage format, DuckDB 2.0 picks each column's compression in a way
        # that differs from run to run; with none, two builds of the same data are identical.
        con.execute("SET force_compression = 'uncompressed'")
        con.execute(
            f"ATTACH {_literal(str(target))} AS release (STORAGE_VERSION '{STORAGE_VERSION}')"
        )
        con.execute("USE release")
        for name in spec.tables:
            table = spec.tables[name]
            con.execute(create_table_sql(table, spec))
            _insert(
                con, table, read_csv_sql(root / "data" / f"{name}.csv", spec.duckdb_types(name))
            )
            _comment(con, table)
        _write_history(con, root, spec)
        for view in views(spec):
            con.execute(f"CREATE VIEW {view.name} AS {view.sql}")
            con.execute(f"COMMENT ON VIEW {view.name} IS {_literal(view.description)}")
        for macro in macros(spec):
            con.execute(macro.create)
        con.execute("CHECKPOINT release")
        con.execute("USE memory")
        con.execute("DETACH release")
    finally:
        con.close()
    make_reproducible(target)


def _write_history(con: duckdb.DuckDBPyConnection, root: Path, spec: Spec) -> None:
    """The record time of every row (publish/history.py), as a table beside the data's."""
    columns = ", ".join(f"{name} VARCHAR" for name in history.COLUMNS)
    con.execute(f"CREATE TABLE {history.TABLE} ({columns})")
    import pyarrow as pa

    rows = history.record_history(root, spec)
    arrow = pa.table(
        {
            name: pa.array([r[i] for r in rows], pa.string())
            for i, name in enumerate(history.COLUMNS)
        }
    )  # one insert of a columnar table: executemany would insert row by row
    con.register("history_rows", arrow)
    con.execute(f"INSERT INTO {history.TABLE} SELECT * FROM history_rows")
    con.unregister("history_rows")
    con.execute(f"COMMENT ON TABLE {history.TABLE} IS {_literal(history.DESCRIPTION)}")
    for name, text in history.COLUMNS.items():
        con.execute(f"COMMENT ON COLUMN {history.TABLE}.{name} IS {_literal(text)}")


def _checksum(block: bytes) -> int:
    result = 5381
    for (word,) in struct.iter_unpack("<Q", block):
        result ^= (word * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
    return result


def make_reproducible(path: Path) -> None:
    data = bytearray(path.read_bytes())
    stored = struct.unpack("<Q", bytes(data[0:8]))[0]
    if bytes(data[MAGIC]) != b"DUCK" or stored != _checksum(bytes(data[8:HEADER_SIZE])):
        raise RuntimeError(f"{path}: unexpected DuckDB file header; cannot make it reproducible")
    data[IDENTIFIER] = hashlib.sha256(bytes(data[HEADER_SIZE:])).digest()[:16]
    data[0:8] = struct.pack("<Q", _checksum(bytes(data[8:HEADER_SIZE])))
    path.write_bytes(bytes(data))


def open_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """A connection that can neither change the database nor touch any other file."""
    return duckdb.connect(
        str(path),
        read_only=True,
        config={"enable_external_access": False, "lock_configuration": True},
    )
