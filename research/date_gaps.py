"""Write the date cells that no excerpt states (dist/qa.json's `not_found`, from `make build`) as
back-fill batches for BRIEF-second.md: one JSON object a line, a group per table and day, so that
one look-up can serve every row of that day. Usage, from the repository root:

    python research/date_gaps.py statements made_on research/backfill/dates-statements 2
    python research/date_gaps.py events starts_on,ends_on research/backfill/dates-events 1

writes <prefix>-1.jsonl ... <prefix>-N.jsonl (days split evenly, oldest first), leaving out the
records that an earlier dates-*.jsonl batch already searched for. With a fifth argument `again`,
those records are kept, each group carrying the queries already run for it, so that a later pass
tries other pages (BRIEF-dates-year.md, fourth pass). Each row lists as `day_without_year` the
held excerpts that state its day but not the year (the fifth pass dates their page first)."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd

from pressure_tracker.reports.verifiable import date_found

KEYS = {
    "statements": "statement_id",
    "events": "event_id",
    "sanctions_packages": "package_id",
    "legal_acts": "act_id",
    "measures": "measure_id",
}


def gaps(table: str, columns: set[str]) -> dict[str, dict[str, str]]:
    """record_id -> {column: value} of the dates no supporting excerpt states."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for cell in json.loads(Path("dist/qa.json").read_text())["not_found"]:
        if cell["table"] == table and cell["column"] in columns:
            found[cell["record_id"]][cell["column"]] = cell["value"]
    return found


def groups(table: str, missing: dict[str, dict[str, str]]) -> list[dict]:
    rows = pd.read_csv(f"data/{table}.csv", dtype=str, keep_default_na=False)
    rows = rows[rows[KEYS[table]].isin(missing)]
    sources = pd.read_csv("data/sources.csv", dtype=str, keep_default_na=False).set_index("source_id")
    evidence = pd.read_csv("data/evidence.csv", dtype=str, keep_default_na=False)
    evidence = evidence[evidence.table_name == table]
    # A group is a day: the earliest date a record lacks, so one look-up can serve its neighbours.
    rows = rows.assign(_day=rows[KEYS[table]].map(lambda r: min(missing[r].values())))
    out = []
    for day, day_rows in sorted(rows.groupby("_day"), key=lambda kv: kv[0]):
        tried = sorted({sources.at[s, "url"] for s in evidence[evidence.record_id.isin(day_rows[KEYS[table]])].source_id})
        out.append({
            "group": f"{table}-{day}",
            "pages_already_tried": tried,
            "rows": [
                {"table": table, "record_id": r[KEYS[table]], "dates_to_find": sorted(missing[r[KEYS[table]]]),
                 "values": {k: v for k, v in r.items() if v and k not in ("notes", "source_id", "_day", KEYS[table])},
                 "day_without_year": yearless(evidence[evidence.record_id == r[KEYS[table]]], missing[r[KEYS[table]]], sources)}
                for r in day_rows.to_dict("records")
            ],
        })
    return out


def yearless(evidence: pd.DataFrame, dates: dict[str, str], sources: pd.DataFrame) -> list[dict]:
    """The held excerpts that state a missing day but not its year: dating their page (its own date
    line) or finding the same words on a dated page is then enough."""
    out = []
    for excerpt, source in zip(evidence.excerpt, evidence.source_id):
        days = [c for c, v in dates.items() if date_found(pd.Timestamp(v), excerpt, pd.Timestamp(v).year)]
        if days:
            out.append({"columns": days, "url": sources.at[source, "url"], "excerpt": excerpt})
    return out


def tried() -> set[str]:
    """Records an earlier dates batch already searched for: a second search rarely finds more, and
    the look-up budget is better spent on records never searched."""
    searched: set[str] = set()  # groups that a batch's lookups.csv records
    for lookups in Path("research/backfill").glob("dates-*/lookups.csv"):
        log = pd.read_csv(lookups, dtype=str)
        searched |= set(log.group[log.status.isin(["found", "not found"])])  # not refused ones
    seen: set[str] = set()
    for batch in Path("research/backfill").glob("dates-*.jsonl"):
        for line in batch.read_text().splitlines():
            group = json.loads(line)
            if group["group"] in searched:
                seen |= {row["record_id"] for row in group["rows"]}
    return seen


def queries_run() -> dict[str, list[str]]:
    """record_id -> the queries earlier dates batches ran for the group it was in."""
    by_group: dict[str, list[str]] = defaultdict(list)
    for lookups in Path("research/backfill").glob("dates-*/lookups.csv"):
        log = pd.read_csv(lookups, dtype=str, keep_default_na=False)
        for group, query in zip(log.group, log["query"]):
            by_group[group].append(query)
    runs: dict[str, list[str]] = defaultdict(list)
    for batch in Path("research/backfill").glob("dates-*.jsonl"):
        for line in batch.read_text().splitlines():
            group = json.loads(line)
            for row in group.get("rows", []):  # source-date batches list pages, not rows
                runs[row["record_id"]] += by_group.get(group["group"], [])
    return runs


def main() -> None:
    table, columns, prefix, parts = sys.argv[1], set(sys.argv[2].split(",")), sys.argv[3], int(sys.argv[4])
    again = sys.argv[5:] == ["again"]
    missing = gaps(table, columns)
    skip = set() if again else tried() & set(missing)
    print(f"{len(missing)} records lack a found date; {len(skip)} were searched before and are left out")
    found = groups(table, {r: v for r, v in missing.items() if r not in skip})
    if again:
        runs = queries_run()
        for group in found:
            group["queries_already_run"] = sorted({q for r in group["rows"] for q in runs[r["record_id"]]})
    size = -(-len(found) // parts)
    for i in range(parts):
        chunk = found[i * size:(i + 1) * size]
        Path(f"{prefix}-{i + 1}.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in chunk))
        print(f"{prefix}-{i + 1}.jsonl: {len(chunk)} days, {sum(len(g['rows']) for g in chunk)} rows")


if __name__ == "__main__":
    main()
