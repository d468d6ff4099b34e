"""Record time: for every row, the first release that held it and the last release that changed
it, derived from the releases recorded under releases/. Written into the release's DuckDB file and
Parquet files as the table `record_history`, never into the CSVs (it is a fact about the record,
not about the world)."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pressure_tracker.publish.versions import recorded_releases, releases_dir
from pressure_tracker.schema.spec import RECORD_ID_SEPARATOR, Spec

TABLE = "record_history"
DESCRIPTION = (
    "For every row of every table: the first release that held it and the last release that "
    "changed it (its record time), from the releases recorded in the repository. Empty for a row "
    "new or changed since the last release. A row is keyed by its table's primary key, written "
    "as in the evidence table's record_id; a row whose key columns changed counts as new."
)
COLUMNS = {
    "table_name": "The table the row belongs to.",
    "record_id": "The row's primary key; the columns of a key of several are joined with '/'.",
    "first_release": "The first release that held a row with this key.",
    "last_changed_release": (
        "The last release in which the row's content changed (added, or a cell changed); empty "
        "when the row is new or changed since the last release."
    ),
}
# Between a column's name and its value, and after each cell, in a row's content: control
# characters, which the text rules keep out of every cell.
NAME_END, CELL_END = "\x1f", "\x1e"


def _rows(path: Path, key: list[str]) -> pl.LazyFrame | None:
    """(record_id, content) of each row of a CSV, to collect; None when the file is missing or
    lacks a key column. The content is the row's filled cells in the order of their columns' names,
    so a column added later and left empty changes nothing."""
    if not path.is_file() or path.stat().st_size == 0:
        return None
    frame = pl.scan_csv(path, infer_schema=False)
    columns = frame.collect_schema().names()  # the header alone
    if not set(key) <= set(columns):
        return None
    return frame.select(
        record_id=pl.concat_str([pl.col(k) for k in key], separator=RECORD_ID_SEPARATOR),
        content=pl.concat_str([_cell(c) for c in sorted(columns)], ignore_nulls=True),
    )


def _cell(column: str) -> pl.Expr:
    """A filled cell as its column's name and its value; nothing for an empty one."""
    value = pl.col(column)
    return pl.when(value != "").then(pl.lit(column + NAME_END) + value + CELL_END)


def record_history(root: Path, spec: Spec) -> list[tuple[str, str, str | None, str | None]]:
    """(table, record_id, first_release, last_changed_release) for every row of the package."""
    versions = recorded_releases(root)
    # Every release's files and the working copy's, read in one parallel pass (one file after
    # another took most of a build's time for record history, and grows with each release).
    plan: list[tuple[str, int | None, pl.LazyFrame]] = []  # (table, release number or None, rows)
    for name, table in spec.tables.items():
        key = list(table.primary_key)
        for i, folder in [(None, root), *enumerate(releases_dir(root) / v for v in versions)]:
            if (scan := _rows(folder / "data" / f"{name}.csv", key)) is not None:
                plan.append((name, i, scan))
    read = pl.collect_all([scan for _, _, scan in plan])
    history: list[tuple[str, str, str | None, str | None]] = []
    for name in spec.tables:
        mine = [(i, rows) for (table, i, _), rows in zip(plan, read, strict=True) if table == name]
        current = next((rows for i, rows in mine if i is None), None)
        if current is None:
            continue
        held = [  # each release's rows, numbered by release; a repeated key keeps its last row
            rows.unique("record_id", keep="last").with_columns(v=pl.lit(i))
            for i, rows in mine
            if i is not None
        ]
        if not held:  # no release holds the table: every row is new
            history += [(name, record_id, None, None) for record_id in current["record_id"]]
            continue
        answered = current.join(
            _per_record(pl.concat(held), len(versions) - 1),
            on="record_id",
            how="left",
            maintain_order="left",
        ).select(
            "record_id",
            "first",
            last=pl.when(pl.col("content") == pl.col("latest_content")).then(pl.col("changed")),
        )
        history += [
            (
                name,
                record_id,
                versions[first] if first is not None else None,
                versions[last] if last is not None else None,
            )
            for record_id, first, last in answered.iter_rows()
        ]
    return history


def _per_record(held: pl.DataFrame, latest: int) -> pl.DataFrame:
    """Per record the releases hold: `first`, the first release that held it; `changed`, the last
    release that added or changed it; `latest_content`, its content in the latest release (empty
    when that release does not hold it)."""
    by_record = held.sort("record_id", "v")
    previous = pl.col("v").shift(1).over("record_id")
    changed = (
        previous.is_null()
        | (previous != pl.col("v") - 1)
        | (pl.col("content").shift(1).over("record_id") != pl.col("content")).fill_null(True)
    )
    return (
        by_record.with_columns(changed=changed)
        .group_by("record_id")
        .agg(
            first=pl.col("v").min(),
            changed=pl.col("v").filter(pl.col("changed")).max(),
            latest_content=pl.col("content").filter(pl.col("v") == latest).first(),
        )
    )
