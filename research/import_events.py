"""Import the staged diplomatic record (research/<batch>/, batches named on the command line, as
BRIEF-24.md asks) into data/: events, event_figures, event_participants, new actors, sources,
evidence and evidence_columns. Run from the repository root; then `pressure-tracker fmt` and
`validate`.

Rules, as in import_staged.py (research/staging.py holds what they share):
- A row with no evidence is left out; a date or number is kept only when an excerpt claiming its
  column states it. An event whose start no excerpt states is left out, with its figures and
  participants. What was emptied or left out is printed.
- Staged events get IDs after the highest held (ev-NNNN); a staged parent is mapped to its new ID,
  a held `ev-` parent is kept. A row staged under a held event's ID adds its evidence and fills
  its empty exchange number and parent where an excerpt states them; a held value never changes.
- Figures: one row per event, figure, party and counting side (the first is kept when a batch gives
  two); a side whose number no source gives gets a row with an empty value and a note saying so,
  since every figure has two sides.
- Participants: a person or organisation already held is matched by name or by the name's letters
  (Orbán is Orban); a new one becomes an actor cited by its first excerpt.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from staging import (
    DATA,
    ROOT,
    Actors,
    Claims,
    Ids,
    Sources,
    append,
    append_evidence,
    checked,
    evidence_rows,
    next_number,
    read,
)

FOUND_FOR = "the diplomatic record (issue 24)"


class Record:
    """What the import adds, and what it leaves out."""

    def __init__(self) -> None:
        self.events: list[dict] = []
        self.figures: list[dict] = []
        self.participants: list[dict] = []
        self.evidence: list[tuple] = []
        self.emptied: list[tuple] = []
        self.dropped: list[str] = []
        self.filled: list[tuple] = []


def main() -> None:
    sources, actors, out = Sources(), Actors(), Record()
    held = {e["event_id"]: e for e in read(DATA / "events.csv")}
    held_figures = {
        (f["event_id"], f["figure"], f["party"], f["counted_by"])
        for f in read(DATA / "event_figures.csv")
    }
    held_participants = {
        (p["event_id"], p["actor_id"]) for p in read(DATA / "event_participants.csv")
    }
    event_ids = Ids("ev", next_number(DATA / "events.csv", "event_id", 3001))
    for batch in sys.argv[1:]:
        folder = ROOT / "research" / batch
        sources.add_pages(folder, FOUND_FOR)
        claims = sources.claims(folder)
        ids = _events(folder, claims, sources, held, event_ids, out)
        _figures(folder, claims, sources, ids, held_figures, out)
        _participants(folder, claims, sources, actors, ids, held_participants, out)
    cited = {e[2] for e in out.evidence} | {
        r["source_id"] for r in (*out.events, *out.figures, *out.participants, *actors.new)
    }
    new_sources = sources.write(cited)
    _rewrite_events(list(held.values()) + out.events)
    append(DATA / "event_figures.csv", out.figures)
    append(DATA / "actors.csv", actors.new)
    append(DATA / "event_participants.csv", out.participants)
    append_evidence(out.evidence)
    print(
        f"{len(out.events)} events, {len(out.figures)} figures, {len(out.participants)} "
        f"participants, {len(actors.new)} new actors, {new_sources} new sources, "
        f"{len(out.evidence)} pieces of evidence; left out: {len(out.dropped)}; "
        f"values emptied: {len(out.emptied)}",
        file=sys.stderr,
    )
    for item in out.emptied:
        print("   emptied", *item, file=sys.stderr)
    for item in out.filled:
        print("   filled in a held event", *item, file=sys.stderr)
    for item in out.dropped:
        print("   left out", item, file=sys.stderr)


def _events(
    folder: Path, claims: Claims, sources: Sources, held: dict, ids: Ids, out: Record
) -> dict[str, str]:
    """Add the batch's events; the new ID of each staged event kept (held IDs map to themselves)."""
    staged = read(folder / "events.csv")
    columns = ("starts_on", "ends_on", "exchange_number")
    mapped = {e["event"]: e["event"] for e in staged if e["event"] in held}
    rows = {}
    for e in staged:
        record = e["event"]
        if record not in held and not claims.get(record):
            out.dropped.append(f"{record} (no evidence)")
            continue
        rows[record] = checked(record, e, claims, columns, out.emptied)
        if record in held:
            continue
        if not rows[record]["starts_on"]:
            out.dropped.append(f"{record} (no start an excerpt states)")
            continue
        mapped[record] = ids.take()
    for e in staged:
        record = e["event"]
        if record not in mapped:
            continue
        row = rows[record]
        parent = mapped.get(e["parent"], e["parent"] if e["parent"] in held else "")
        if record in held:
            _fill_held(held[record], row, parent, out)
        else:
            out.events.append(
                {
                    "event_id": mapped[record],
                    "event_type": e["event_type"],
                    "title": e["title"],
                    "starts_on": row["starts_on"],
                    "ends_on": row["ends_on"] if row["ends_on"] != row["starts_on"] else "",
                    "location": e["location"],
                    "summary": e["summary"],
                    "outcome": e["outcome"],
                    "parent_event_id": parent,
                    "exchange_number": row["exchange_number"],
                    "source_id": sources.main_source(claims[record]),
                    "notes": e["notes"],
                }
            )
        renamed = {"parent": "parent_event_id"}
        out.evidence += evidence_rows("events", mapped[record], claims[record], renamed)
    return mapped


