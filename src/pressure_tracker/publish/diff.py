"""Row-level and schema-level differences between two versions of the package, by primary key."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from pressure_tracker.schema.spec import Spec
from pressure_tracker.validation.frames import typed_frame

CHANGE_COLUMNS = ["change", "key", "field", "old_value", "new_value"]
BUMPS = ("major", "minor", "patch")


@dataclass
class TableDiff:
    table: str
    schema: list[tuple[str, str]] = field(
        default_factory=list
    )  # (kind, detail), kind as in BUMP_OF
    added: int = 0
    removed: int = 0
    modified: int = 0
    changes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=CHANGE_COLUMNS))
    uncompared: bool = False  # rows could not be matched (the primary key changed)

    @property
    def empty(self) -> bool:
        return not (self.schema or self.added or self.removed or self.modified)


# How each kind of change moves the version: a break for users' code is MAJOR, new data MINOR,
# corrections PATCH. Removing rows is MINOR: the data grew no less citable, but counts change.
BUMP_OF = {
    "table removed": "major",
    "column removed": "major",
    "column retyped": "major",
    "primary key changed": "major",
    "table added": "minor",
    "column added": "minor",
    "rows added": "minor",
    "rows removed": "minor",
    "constraints changed": "patch",
    "description changed": "patch",
    "rows modified": "patch",
}


def _text(frame: pd.DataFrame) -> pd.DataFrame:
    """Cells as the CSV writes them, so values compare the same whatever their dtype."""
    out = pd.DataFrame(index=frame.index)
    for column in frame.columns:
        series = frame[column]
        if pd.api.types.is_datetime64_any_dtype(series):
            out[column] = series.dt.strftime("%Y-%m-%d")
        elif pd.api.types.is_float_dtype(series):
            out[column] = series.map(
                lambda v: (
                    "" if pd.isna(v) else (str(int(v)) if float(v).is_integer() else repr(float(v)))
                )
            )
        else:
            out[column] = series.astype("string")
        out[column] = out[column].astype(object).where(out[column].notna(), "")
    return out


def _keyed(frame: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    text = _text(frame)
    first = text[key[0]]  # a key of several: its columns joined by "/"
    text.index = first.str.cat(text[key[1:]], sep="/") if len(key) > 1 else first
    return text


def _schema_changes(old: Spec, new: Spec, table: str) -> list[tuple[str, str]]:
    a, b = old.tables[table], new.tables[table]
    changes = [("column removed", c) for c in a.field_names if c not in b.field_names]
    changes += [("column added", c) for c in b.field_names if c not in a.field_names]
    for name in set(a.field_names) & set(b.field_names):
        fa, fb = a.field(name), b.field(name)
        if fa.type != fb.type:
            changes.append(("column retyped", f"{name}: {fa.type} -> {fb.type}"))
        elif fa.constraints != fb.constraints:
            changes.append(("constraints changed", name))
        elif fa.description != fb.description:
            changes.append(("description changed", name))
    if (a.title, a.description) != (b.title, b.description):
        changes.append(("description changed", f"table {table}"))
    if a.foreign_keys != b.foreign_keys:
        changes.append(("constraints changed", "foreign keys"))
    if a.primary_key != b.primary_key:
        changes.append(
            ("primary key changed", f"{', '.join(a.primary_key)} -> {', '.join(b.primary_key)}")
        )
    return sorted(changes)


def _row_changes(
    old: pd.DataFrame, new: pd.DataFrame, key: list[str]
) -> tuple[int, int, int, pd.DataFrame]:
    a, b = _keyed(old, key), _keyed(new, key)
    common = [c for c in a.columns if c in b.columns]
    added, removed = b.index.difference(a.index), a.index.difference(b.index)
    both = a.index.intersection(b.index)
    left, right = a.loc[both, common], b.loc[both, common]
    differs = left.ne(right)
    modified = differs.any(axis=1)
    # Cell by cell, as long tables (one row per key and field), without a Python loop per cell.
    gone, came = _long(a.loc[removed]), _long(b.loc[added])
    gone = gone.loc[(gone != "").to_numpy()]  # a removed or added row: its filled cells
    came = came.loc[(came != "").to_numpy()]
    changed = _long(differs.loc[modified]).to_numpy(dtype=bool)
    parts = [
        _cells("removed", gone, pd.Series("", index=gone.index)),
        _cells("added", pd.Series("", index=came.index), came),
        _cells(
            "modified",
            _long(left.loc[modified]).loc[changed],
            _long(right.loc[modified]).loc[changed],
        ),
    ]
    changes = pd.concat(parts, ignore_index=True).sort_values(
        ["key", "change", "field"], kind="stable"
    )
    return len(added), len(removed), int(modified.sum()), changes.reset_index(drop=True)


def _shared_key(old: tuple[str, ...], new: tuple[str, ...]) -> list[str]:
    """The key rows are compared by: the new one, or when it changed, the columns both keys have."""
    return list(new) if old == new else [c for c in new if c in old]


def _long(frame: pd.DataFrame) -> pd.Series:
    """A frame's cells as one series indexed by (key, field), row by row."""
    rows, columns = frame.shape
    index = pd.MultiIndex.from_arrays(
        [np.repeat(frame.index.to_numpy(), columns), np.tile(frame.columns.to_numpy(), rows)],
        names=["key", "field"],
    )
    return pd.Series(frame.to_numpy().ravel(), index=index, dtype=object)


