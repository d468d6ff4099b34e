"""Import staged statements (research/<batch>/, batches named on the command line, as
BRIEF-24-statements.md asks) into data/: statements, statement_sectors, new actors, sources,
evidence and evidence_columns. Run from the repository root; then `pressure-tracker fmt` and
`validate`.

Rules, as in import_staged.py and import_events.py (research/staging.py holds what they share):
- A statement with no evidence, or whose day no excerpt states, is left out; so is one the data
  holds already (same actor, day and quote or summary).
- A quote is kept only when it has at most 25 words and appears word for word (typographic quotes
  and white space aside) in one of the statement's excerpts, as the validation rule requires.
- Links are kept only when they name a held event (and the statement falls within its days, or the
  day after), a held package or a held jurisdiction; vocabularies are kept only when valid.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_second import normalised
from staging import (
    DATA,
    ROOT,
    Actors,
    Ids,
    Sources,
    append,
    append_evidence,
    checked,
    evidence_rows,
    next_number,
    read,
)

FOUND_FOR = "the statements of the diplomatic record (issue 24)"
RENAMED = {"actor_name": "actor_id", "event": "event_id", "package": "package_id"}


def vocabulary(table: str, column: str) -> set[str]:
    fields = yaml.safe_load((ROOT / "schemas" / f"{table}.yaml").read_text())["fields"]
    field = next(f for f in fields if f["name"] == column)
    return set(field.get("constraints", {}).get("enum", []))


def main() -> None:
    sources, actors = Sources(), Actors()
    events = {e["event_id"]: e for e in read(DATA / "events.csv")}
    packages = {p["package_id"] for p in read(DATA / "sanctions_packages.csv")}
    jurisdictions = {j["jurisdiction_id"] for j in read(DATA / "jurisdictions.csv")}
    sectors = {s["sector_id"] for s in read(DATA / "sectors.csv")}
    said = {
        (s["actor_id"], s["made_on"], text)
        for s in read(DATA / "statements.csv")
        for text in (normalised(s["quote"]).lower(), normalised(s["summary"]).lower())
        if text
    }
    held = Held(events, packages, jurisdictions)
    ids = Ids("st", next_number(DATA / "statements.csv", "statement_id", 4001))
    statements, links, evidence, left_out, emptied = [], [], [], [], []
    for batch in sys.argv[1:]:
        folder = ROOT / "research" / batch
        sources.add_pages(folder, FOUND_FOR)
        claims = sources.claims(folder)
        staged_sectors: dict[str, list[str]] = {}
        for row in read(folder / "sectors.csv"):
            staged_sectors.setdefault(row["statement"], []).append(row["sector_id"])
        for s in read(folder / "statements.csv"):
            record = s["statement"]
            if not claims.get(record):
                left_out.append(f"{record} (no evidence)")
                continue
            day = checked(record, s, claims, ("made_on",), emptied)["made_on"]
            if not day or s["statement_type"] not in vocabulary("statements", "statement_type"):
                left_out.append(f"{record} (no day an excerpt states, or no type)")
                continue
            source_id = sources.main_source(claims[record])
            actor_id = actors.find_or_add(
                s["actor_name"],
                s["actor_country"],
                source_id,
                f"Added with {batch}.",
                s["actor_type"],
            )
            quote = _quote(s["quote"], claims[record])
            texts = {normalised(t).lower() for t in (quote, s["summary"]) if t}
            if any((actor_id, day, t) in said for t in texts):
                left_out.append(f"{record} (held already)")
                continue
            said |= {(actor_id, day, t) for t in texts}
            statement_id = ids.take()
            statements.append(_row(statement_id, s, day, actor_id, quote, source_id, held))
            links += [
                {"statement_id": statement_id, "sector_id": sector}
                for sector in dict.fromkeys(staged_sectors.get(record, []))
                if sector in sectors
            ]
            evidence += evidence_rows("statements", statement_id, claims[record], RENAMED)
    cited = {e[2] for e in evidence} | {r["source_id"] for r in (*statements, *actors.new)}
    new_sources = sources.write(cited)
    append(DATA / "actors.csv", actors.new)
    append(DATA / "statements.csv", statements)
    append(DATA / "statement_sectors.csv", links)
    append_evidence(evidence)
    print(
        f"{len(statements)} statements, {len(links)} sector links, {len(actors.new)} new actors, "
        f"{new_sources} new sources, {len(evidence)} pieces of evidence; left out: "
        f"{len(left_out)}; values emptied: {len(emptied)}",
        file=sys.stderr,
    )
    for item in left_out:
        print("   left out", item, file=sys.stderr)


class Held:
    """What a statement may link to."""

    def __init__(self, events: dict, packages: set[str], jurisdictions: set[str]) -> None:
        self.events, self.packages, self.jurisdictions = events, packages, jurisdictions

    def event(self, event_id: str, day: str) -> str:
        event = self.events.get(event_id)
        if event is None:
            return ""
        last = dt.date.fromisoformat(event["ends_on"] or event["starts_on"])
        day_after = (last + dt.timedelta(days=1)).isoformat()
        return event_id if event["starts_on"] <= day <= day_after else ""


def _quote(quote: str, claims: list[dict]) -> str:
    """The quote, if short and word for word in one of the statement's excerpts; else empty."""
    if not quote or len(quote.split()) > 25:
        return ""
    wanted = normalised(quote)
    return quote if any(wanted in normalised(c["excerpt"]) for c in claims) else ""


def _row(
    statement_id: str, s: dict, day: str, actor_id: str, quote: str, source_id: str, held: Held
) -> dict:
    office = (
        s["office_level"] if s["office_level"] in vocabulary("statements", "office_level") else ""
    )
    topic = s["topic"] if s["topic"] in vocabulary("statements", "topic") else "other"
    addressee = s["addressee_jurisdiction_id"]
    return {
        "statement_id": statement_id,
        "made_on": day,
        "actor_id": actor_id,
        "role_at_time": s["role_at_time"],
        "office_level": office,
        "event_id": held.event(s["event"], day),
        "package_id": s["package"] if s["package"] in held.packages else "",
        "addressee_jurisdiction_id": addressee if addressee in held.jurisdictions else "",
        "addressee_actor_id": "",
        "topic": topic,
        "statement_type": s["statement_type"],
        "summary": s["summary"],
        "quote": quote,
        "source_id": source_id,
        "notes": s["notes"],
    }


if __name__ == "__main__":
    main()
