"""Record time: for every row, the first release that held it and the last release that changed
it, derived from the releases recorded under releases/. Written into the release's DuckDB file and
Parquet files as the table `record_history`, never into the CSVs (it is a fact about the record,
not about the world)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

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
Content = frozenset[tuple[str, str]]


def _rows(path: Path, key: list[str]) -> Iterator[tuple[str, Content]]:
    """(record_id, content) of each row of a CSV; nothing when the file lacks a key column. Empty
    cells are left out of the content, so a column added later and left empty changes nothing."""
    if not path.is_file():
        return
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if not set(key) <= set(reader.fieldnames or []):
            return
        for row in reader:
            record_id = RECORD_ID_SEPARATOR.join(row[k] for k in key)
            yield record_id, frozenset((c, v) for c, v in row.items() if v and c is not None)


def record_history(root: Path, spec: Spec) -> list[tuple[str, str, str | None, str | None]]:
    """(table, record_id, first_release, last_changed_release) for every row of the package."""
    versions = recorded_releases(root)
    history = []
    for name, table in spec.tables.items():
        key = list(table.primary_key)
        first: dict[str, str] = {}
        changed: dict[str, str] = {}
        previous: dict[str, Content] = {}
        for version in versions:
            held = dict(_rows(releases_dir(root) / version / "data" / f"{name}.csv", key))
            for record_id, content in held.items():
                first.setdefault(record_id, version)
                if previous.get(record_id) != content:
                    changed[record_id] = version
            previous = held
        for record_id, content in _rows(root / "data" / f"{name}.csv", key):
            released = previous.get(record_id) == content
            last = changed.get(record_id) if released else None
            history.append((name, record_id, first.get(record_id), last))
    return history
