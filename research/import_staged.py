"""Import the staged US, UK and EU actions (research/<batch>/, batches named on the command line)
into data/: sanctions_packages, measures, legal_acts, sources, evidence and evidence_columns. Run
from the repository root; then `pressure-tracker fmt` and `validate`.

Rules, so that no row and no value lands without the excerpt that states it:
- An action already in the data (`existing_id`) is left as it is, with its measures and acts.
- A row with no evidence is left out. A date or a number is kept only when an excerpt claiming its
  column states it in a form the checkability report reads (reports/verifiable.py): a date taken
  from a page's byline or weekday, or an excerpt that gives another date, empties the cell (and the
  excerpt no longer claims that column). A day and month given without the year count (the year is
  the researcher's reading of the page's dateline; the checkability report still counts such a date
  as not found unless the source's date gives the year). What was emptied is printed.
- Measures are numbered in their action's order (record `<action>/m1`, ...) and legal acts likewise
  (`<action>/act1`); they get IDs from ms-6001 and act-6001. A BIS "rule" is an act of type other.
- Sources are matched to those held by url (tracking parameters aside); new pages get IDs after the
  highest held, accessed 2026-12-06, titled by their address's words when no headline was copied.
  Pages from sites that do not name their publisher or republish others' text are left out, as in
  import_second.py. A row's main source is its first excerpt's page, an official one if it has one.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd
import yaml

from pressure_tracker.reports.verifiable import date_found, number_found

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_second import WEAK_SITES, plain, slug_title  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
ACCESSED = "2026-12-06"
DATES = (
    "announced_on",
    "agreed_on",
    "adopted_on",
    "published_on",
    "in_force_on",
    "effective_on",
    "ends_on",
)
NUMBERS = ("quantity", "number")
PACKAGE_DATES = ("adopted_on", "agreed_on", "announced_on", "published_on", "in_force_on")
ACT_TYPES = (
    "regulation",
    "implementing_regulation",
    "decision",
    "implementing_decision",
    "executive_order",
    "determination",
    "general_license",
    "statutory_instrument",
    "ordinance",
    "decree",
)
JURISDICTIONS = {
    "ca": "Canada",
    "ch": "Switzerland",
    "jp": "Japan and the export-control partners",
    "au": "Australia",
    "nz": "New Zealand",
    "no": "Norway and the states aligned with the EU",
    "ua": "Ukraine",
}
OFFICIAL = ("official", "legal_text")
UNTITLED = "[headline not recorded]"


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def append(path: Path, rows: list[dict[str, str]]) -> None:
    fields = read(path)[0].keys() if path.stat().st_size else rows[0].keys()
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, list(fields), lineterminator="\n").writerows(rows)


def stated(column: str, value: str, excerpt: str) -> bool:
    if column in DATES:
        # The day and month must be in the excerpt; a year it leaves out is the researcher's
        # reading of the page (its dateline), which the checkability report counts as not found.
        day = pd.Timestamp(value)
        return date_found(day, excerpt, day)
    if column in NUMBERS:
        return number_found(float(value), excerpt)
    return True


class Ids:
    def __init__(self, prefix: str, start: int) -> None:
        self.prefix, self.next = prefix, start

    def take(self) -> str:
        self.next += 1
        return f"{self.prefix}-{self.next - 1:04d}"


def main() -> None:
    held_sources = read(DATA / "sources.csv")
    by_url = {plain(s["url"]): s["source_id"] for s in held_sources if s["url"]}
    source_type = {s["source_id"]: s["source_type"] for s in held_sources}
    source_ids = Ids("src", max(int(s["source_id"].split("-")[1]) for s in held_sources) + 1)
    measure_ids = Ids("ms", _next_number(DATA / "measures.csv", "measure_id", 6001))
    act_ids = Ids("act", _next_number(DATA / "legal_acts.csv", "act_id", 6001))
    held_packages = {p["package_id"]: p for p in read(DATA / "sanctions_packages.csv")}
    filled: list[tuple[str, str, str]] = []
    packages, measures, acts, new_sources, evidence, emptied, dropped = [], [], [], [], [], [], []
    for batch in sys.argv[1:]:
        folder = ROOT / "research" / batch
        pages = {}
        for page in read(folder / "sources.csv"):
            key = plain(page["url"])
            if key in by_url or any(site in page["url"] for site in WEAK_SITES):
                continue
            title = re.sub(r"\s+", " ", page["title"]).strip() or slug_title(page["url"])
            title = title or UNTITLED  # an address without words: say so rather than lose the page
            source_id = source_ids.take()
            by_url[key] = source_id
            source_type[source_id] = page["source_type"] or "news"
            notes = f"Found for the record of {JURISDICTIONS.get(batch[:2], 'the US, UK and EU')} ({batch})."
            if title == UNTITLED:
                notes += " The page's headline was not copied and its address has no words."
            elif not page["title"].strip():
                notes += " Title as given in the page address."
            pages[source_id] = {
                "source_id": source_id,
                "publisher": page["publisher"].strip() or re.sub(r"^www\.", "", key.split("/")[2]),
                "title": title,
                "url": page["url"].strip(),
                "published_on": "",  # bylines were not copied as excerpts: the date stays unknown
                "accessed_on": ACCESSED,
                "language": (page["language"].strip() or "en")[:2].lower(),
                "source_type": page["source_type"].strip() or "news",
                "notes": notes,
            }
        new_sources += pages.values()
        # Evidence by staged record, with its source.
        claims: dict[str, list[dict]] = defaultdict(list)
        for r in read(folder / "evidence.csv"):
            source_id = by_url.get(plain(r["url"]))
            excerpt = re.sub(r"\s+", " ", r["excerpt"]).strip().lstrip("-+=@ ")
            if source_id is None or not excerpt:
                continue
            columns = {c for c in r["columns"].split(";") if c}
            claims[r["record"]].append(
                {
                    "source_id": source_id,
                    "excerpt": excerpt,
                    "notes": r["notes"].strip(),
                    "columns": columns,
                }
            )
        actions = {a["action_id"]: a for a in read(folder / "actions.csv")}
        staged_measures, staged_acts = defaultdict(list), defaultdict(list)
        for m in read(folder / "measures.csv"):
            staged_measures[m["action_id"]].append(m)
        for a in read(folder / "legal_acts.csv"):
            staged_acts[a["action_id"]].append(a)
        for action_id, action in actions.items():
            if action["existing_id"]:
                evidence += _existing(action, claims, held_packages, emptied, filled)
                continue
            if not claims.get(action_id):
                dropped.append(action_id)
                continue
            row = _checked(action_id, action, claims, (*DATES, "number"), emptied)
            if not any(row[c] for c in DATES if c in row):
                dropped.append(f"{action_id} (no date an excerpt states)")
                continue
            packages.append(
                {
                    "package_id": action_id,
                    "jurisdiction_id": action["jurisdiction_id"],
                    "number": row["number"],
                    "title": action["title"],
                    "status": action["status"],
                    **{
                        c: row[c]
                        for c in (
                            "announced_on",
                            "agreed_on",
                            "adopted_on",
                            "published_on",
                            "in_force_on",
                        )
                    },
                    "dated_by": next((c for c in PACKAGE_DATES if row[c]), ""),
                    "summary": action["summary"],
                    "source_id": _main_source(claims[action_id], source_type),
                    "notes": action["notes"],
                }
            )
            evidence += _evidence("sanctions_packages", action_id, claims[action_id])
            first_listing = None
            for n, m in enumerate(staged_measures[action_id], start=1):
                record = f"{action_id}/m{n}"
                if not claims.get(record):
                    dropped.append(record)
                    continue
                row = _checked(record, m, claims, ("effective_on", "ends_on", "quantity"), emptied)
                qualifier = (m.get("qualifier") or "exact").strip() if row["quantity"] else ""
                if m["measure_type"] == "other" and m["unit"] == "vessels":
                    # A running total of listed vessels, not a measure: the listing's reported_total.
                    if first_listing is not None and row["quantity"]:
                        first_listing["reported_total"] = row["quantity"]
                        first_listing["total_qualifier"] = qualifier
                        evidence += _evidence(
                            "measures",
                            first_listing["measure_id"],
                            claims[record],
                            "reported_total",
                        )
                    continue
                notes = m["notes"]
                measure_type = m["measure_type"]
                if measure_type == "vessel_listing" and not row["quantity"]:
                    measure_type = "other"  # vessel listings carry their count; without one, other
                if row["quantity"] and not m["unit"]:  # a count of something the units do not name
                    notes = f"{notes} Count given by the source: {row['quantity']}.".strip()
                    row["quantity"] = qualifier = ""
                measure_id = measure_ids.take()
                measures.append(
                    {
                        "measure_id": measure_id,
                        "package_id": action_id,
                        "sector_id": m["sector_id"],
                        "measure_type": measure_type,
                        "description": m["description"],
                        "quantity": row["quantity"],
                        "quantity_qualifier": qualifier,
                        "unit": m["unit"] if row["quantity"] else "",
                        "reported_total": "",
                        "total_qualifier": "",
                        "effective_on": row["effective_on"],
                        "ends_on": row["ends_on"],
                        "replaces_measure_id": "",
                        "source_id": _main_source(claims[record], source_type),
                        "notes": notes,
                    }
                )
                if measure_type == "vessel_listing" and first_listing is None:
                    first_listing = measures[-1]
                evidence += _evidence("measures", measure_id, claims[record])
            for n, a in enumerate(staged_acts[action_id], start=1):
                record = f"{action_id}/act{n}"
                if not claims.get(record):
                    dropped.append(record)
                    continue
                row = _checked(record, a, claims, ("published_on",), emptied)
                act_id = act_ids.take()
                acts.append(
                    {
                        "act_id": act_id,
                        "package_id": action_id,
                        "identifier": a["identifier"],
                        "act_type": a["act_type"] if a["act_type"] in ACT_TYPES else "other",
                        "published_on": row["published_on"],
                        "url": a["url"],
                        "source_id": _main_source(claims[record], source_type),
                        "notes": "A final rule of the Bureau of Industry and Security."
                        if a["act_type"] == "rule"
                        else "",
                    }
                )
                evidence += _evidence("legal_acts", act_id, claims[record])
    # A page whose rows were all left out (no excerpt, no date) is not a source.
    cited = {e[2] for e in evidence} | {r["source_id"] for r in (*packages, *measures, *acts)}
    new_sources = [s for s in new_sources if s["source_id"] in cited]
    append(DATA / "sources.csv", new_sources)
    _rewrite(DATA / "sanctions_packages.csv", list(held_packages.values()))
    append(DATA / "sanctions_packages.csv", packages)
    append(DATA / "measures.csv", measures)
    append(DATA / "legal_acts.csv", acts)
    _append_evidence(evidence)
    print(
        f"{len(packages)} packages, {len(measures)} measures, {len(acts)} legal acts, "
        f"{len(new_sources)} new sources, {len(evidence)} pieces of evidence; "
        f"left out without evidence: {len(dropped)}; values emptied: {len(emptied)}",
        file=sys.stderr,
    )
    for item in emptied:
        print("   emptied", *item, file=sys.stderr)
    for item in filled:
        print("   filled in a held package", *item, file=sys.stderr)
    for item in dropped:
        print("   no evidence", item, file=sys.stderr)


def _next_number(path: Path, column: str, floor: int) -> int:
    return max([floor - 1, *(int(r[column].split("-")[1]) for r in read(path))]) + 1


def _rewrite(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _existing(
    action: dict, claims: dict, held: dict[str, dict], emptied: list, filled: list
) -> list[tuple]:
    """Evidence for an action the data already holds, and its empty dates and number filled where
    an excerpt states them (a held value is never changed). A package given its adoption date is
    then dated by it, as the model prefers (views/PACKAGE_DATES)."""
    package = held.get(action["existing_id"])
    staged = claims.get(action["action_id"], [])
    if package is None or not staged:
        return []
    row = _checked(action["action_id"], action, claims, (*PACKAGE_DATES, "number"), emptied)
    for column, value in row.items():
        if value and not package[column] and (column != "adopted_on" or package["status"] == "adopted"):
            package[column] = value  # only an adopted package has an adoption date
            filled.append((package["package_id"], column, value))
            package["dated_by"] = next((c for c in PACKAGE_DATES if package[c]), "")
    return _evidence("sanctions_packages", package["package_id"], staged)


def _checked(record: str, row: dict, claims: dict, columns: tuple[str, ...], emptied: list) -> dict:
    """The row's values of `columns`, each kept only if an excerpt claiming it states it; claims
    that do not state their value are withdrawn from the excerpt."""
    kept = {}
    for column in columns:
        value = row.get(column, "")
        if not value:
            kept[column] = ""
            continue
        claiming = [c for c in claims[record] if column in c["columns"]]
        for claim in claiming:
            if not stated(column, value, claim["excerpt"]):
                claim["columns"].discard(column)
        if any(column in c["columns"] for c in claiming):
            kept[column] = value
        else:
            kept[column] = ""
            emptied.append((record, column, value))
    return kept


def _main_source(claims: list[dict], source_type: dict[str, str]) -> str:
    official = [c["source_id"] for c in claims if source_type.get(c["source_id"]) in OFFICIAL]
    return (official or [claims[0]["source_id"]])[0]


def _evidence(table: str, record_id: str, claims: list[dict], as_column: str = "") -> list[tuple]:
    """The staged claims as evidence of `record_id`; `as_column` renames a quantity claim."""
    renamed = {"quantity": as_column} if as_column else {}
    return [
        (
            table,
            record_id,
            c["source_id"],
            c["excerpt"],
            c["notes"],
            {renamed.get(col, col) for col in c["columns"]},
        )
        for c in claims
    ]


def _append_evidence(evidence: list[tuple]) -> None:
    fields = {
        t: {
            f["name"]
            for f in yaml.safe_load((ROOT / "schemas" / f"{t}.yaml").read_text())["fields"]
        }
        for t in ("sanctions_packages", "measures", "legal_acts")
    }
    held = {
        (r["table_name"], r["record_id"], r["source_id"], r["excerpt"])
        for r in read(DATA / "evidence.csv")
    }
    merged: dict[tuple, tuple[str, set[str]]] = {}
    for table, record, source, excerpt, notes, columns in evidence:
        if (table, record, source, excerpt) in held:
            continue  # already evidence of that record
        old_notes, old_columns = merged.get((table, record, source, excerpt), ("", set()))
        merged[(table, record, source, excerpt)] = (
            "; ".join(n for n in (old_notes, notes) if n),
            old_columns | {c for c in columns if c in fields[table]},
        )
    last = max(int(r["evidence_id"].split("-")[1]) for r in read(DATA / "evidence.csv"))
    with (
        (DATA / "evidence.csv").open("a", encoding="utf-8", newline="") as ev,
        (DATA / "evidence_columns.csv").open("a", encoding="utf-8", newline="") as ec,
    ):
        ev_writer, ec_writer = (
            csv.writer(ev, lineterminator="\n"),
            csv.writer(ec, lineterminator="\n"),
        )
        for n, ((table, record, source, excerpt), (notes, columns)) in enumerate(
            merged.items(), start=last + 1
        ):
            ev_writer.writerow([f"evid-{n:05d}", table, record, source, excerpt, notes[:2000]])
            for column in sorted(columns):
                ec_writer.writerow([f"evid-{n:05d}", column])


if __name__ == "__main__":
    main()