def _fill_held(event: dict, row: dict, parent: str, out: Record) -> None:
    for column, value in (("exchange_number", row["exchange_number"]), ("parent_event_id", parent)):
        if value and not event.get(column):
            event[column] = value
            out.filled.append((event["event_id"], column, value))


def _figures(
    folder: Path, claims: Claims, sources: Sources, ids: dict, held: set, out: Record
) -> None:
    per_event: dict[str, list[dict]] = defaultdict(list)
    for f in read(folder / "figures.csv"):
        per_event[f["event"]].append(f)
    for staged_id, figures in per_event.items():
        if staged_id not in ids:
            continue
        event_id, kept = ids[staged_id], []
        for n, f in enumerate(figures, start=1):
            record = f"{staged_id}/fig{n}"
            if not claims.get(record):
                out.dropped.append(record)
                continue
            row = checked(record, f, claims, ("value",), out.emptied)
            key = (event_id, f["figure"], f["party"], f["counted_by"] or "not_attributed")
            if key in held:
                continue
            held.add(key)
            kept.append(key)
            staged = dict(f)
            if f["value"] and not row["value"]:  # a sum, or a count in words: not checkable
                staged["notes"] = (
                    f"{f['notes']} The research gave {f['value']}, which no excerpt states as a "
                    "number (a sum of two counts, or a count in words): left empty."
                ).strip()
            out.figures.append(
                _figure(key, row["value"], staged, sources.main_source(claims[record]))
            )
            record_id = "/".join(key)
            out.evidence += evidence_rows("event_figures", record_id, claims[record])
        _other_sides(kept, held, out)


def _figure(key: tuple, value: str, staged: dict, source_id: str) -> dict:
    event_id, figure, party, counted_by = key
    notes = staged["notes"]
    if not value and not staged.get("value"):
        notes = (notes + " No source found states this side's number.").strip()
    return {
        "event_id": event_id,
        "figure": figure,
        "party": party,
        "value": value,
        "qualifier": (staged["qualifier"] or "exact") if value else "",
        "counted": staged["counted"] or "unspecified",
        "counted_by": counted_by,
        "source_id": source_id,
        "notes": notes,
    }


def _other_sides(kept: list[tuple], held: set, out: Record) -> None:
    """Every figure has two sides: a side no source counts gets an empty row that says so."""
    for event_id, figure, party, _ in kept:
        other = "RU" if party == "UA" else "UA"
        if any(k[0] == event_id and k[1] == figure and k[2] == other for k in held):
            continue
        key = (event_id, figure, other, "not_attributed")
        held.add(key)
        source = next(f["source_id"] for f in out.figures if f["event_id"] == event_id)
        staged = {"notes": "", "qualifier": "", "counted": "unspecified"}
        out.figures.append(_figure(key, "", staged, source))


def _participants(
    folder: Path,
    claims: Claims,
    sources: Sources,
    actors: Actors,
    ids: dict,
    held: set,
    out: Record,
) -> None:
    per_event: dict[str, list[dict]] = defaultdict(list)
    for p in read(folder / "participants.csv"):
        per_event[p["event"]].append(p)
    for staged_id, people in per_event.items():
        if staged_id not in ids:
            continue
        for n, p in enumerate(people, start=1):
            record = f"{staged_id}/p{n}"
            if not claims.get(record):
                out.dropped.append(record)
                continue
            source_id = sources.main_source(claims[record])
            note = f"Added with the diplomatic record ({folder.name})."
            actor_id = actors.find_or_add(p["actor_name"], p["country"], source_id, note)
            key = (ids[staged_id], actor_id)
            if key in held:
                continue
            held.add(key)
            out.participants.append(
                {
                    "event_id": key[0],
                    "actor_id": actor_id,
                    "role": p["role"],
                    "source_id": source_id,
                }
            )
            renamed = {"actor_name": "actor_id"}
            out.evidence += evidence_rows(
                "event_participants", "/".join(key), claims[record], renamed
            )


def _rewrite_events(rows: list[dict]) -> None:
    import csv

    fields = list(read(DATA / "events.csv")[0])
    with (DATA / "events.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows({f: r.get(f, "") for f in fields} for r in rows)


if __name__ == "__main__":
    main()
