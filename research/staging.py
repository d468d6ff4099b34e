"""What the importers of research batches share: the batch's pages as sources, its excerpts as
claims on staged records, the rule that a date or number is kept only when an excerpt claiming it
states it, and the appending of evidence. Used by import_staged.py (sanctions actions) and
import_events.py (the diplomatic record)."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pandas as pd
import yaml
from import_second import WEAK_SITES, excerpt_text, plain, slug_title

from pressure_tracker.reports.verifiable import date_found, number_found

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
ACCESSED = "2026-12-06"
OFFICIAL = ("official", "legal_text")
SOURCE_TYPES = ("official", "legal_text", "news", "analysis", "other")
UNTITLED = "[headline not recorded]"
DATES = (
    "announced_on",
    "agreed_on",
    "adopted_on",
    "published_on",
    "in_force_on",
    "effective_on",
    "ends_on",
    "starts_on",
)
NUMBERS = ("quantity", "number", "value", "exchange_number")

Claims = dict[str, list[dict]]


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def append(path: Path, rows: list[dict[str, str]]) -> None:
    fields = read(path)[0].keys() if path.stat().st_size else rows[0].keys()
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(fields), lineterminator="\n")
        writer.writerows({f: r.get(f, "") for f in fields} for r in rows)


def stated(column: str, value: str, excerpt: str) -> bool:
    if column in DATES:
        # The day and month must be in the excerpt; a year it leaves out is the researcher's
        # reading of the page (its dateline), which the checkability report counts as not found.
        day = pd.Timestamp(value)
        return date_found(day, excerpt, day.year)
    if column in NUMBERS:
        return number_found(float(value), excerpt)
    return True


class Ids:
    def __init__(self, prefix: str, start: int) -> None:
        self.prefix, self.next = prefix, start

    def take(self) -> str:
        self.next += 1
        return f"{self.prefix}-{self.next - 1:04d}"


def next_number(path: Path, column: str, floor: int) -> int:
    return max([floor - 1, *(int(r[column].split("-")[1]) for r in read(path))]) + 1


class Sources:
    """The held sources by page address, and the pages a batch adds (weak sites left out)."""

    def __init__(self) -> None:
        held = read(DATA / "sources.csv")
        self.by_url = {plain(s["url"]): s["source_id"] for s in held if s["url"]}
        self.kind = {s["source_id"]: s["source_type"] for s in held}
        self.ids = Ids("src", max(int(s["source_id"].split("-")[1]) for s in held) + 1)
        self.new: list[dict[str, str]] = []

    def add_pages(self, folder: Path, found_for: str) -> None:
        for page in read(folder / "sources.csv"):
            key = plain(page["url"])
            if key in self.by_url or any(site in page["url"] for site in WEAK_SITES):
                continue
            title = re.sub(r"\s+", " ", page["title"]).strip() or slug_title(page["url"])
            title = title or UNTITLED  # an address without words: say so rather than lose the page
            source_id = self.ids.take()
            self.by_url[key] = source_id
            kind = page["source_type"].strip() or "news"
            kind = kind if kind in SOURCE_TYPES else "other"  # a personal research page, say
            self.kind[source_id] = kind
            notes = f"Found for {found_for} ({folder.name})."
            if title == UNTITLED:
                notes += " The page's headline was not copied and its address has no words."
            elif not page["title"].strip():
                notes += " Title as given in the page address."
            self.new.append(
                {
                    "source_id": source_id,
                    "publisher": page["publisher"].strip()
                    or re.sub(r"^www\.", "", key.split("/")[2]),
                    "title": title,
                    "url": page["url"].strip(),
                    "published_on": "",  # bylines were not copied as excerpts: the date stays unknown
                    "accessed_on": ACCESSED,
                    "language": (page["language"].strip() or "en")[:2].lower(),
                    "source_type": kind,
                    "notes": notes,
                }
            )

    def claims(self, folder: Path) -> Claims:
        """The batch's excerpts by staged record, each with its source and the columns it claims."""
        claims: Claims = defaultdict(list)
        for r in read(folder / "evidence.csv"):
            source_id = self.by_url.get(plain(r["url"]))
            excerpt = excerpt_text(r["excerpt"])
            if source_id is None or not excerpt:
                continue
            claims[r["record"]].append(
                {
                    "source_id": source_id,
                    "excerpt": excerpt,
                    "notes": r["notes"].strip(),
                    "columns": {c for c in r["columns"].split(";") if c},
                }
            )
        return claims

    def main_source(self, claims: list[dict]) -> str:
        official = [c["source_id"] for c in claims if self.kind.get(c["source_id"]) in OFFICIAL]
        return (official or [claims[0]["source_id"]])[0]

    def write(self, cited: set[str]) -> int:
        """Append the new pages that some row or excerpt cites; how many."""
        pages = [s for s in self.new if s["source_id"] in cited]
        append(DATA / "sources.csv", pages)
        return len(pages)


