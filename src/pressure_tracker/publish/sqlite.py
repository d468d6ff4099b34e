"""The release's SQLite edition, for Datasette and any SQLite tool: every table with its primary and
foreign keys and typed columns, the data of the CSVs as they are read, and full-text indexes (FTS5)
on the text people search. Written row by row in file order, then vacuumed, so that two builds of
the same data are byte-identical."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

from pressure_tracker.schema.spec import Spec, TableSpec

# The text people search, per table: Datasette offers a search box on each.
FULL_TEXT = {
    "statements": ("summary", "quote"),
    "events": ("title", "summary", "outcome"),
    "sanctions_packages": ("title", "summary"),
    "measures": ("description",),
    "evidence": ("excerpt",),
}
SQLITE_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}


def _column(field_type: str) -> str:
    return SQLITE_TYPES.get(field_type, "TEXT")  # dates as ISO text, which sorts as dates do


def create_table_sql(table: TableSpec) -> str:
    columns = [f'"{f.name}" {_column(f.type)}' for f in table.fields]
    columns.append("PRIMARY KEY (" + ", ".join(f'"{c}"' for c in table.primary_key) + ")")
    for fk in table.foreign_keys:
        target = fk.reference.resource or table.name
        columns.append(
            f"FOREIGN KEY ({', '.join(fk.fields)}) REFERENCES {target} "
            f"({', '.join(fk.reference.fields)})"
        )
    return f"CREATE TABLE {table.name} (\n  " + ",\n  ".join(columns) + "\n)"


def _typed(value: str, field_type: str) -> object:
    if value == "":
        return None
    if field_type == "integer":
        return int(value)
    if field_type == "number":
        return float(value)
    if field_type == "boolean":
        return int(value.lower() == "true")
    return value


def write_sqlite(root: Path, target: Path, spec: Spec) -> None:
    """Write the package at `root` as a SQLite database at `target` (which must not exist)."""
    con = sqlite3.connect(target)
    try:
        for table in spec.tables.values():
            con.execute(create_table_sql(table))
            types = [f.type for f in table.fields]
            with (root / "data" / f"{table.name}.csv").open(encoding="utf-8", newline="") as f:
                rows = csv.reader(f)
                next(rows)
                marks = ", ".join("?" * len(types))
                con.executemany(
                    f"INSERT INTO {table.name} VALUES ({marks})",
                    ([_typed(v, t) for v, t in zip(row, types, strict=True)] for row in rows),
                )
        for name, columns in FULL_TEXT.items():
            if name in spec.tables:
                _full_text(con, name, columns)
        for name in bridged_tables(spec):
            _evidence_bridge(con, spec.tables[name])
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()


def _full_text(con: sqlite3.Connection, table: str, columns: tuple[str, ...]) -> None:
    """An FTS5 index over `columns` of `table`, kept beside it as Datasette expects (`<table>_fts`,
    its content the table's rows by rowid)."""
    listed = ", ".join(columns)
    con.execute(
        f"CREATE VIRTUAL TABLE {table}_fts USING fts5({listed}, content={table}, content_rowid=rowid)"
    )
    con.execute(f"INSERT INTO {table}_fts (rowid, {listed}) SELECT rowid, {listed} FROM {table}")


def bridged_tables(spec: Spec) -> list[str]:
    """The fact tables with a one-column key, whose rows get `<table>_evidence` links."""
    if "evidence" not in spec.tables:
        return []
    facts = spec.tables["evidence"].field("table_name").constraints.enum or ()
    return [n for n in facts if n in spec.tables and len(spec.tables[n].primary_key) == 1]


def _evidence_bridge(con: sqlite3.Connection, table: TableSpec) -> None:
    """`<table>_evidence`: each row's pieces of evidence by foreign keys, so that a row's page in
    Datasette links to the excerpts that support it, and each excerpt to its source."""
    key = table.primary_key[0]
    con.execute(
        f"CREATE TABLE {table.name}_evidence ({key} TEXT, evidence_id TEXT, "
        f"PRIMARY KEY ({key}, evidence_id), "
        f"FOREIGN KEY ({key}) REFERENCES {table.name} ({key}), "
        "FOREIGN KEY (evidence_id) REFERENCES evidence (evidence_id))"
    )
    con.execute(
        f"INSERT INTO {table.name}_evidence SELECT record_id, evidence_id FROM evidence "
        f"WHERE table_name = '{table.name}' ORDER BY record_id, evidence_id"
    )
