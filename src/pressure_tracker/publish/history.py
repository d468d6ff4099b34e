"""Record time: for every row, the first release that held it and the last release that changed
it, derived from the releases recorded under releases/. Written into the release's DuckDB file and
Parquet files as the table `record_history`, never into the CSVs (it is a fact about the record,
not about the world).

Each release stores its history when it is recorded (releases/X.Y.Z/record_history.csv), so a build
reads the newest stored history and the releases after it, not every release: reading all of them
took most of a DuckDB file's time, and grew with each release."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polars as pl

from pressure_tracker.publish.versions import recorded_releases, releases_dir
from pressure_tracker.schema.files import write_atomic
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
# In a release's folder: its record history, stored when it is recorded, so that later builds read
# that release and the ones after it, not every release.
CHECKPOINT = "record_history.csv"


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


def _checkpoint(root: Path, versions: list[str]) -> tuple[int, pl.DataFrame | None]:
    """The newest release that stores a readable record history (its number), and that history
    with releases as numbers; (0, None) when none does. One that cannot be read is passed over:
    the releases before it give the same answer, only more slowly."""
    number = {v: n for n, v in enumerate(versions)}
    release = {"first_release": "first", "last_changed_release": "changed"}
    for i in range(len(versions) - 1, -1, -1):
        path = releases_dir(root) / versions[i] / CHECKPOINT
        if not path.is_file():
            continue
        try:
            return i, pl.read_csv(path, infer_schema=False).select(
                "table_name",
                "record_id",
                *(
                    pl.col(column)
                    .replace_strict(number, return_dtype=pl.Int64)  # a version not recorded: unread
                    .alias(name)
                    for column, name in release.items()
                ),
            )
        except (OSError, pl.exceptions.PolarsError):
            continue
    return 0, None


def _states(
    root: Path, spec: Spec, versions: list[str]
) -> Iterator[tuple[str, pl.DataFrame | None, pl.DataFrame | None]]:
    """Per table: the working copy's rows, and per record the releases hold, its state as of the
    newest release (`_per_record`); None for a file that is missing, or a table no release holds.

    The state starts from the newest release that stores its history and folds in the releases
    after it (none, once the newest is stored); with none stored, from the first release. Every
    file needed is read in one parallel pass."""
    start, saved = _checkpoint(root, versions)
    folders = [
        (None, root),
        *((i, releases_dir(root) / versions[i]) for i in range(start, len(versions))),
    ]
    plan: list[tuple[str, int | None, pl.LazyFrame]] = []  # (table, release number or None, rows)
    for name, table in spec.tables.items():
        key = list(table.primary_key)
        for i, folder in folders:
            if (scan := _rows(folder / "data" / f"{name}.csv", key)) is not None:
                plan.append((name, i, scan))
    read = pl.collect_all([scan for _, _, scan in plan])
    for name in spec.tables:
        mine = [(i, rows) for (table, i, _), rows in zip(plan, read, strict=True) if table == name]
        current = next((rows for i, rows in mine if i is None), None)
        held = [  # each release's rows, numbered by release; a repeated key keeps its last row
            rows.unique("record_id", keep="last").with_columns(v=pl.lit(i))
            for i, rows in mine
            if i is not None
        ]
        mine_saved = (
            None if saved is None else saved.filter(pl.col("table_name") == name).drop("table_name")
        )
        state = _per_record(pl.concat(held), len(versions) - 1, start, mine_saved) if held else None
        yield name, current, state


def record_history(root: Path, spec: Spec) -> list[tuple[str, str, str | None, str | None]]:
    """(table, record_id, first_release, last_changed_release) for every row of the package."""
    versions = recorded_releases(root)
    history: list[tuple[str, str, str | None, str | None]] = []
    for name, current, state in _states(root, spec, versions):
        if current is None:
            continue
        if state is None:  # no release holds the table: every row is new
            history += [(name, record_id, None, None) for record_id in current["record_id"]]
            continue
        answered = current.join(state, on="record_id", how="left", maintain_order="left").select(
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


def write_checkpoint(root: Path, spec: Spec) -> Path:
    """Store the newest release's record history in its folder: every key any release held, its
    first release, and the last release that changed it (empty when the newest does not hold it).
    Later builds start from it instead of reading every release."""
    versions = recorded_releases(root)
    named = dict(enumerate(versions))  # release numbers back to versions
    parts = [
        state.filter(pl.col("first").is_not_null())
        .select(
            table_name=pl.lit(name),
            record_id="record_id",
            first_release=pl.col("first").replace_strict(named, return_dtype=pl.String),
            last_changed_release=pl.when(pl.col("latest_content").is_not_null()).then(
                pl.col("changed").replace_strict(named, default=None, return_dtype=pl.String)
            ),
        )
        .sort("record_id")
        for name, _, state in _states(root, spec, versions)
        if state is not None
    ]
    target = releases_dir(root) / versions[-1] / CHECKPOINT
    write_atomic(target, pl.concat(parts).write_csv())
    return target


def _per_record(
    held: pl.DataFrame, latest: int, start: int, saved: pl.DataFrame | None
) -> pl.DataFrame:
    """Per record the releases hold: `first`, the first release that held it; `changed`, the last
    release that added or changed it; `latest_content`, its content in the latest release (empty
    when that release does not hold it). `held` are the rows of releases `start` to `latest`;
    `saved` (record_id, first, changed) the state as of release `start`, when it is stored."""
    by_record = held.sort("record_id", "v")
    previous = pl.col("v").shift(1).over("record_id")
    changed = (
        previous.is_null()
        | (previous != pl.col("v") - 1)
        | (pl.col("content").shift(1).over("record_id") != pl.col("content")).fill_null(True)
    )
    if saved is not None:  # a row of the stored release changed when its saved state says
        changed = changed & (pl.col("v") != start)
    state = (
        by_record.with_columns(changed=changed)
        .group_by("record_id")
        .agg(
            first=pl.col("v").min(),
            changed=pl.col("v").filter(pl.col("changed")).max(),
            latest_content=pl.col("content").filter(pl.col("v") == latest).first(),
        )
    )
    if saved is None:
        return state
    return state.join(saved, on="record_id", how="full", coalesce=True, suffix="_saved").select(
        "record_id",
        first=pl.coalesce("first_saved", "first"),
        changed=pl.coalesce("changed", "changed_saved"),
        latest_content="latest_content",
    )
