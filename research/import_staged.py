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
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from staging import (
    DATA,
    DATES,
    ROOT,
    Ids,
    Sources,
    append,
    append_evidence,
    checked,
    evidence_rows,
    next_number,
    read,
)

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


def main() -> None:
    sources = Sources()
    measure_ids = Ids("ms", next_number(DATA / "measures.csv", "measure_id", 6001))
    act_ids = Ids("act", next_number(DATA / "legal_acts.csv", "act_id", 6001))
    held_packages = {p["package_id"]: p for p in read(DATA / "sanctions_packages.csv")}
    filled: list[tuple[str, str, str]] = []
    packages, measures, acts, evidence, emptied, dropped = [], [], [], [], [], []
    for batch in sys.argv[1:]:
        folder = ROOT / "research" / batch
        sources.add_pages(
            folder, f"the record of {JURISDICTIONS.get(batch[:2], 'the US, UK and EU')}"
        )
        # Evidence by staged record, with its source.
        claims = sources.claims(folder)
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
            row = checked(action_id, action, claims, (*DATES, "number"), emptied)
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
                    "source_id": sources.main_source(claims[action_id]),
                    "notes": action["notes"],
                }
            )
            evidence += evidence_rows("sanctions_packages", action_id, claims[action_id])
            first_listing = None
            for n, m in enumerate(staged_measures[action_id], start=1):
                record = f"{action_id}/m{n}"
                if not claims.get(record):
                    dropped.append(record)
                    continue
                row = checked(record, m, claims, ("effective_on", "ends_on", "quantity"), emptied)
                qualifier = (m.get("qualifier") or "exact").strip() if row["quantity"] else ""
                if m["measure_type"] == "other" and m["unit"] == "vessels":
                    # A running total of listed vessels, not a measure: the listing's reported_total.
                    if first_listing is not None and row["quantity"]:
                        first_listing["reported_total"] = row["quantity"]
                        first_listing["total_qualifier"] = qualifier
                        evidence += evidence_rows(
                            "measures",
                            first_listing["measure_id"],
                            claims[record],
                            {"quantity": "reported_total"},
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
                        "source_id": sources.main_source(claims[record]),
                        "notes": notes,
                    }
                )
                if measure_type == "vessel_listing" and first_listing is None:
                    first_listing = measures[-1]
                evidence += evidence_rows("measures", measure_id, claims[record])
            for n, a in enumerate(staged_acts[action_id], start=1):
                record = f"{action_id}/act{n}"
                if not claims.get(record):
                    dropped.append(record)
                    continue
                row = checked(record, a, claims, ("published_on",), emptied)
                act_id = act_ids.take()
                acts.append(
                    {
                        "act_id": act_id,
                        "package_id": action_id,
                        "identifier": a["identifier"],
                        "act_type": a["act_type"] if a["act_type"] in ACT_TYPES else "other",
                        "published_on": row["published_on"],
                        "url": a["url"],
                        "source_id": sources.main_source(claims[record]),
                        "notes": "A final rule of the Bureau of Industry and Security."
                        if a["act_type"] == "rule"
                        else "",
                    }
                )
                evidence += evidence_rows("legal_acts", act_id, claims[record])
    # A page whose rows were all left out (no excerpt, no date) is not a source.
    cited = {e[2] for e in evidence} | {r["source_id"] for r in (*packages, *measures, *acts)}
    new_sources = sources.write(cited)
    _rewrite(DATA / "sanctions_packages.csv", list(held_packages.values()))
    append(DATA / "sanctions_packages.csv", packages)
    append(DATA / "measures.csv", measures)
    append(DATA / "legal_acts.csv", acts)
    append_evidence(evidence)
    print(
        f"{len(packages)} packages, {len(measures)} measures, {len(acts)} legal acts, "
        f"{new_sources} new sources, {len(evidence)} pieces of evidence; "
        f"left out without evidence: {len(dropped)}; values emptied: {len(emptied)}",
        file=sys.stderr,
    )
    for item in emptied:
        print("   emptied", *item, file=sys.stderr)
    for item in filled:
        print("   filled in a held package", *item, file=sys.stderr)
    for item in dropped:
        print("   no evidence", item, file=sys.stderr)


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
    row = checked(action["action_id"], action, claims, (*PACKAGE_DATES, "number"), emptied)
    for column, value in row.items():
        if (
            value
            and not package[column]
            and (column != "adopted_on" or package["status"] == "adopted")
        ):
            package[column] = value  # only an adopted package has an adoption date
            filled.append((package["package_id"], column, value))
            package["dated_by"] = next((c for c in PACKAGE_DATES if package[c]), "")
    return evidence_rows("sanctions_packages", package["package_id"], staged)


if __name__ == "__main__":
    main()
