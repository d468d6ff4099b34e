"""Where an excerpt already held for a record states one of the record's dates but was not marked as
supporting that date column, mark it (a row of evidence_columns): the machine check of
reports/verifiable.py then finds the date. Only the strict forms count (with the year, or without
it when the source is of that year). Run from the repository root; then `pressure-tracker fmt`."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
import pressure_tracker as pt  # noqa: E402
from pressure_tracker.reports.verifiable import (  # noqa: E402
    NUMBER_COLUMNS,
    checked_cells,
    date_found,
    source_year,
)
from pressure_tracker.schema.spec import Spec  # noqa: E402


def main() -> None:
    frames = pt.load_all(ROOT)
    sources = frames["sources"]
    years = {
        s: source_year(p, u)
        for s, p, u in zip(
            sources["source_id"], sources["published_on"], sources["url"], strict=True
        )
    }
    evidence = dict(list(frames["evidence"].groupby(["table_name", "record_id"], observed=True)))
    claims = []
    for cell in checked_cells(Spec(ROOT), frames):
        if cell.found or cell.column in NUMBER_COLUMNS:
            continue
        day = pd.Timestamp(cell.value)
        for row in evidence.get((cell.table, cell.record_id), pd.DataFrame()).itertuples():
            if date_found(day, row.excerpt, years[row.source_id]):
                claims.append((row.evidence_id, cell.column))
                break
    with (ROOT / "data" / "evidence_columns.csv").open("a", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(claims)
    print(f"{len(claims)} dates now claimed by an excerpt that states them")


if __name__ == "__main__":
    main()