def _cells(change: str, old: pd.Series, new: pd.Series) -> pd.DataFrame:
    """Cells of one kind of change as rows of the change table (old and new share an index)."""
    frame = pd.DataFrame({"old_value": old, "new_value": new}).reset_index()
    frame.insert(0, "change", change)
    return frame[CHANGE_COLUMNS]


def diff_packages(old_root: Path, new_root: Path, new_spec: Spec | None = None) -> list[TableDiff]:
    """Every table's schema and row changes from `old_root` to `new_root` (tables in new order)."""
    old, new = Spec(old_root), new_spec or Spec(new_root)
    result = []
    for table in [t for t in old.tables if t not in new.tables]:
        result.append(TableDiff(table, schema=[("table removed", table)]))
    for table in new.tables:
        if table not in old.tables:
            frame = typed_frame(new_root, new, table)
            empty = frame.iloc[0:0]
            added, _, _, changes = _row_changes(empty, frame, list(new.tables[table].primary_key))
            result.append(TableDiff(table, [("table added", table)], added=added, changes=changes))
            continue
        diff = TableDiff(table, schema=_schema_changes(old, new, table))
        if not diff.schema and _same_bytes(old_root, new_root, f"data/{table}.csv"):
            result.append(diff)  # the same schema and file: no row changed (reading both was slow)
            continue
        before, after = typed_frame(old_root, old, table), typed_frame(new_root, new, table)
        key = _shared_key(old.tables[table].primary_key, new.tables[table].primary_key)
        if key and not before.duplicated(key).any() and not after.duplicated(key).any():
            diff.added, diff.removed, diff.modified, diff.changes = _row_changes(before, after, key)
        else:  # a key that gained a column no longer tells the rows apart: say so, not "no change"
            diff.uncompared = True
        result.append(diff)
    return result


def _same_bytes(old_root: Path, new_root: Path, rel: str) -> bool:
    """Whether a file is the same in both packages (a missing one is not: reading it says why)."""
    a, b = Path(old_root) / rel, Path(new_root) / rel
    return (
        a.is_file()
        and b.is_file()
        and a.stat().st_size == b.stat().st_size
        and a.read_bytes() == b.read_bytes()
    )


def change_kinds(diffs: list[TableDiff]) -> set[str]:
    kinds = {kind for d in diffs for kind, _ in d.schema}
    kinds |= {
        name
        for d in diffs
        for name, n in (
            ("rows added", d.added),
            ("rows removed", d.removed),
            ("rows modified", d.modified),
        )
        if n
    }
    return kinds


def proposed_bump(diffs: list[TableDiff]) -> str | None:
    """major, minor or patch for the biggest change found; None when nothing changed."""
    bumps = {BUMP_OF[kind] for kind in change_kinds(diffs)}
    return next((b for b in BUMPS if b in bumps), None)


def bumped(version: str, bump: str) -> str:
    major, minor, patch = (int(p) for p in version.split("."))
    return {
        "major": f"{major + 1}.0.0",
        "minor": f"{major}.{minor + 1}.0",
        "patch": f"{major}.{minor}.{patch + 1}",
    }[bump]


def summary_lines(diffs: list[TableDiff]) -> list[str]:
    """A readable summary: one line per changed table, then its schema changes."""
    lines = []
    for d in diffs:
        if d.empty:
            continue
        counts = ", ".join(
            f"{n} {what}"
            for what, n in (("added", d.added), ("removed", d.removed), ("modified", d.modified))
            if n
        )
        if d.uncompared:
            counts = (
                "rows not compared (the primary key changed, so old and new rows cannot be matched)"
            )
        lines.append(f"{d.table}: {counts or 'no row changes'}")
        lines += [f"  {kind}: {detail}" for kind, detail in d.schema]
    return lines or ["no changes"]


def write_changes(diffs: list[TableDiff], folder: Path) -> list[Path]:
    """changes/<table>.csv for every table with row changes: change, key, field, old and new value.

    A table's file from an earlier run is removed first, so the folder never shows changes that this
    comparison did not find."""
    folder.mkdir(parents=True, exist_ok=True)
    for d in diffs:
        (folder / f"{d.table}.csv").unlink(missing_ok=True)
    written = []
    for d in diffs:
        if len(d.changes):
            path = folder / f"{d.table}.csv"
            d.changes.to_csv(path, index=False, lineterminator="\n")
            written.append(path)
    return written
