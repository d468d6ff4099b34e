"""Evidence for the rows sourced to the reference report (src-0001, LIGA.net, 16 May 2025), copied
from its stored text in shared/reference/: each excerpt is the report's sentence, found by its
opening words, exactly as the report writes it. Appends to data/evidence.csv and
data/evidence_columns.csv; run from the repository root, then `pressure-tracker fmt`."""

from __future__ import annotations

import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT = (ROOT.parent / "shared" / "reference" / "seed-article-istanbul-talks.txt").read_text(
    encoding="utf-8"
)

# (table, record_id, opening words of the report's sentence, columns it states)
EVIDENCE = [
    ("events", "ev-0001", "During the first direct talks since 2022", ["summary", "outcome"]),
    (
        "events",
        "ev-0003",
        "During the European Political Community summit in Albania",
        ["summary", "title"],
    ),
    (
        "event_figures",
        "ev-0001/prisoners_agreed/RU",
        "During the first direct talks since 2022",
        ["value"],
    ),
    (
        "event_figures",
        "ev-0001/prisoners_agreed/UA",
        "During the first direct talks since 2022",
        ["value"],
    ),
    ("statements", "st-0001", "Ukraine and Russia have discussed a 1,000-for-1,000", ["summary"]),
    ("statements", "st-0002", "The Main Intelligence Directorate noted", ["summary"]),
    ("statements", "st-0003", "Russia's top negotiator, Vladimir Medinsky", ["summary", "quote"]),
    ("statements", "st-0004", "An anonymous Turkish official told CNN", ["summary"]),
    ("statements", "st-0005", "Although a ceasefire was discussed at the meeting", ["summary"]),
    ("statements", "st-0006", "\"And it's bad that Putin", ["summary", "quote"]),
    ("statements", "st-0007", "\"And it's bad that Putin", ["summary"]),
    ("statements", "st-0008", "Medinsky said that Kyiv and Moscow agreed", ["summary", "quote"]),
    ("statements", "st-0009", "Umerov reported that the next step", ["summary"]),
    ("statements", "st-0010", "Medinsky stated that the aggressor country", ["summary", "quote"]),
    ("statements", "st-0011", "Foreign Ministry spokesman Heorhiy Tykhyi", ["summary"]),
    ("statements", "st-0012", "Western media, citing Ukrainian diplomatic sources", ["summary"]),
    ("statements", "st-0013", "German Chancellor Friedrich Merz said", ["summary"]),
    (
        "statements",
        "st-0014",
        "European Commission President Ursula von der Leyen said",
        ["summary"],
    ),
    ("statements", "st-0015", "Zelenskyy called on von der Leyen", ["summary"]),
    ("statements", "st-0016", "After the call, the Ukrainian president emphasized", ["summary"]),
    ("statements", "st-0017", "French President Emmanuel Macron said", ["summary"]),
    (
        "statements",
        "st-0018",
        "At the same time, Polish Prime Minister Donald Tusk",
        ["summary", "quote"],
    ),
    ("statements", "st-0019", "According to him, this could happen", ["summary", "quote"]),
    ("statements", "st-0020", "Ukrainian Foreign Minister Sybiha stressed", ["summary", "quote"]),
]


def sentence(opening: str) -> str:
    """The report's sentence that starts with `opening`, up to its closing full stop."""
    start = TEXT.index(opening)
    end = re.search(r"[.!?](\"|”)?(?=\s|$)", TEXT[start:])
    assert end is not None, opening
    text = TEXT[start : start + end.end()]
    assert len(text) <= 300, (opening, len(text))
    return text


def main() -> None:
    with open(ROOT / "data/evidence.csv", encoding="utf-8") as handle:
        numbers = [int(r["evidence_id"].split("-")[1]) for r in csv.DictReader(handle)]
    with (
        open(ROOT / "data/evidence.csv", "a", encoding="utf-8", newline="") as ev,
        open(ROOT / "data/evidence_columns.csv", "a", encoding="utf-8", newline="") as ec,
    ):
        evidence, columns = csv.writer(ev, lineterminator="\n"), csv.writer(ec, lineterminator="\n")
        for n, (table, record, opening, supported) in enumerate(EVIDENCE, start=max(numbers) + 1):
            evidence_id = f"evid-{n:05d}"
            evidence.writerow(
                [
                    evidence_id,
                    table,
                    record,
                    "src-0001",
                    sentence(opening),
                    "From the report's text as stored in shared/reference/.",
                ]
            )
            for column in supported:
                columns.writerow([evidence_id, column])


if __name__ == "__main__":
    main()