def checked(
    record: str, row: dict, claims: Claims, columns: tuple[str, ...], emptied: list
) -> dict:
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


def evidence_rows(
    table: str, record_id: str, claims: list[dict], renamed: dict[str, str] | None = None
) -> list[tuple]:
    """The staged claims as evidence of `record_id`, with staged column names renamed."""
    renamed = renamed or {}
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


def append_evidence(evidence: list[tuple]) -> None:
    """Append the pieces of evidence not held yet, one per record, source and excerpt, claiming
    only columns that the record's table has."""
    tables = {e[0] for e in evidence}
    fields = {
        t: {
            f["name"]
            for f in yaml.safe_load((ROOT / "schemas" / f"{t}.yaml").read_text())["fields"]
        }
        for t in tables
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


# Whose side an actor speaks for (actors.side), by the country it represents; issue 24 counts the
# Russian and the non-aligned voices. Turkey is grouped with the non-aligned, as the issue does.
RUSSIA_SIDE = {"RU", "BY"}
NON_ALIGNED = {
    "CN",
    "IN",
    "TR",
    "BR",
    "ZA",
    "VA",
    "SA",
    "AE",
    "QA",
    "IL",
    "ID",
    "KM",
    "ZM",
    "SN",
    "EG",
    "KZ",
    "AZ",
    "IR",
    "RS",
    "MX",
    "AR",
    "NG",
    "KE",
    "UG",
    "CG",
    "PK",
    "MY",
    "TH",
    "VN",
    "LK",
}
NON_ALIGNED_BODIES = ("United Nations", "Guterres", "Red Cross", "African Union")
BOTH_SIDES = ("G20", "Group of Twenty", "BRICS")


def side_of(country: str, name: str) -> str:
    """russia, non_aligned or ukraine_and_partners; empty for a body with members on both sides."""
    if any(word in name for word in BOTH_SIDES):
        return ""
    if country in RUSSIA_SIDE:
        return "russia"
    if country in NON_ALIGNED or (not country and any(w in name for w in NON_ALIGNED_BODIES)):
        return "non_aligned"
    return "ukraine_and_partners"


STATES = {
    "United Arab Emirates",
    "Saudi Arabia",
    "United States",
    "Turkey",
    "Türkiye",
    "Ukraine",
    "Malta",
    "Qatar",
    "Switzerland",
    "Vatican",
    "Denmark",
}
ORGANISATION_WORDS = (
    "Ministry",
    "Group",
    "Committee",
    "Nations",
    "Council",
    "Commission",
    "Office",
)


def slug(name: str) -> str:
    letters = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", letters.lower()).strip("-")


class Actors:
    """Held actors by name and by slug, and the ones a batch adds."""

    def __init__(self) -> None:
        held = read(DATA / "actors.csv")
        self.by_key = {a["name"].lower(): a["actor_id"] for a in held}
        self.by_key |= {a["actor_id"]: a["actor_id"] for a in held}
        self.new: list[dict[str, str]] = []

    def find_or_add(
        self, name: str, country: str, source_id: str, notes: str, kind: str = ""
    ) -> str:
        for key in (name.lower(), slug(name)):
            if key in self.by_key:
                return self.by_key[key]
        organisation = name in STATES or any(w in name for w in ORGANISATION_WORDS)
        organisation = (
            kind == "organisation" if kind in ("person", "organisation") else organisation
        )
        actor_id = slug(name)
        code = country.upper() if re.fullmatch(r"[A-Za-z]{2}", country) else ""
        self.new.append(
            {
                "actor_id": actor_id,
                "name": name,
                "actor_type": "organisation" if organisation else "person",
                "country": code,
                "side": side_of(code, name),
                "wikidata_id": "",
                "source_id": source_id,
                "notes": notes,
            }
        )
        self.by_key[name.lower()] = self.by_key[actor_id] = actor_id
        return actor_id
