"""Append back-filled evidence (research/backfill/<batch>/evidence.csv, for the batches named on the
command line) to data/evidence.csv and data/evidence_columns.csv, numbering on from the last ID.
Run from the repository root; then `pressure-tracker fmt` and `validate`.

An excerpt's line breaks and runs of white space become one space (the data's text rules refuse
line breaks), and a list item's leading dash is left out; its words and punctuation are kept exactly. Columns a table does not have are dropped
and reported. Evidence whose url is not its source's url (tracking parameters aside) is refused.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
# Statements whose quote the page text that was read did not reach (it stopped short): their
# evidence waits until the quote is found, since a quote must appear in its statement's excerpts.
UNCONFIRMED_QUOTES = {"st-2025", "st-2032", "st-2123"}


def main() -> None:
    sources = {
        r["source_id"]: r["url"]
        for r in csv.DictReader(open(ROOT / "data/sources.csv", encoding="utf-8"))
    }
    fields = {
        p.stem: {f["name"] for f in yaml.safe_load(p.read_text())["fields"]}
        for p in (ROOT / "schemas").glob("*.yaml")
        if p.stem != "package"
    }
    rows, dropped, refused = [], [], []
    for path in (ROOT / "research/backfill" / batch / "evidence.csv" for batch in sys.argv[1:]):
        for r in csv.DictReader(open(path, encoding="utf-8")):
            if r["record_id"] in UNCONFIRMED_QUOTES:
                continue
            own = sources.get(r["source_id"], "")
            if r["url"].split("?")[0].rstrip("/") != own.split("?")[0].rstrip("/"):
                refused.append((r["table"], r["record_id"], r["url"], own))
                continue
            columns = [c for c in r["columns"].split(";") if c]
            dropped += [
                (r["table"], r["record_id"], c) for c in columns if c not in fields[r["table"]]
            ]
            columns = [c for c in columns if c in fields[r["table"]]]
            # A list item's leading dash would read as a formula in a spreadsheet: the excerpt starts
            # at the item's first word instead, still a contiguous copy of the page's words.
            excerpt = re.sub(r"\s+", " ", r["excerpt"]).strip().lstrip("-+=@ ")
            rows.append(
                (r["table"], r["record_id"], r["source_id"], excerpt, r["notes"].strip(), columns)
            )
    # The same excerpt written twice for one record (once per column) is one piece of evidence.
    merged: dict[tuple[str, str, str, str], tuple[str, set[str]]] = {}
    for table, record, source, excerpt, notes, columns in rows:
        old_notes, old_columns = merged.get((table, record, source, excerpt), ("", set()))
        both = "; ".join(n for n in (old_notes, notes) if n)
        merged[(table, record, source, excerpt)] = (both, old_columns | set(columns))
    rows = [(*key, notes, sorted(columns)) for key, (notes, columns) in merged.items()]
    rows.sort(key=lambda r: (r[0], r[1], r[2], r[3]))
    with open(ROOT / "data/evidence.csv", encoding="utf-8") as handle:
        last = max((int(r["evidence_id"].split("-")[1]) for r in csv.DictReader(handle)), default=0)
    with (
        open(ROOT / "data/evidence.csv", "a", encoding="utf-8", newline="") as out,
        open(ROOT / "data/evidence_columns.csv", "a", encoding="utf-8", newline="") as cols,
    ):
        ev, ec = csv.writer(out, lineterminator="\n"), csv.writer(cols, lineterminator="\n")
        for n, (table, record, source, excerpt, notes, columns) in enumerate(rows, start=last + 1):
            evidence_id = f"evid-{n:05d}"
            ev.writerow([evidence_id, table, record, source, excerpt, notes])
            for column in sorted(set(columns)):
                ec.writerow([evidence_id, column])
    print(
        f"{len(rows)} pieces of evidence; refused (url not the source's): {len(refused)}; columns dropped: {len(dropped)}",
        file=sys.stderr,
    )
    for item in refused + dropped:
        print("  ", item, file=sys.stderr)


if __name__ == "__main__":
    main()
