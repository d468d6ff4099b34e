"""The release's Parquet files: one per table, typed, self-describing.

Each file carries its table's title, description, primary key and the data version in the file's
key-value metadata, and each column's description in the column's metadata, so a Parquet reader
needs neither the descriptor nor this library to know what it holds. Columns with a controlled
vocabulary are dictionary-encoded with the vocabulary as the dictionary, so pandas and polars read
them as categories and R's arrow as factors.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from pressure_tracker.publish import history
from pressure_tracker.schema.spec import Spec, TableSpec

if TYPE_CHECKING:
    import pyarrow as pa

METADATA_KEY = (
    b"pressure_tracker"  # the table's metadata, as JSON, in the file's key-value metadata
)


def table_metadata(table: TableSpec, version: str) -> dict[str, object]:
    return {
        "table": table.name,
        "title": table.title,
        "description": table.description,
        "primary_key": list(table.primary_key),
        "version": version,
    }


def _vocabulary_column(values: pa.ChunkedArray, vocabulary: tuple[str, ...]) -> pa.Array:
    """The column as dictionary indices into the whole vocabulary (not only the values present),
    so every file of one column has the same categories, in the schema's order."""
    import pyarrow as pa
    import pyarrow.compute as pc

    dictionary = pa.array(vocabulary, pa.string())
    indices = pc.index_in(values.combine_chunks().cast(pa.string()), value_set=dictionary).cast(
        pa.int32()
    )
    return pa.DictionaryArray.from_arrays(indices, dictionary)


def described(arrow: pa.Table, table: TableSpec, version: str) -> pa.Table:
    """`arrow` with vocabulary columns dictionary-encoded and every description attached."""
    import pyarrow as pa

    columns, fields = [], []
    for spec_field in table.fields:
        column = arrow.column(spec_field.name)
        if spec_field.constraints.enum is not None:
            column = _vocabulary_column(column, spec_field.constraints.enum)
        columns.append(column)
        metadata = {"description": spec_field.description}
        fields.append(pa.field(spec_field.name, column.type, nullable=True, metadata=metadata))
    schema = pa.schema(
        fields,
        metadata={METADATA_KEY: json.dumps(table_metadata(table, version), ensure_ascii=False)},
    )
    return pa.Table.from_arrays(columns, schema=schema)


def write_parquet(database: Path, folder: Path, spec: Spec, version: str) -> None:
    """One Parquet file per table of the release's DuckDB `database`, in `folder` (new)."""
    import duckdb
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True)
    con = duckdb.connect(str(database), read_only=True, config={"threads": 1})
    try:
        for name, table in spec.tables.items():
            # In the CSVs' order (by primary key): a self-referencing table is inserted parents first.
            order = ", ".join(table.primary_key)
            arrow = pa.table(con.sql(f"SELECT * FROM {name} ORDER BY {order}"))
            pq.write_table(
                described(arrow, table, version), folder / f"{name}.parquet", compression="zstd"
            )
        arrow = pa.table(con.sql(f"SELECT * FROM {history.TABLE}"))
        meta = {
            "table": history.TABLE,
            "description": history.DESCRIPTION,
            "primary_key": ["table_name", "record_id"],
            "version": version,
        }
        fields = [
            pa.field(name, pa.string(), metadata={"description": text})
            for name, text in history.COLUMNS.items()
        ]
        schema = pa.schema(fields, metadata={METADATA_KEY: json.dumps(meta, ensure_ascii=False)})
        pq.write_table(arrow.cast(schema), folder / f"{history.TABLE}.parquet", compression="zstd")
    finally:
        con.close()
