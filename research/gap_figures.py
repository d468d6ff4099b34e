"""Evidence for the event figures that hold no number (issue 20). A figure is given for both sides
(a validation rule); a side no source counted has a row with an empty value, which states no number
and so needs no evidence (schemas/package.yaml, `evidence_not_needed`). Where a held excerpt of the
event calls it an exchange, that excerpt is recorded for the empty row's `figure` and `party`: the
other side released people (or handed over bodies) too. And ev-3050's Ukrainian side gets the number
the Russian defence ministry gave (nine servicemen).

Run once from the repository root, then `pressure-tracker fmt` and `validate`."""

from __future__ import annotations

import csv
import re
from pathlib import Path

DATA = Path("data")
EXCHANGE = re.compile(r"обмін|обмен|exchange|swap", re.I)
BODIES_EXCHANGED = re.compile(r"обмін тілами|exchange of (the )?bodies", re.I)
# ev-3050: "nine Russian servicemen ... were returned", the Russian defence ministry (evid-07270).
FILLED = {"ev-3050/prisoners_released/UA/not_attributed": ("9", "exact", "prisoners_of_war", "russia", "evid-07270")}


def read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write(name: str, fields: list[str], rows: list[dict[str, str]]) -> None:
    with open(DATA / name, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    ff, figures = read("event_figures.csv")
    ef, evidence = read("evidence.csv")
    cf, columns = read("evidence_columns.csv")
    key = lambda r: "/".join((r["event_id"], r["figure"], r["party"], r["counted_by"]))  # noqa: E731
    held = {r["record_id"] for r in evidence if r["table_name"] == "event_figures"}
    by_event: dict[str, list[dict[str, str]]] = {}
    for r in evidence:
        if r["table_name"] == "events":
            by_event.setdefault(r["record_id"], []).append(r)
    number = max(int(r["evidence_id"].split("-")[1]) for r in evidence)
    evidenced = 0
    for row in figures:
        rid = key(row)
        if row["value"] or rid in held:
            continue
        if rid in FILLED:
            value, qualifier, counted, counted_by, source_evidence = FILLED[rid]
            row |= {"value": value, "qualifier": qualifier, "counted": counted, "counted_by": counted_by}
            row["notes"] = "The Russian defence ministry's count of the servicemen it received."
            row["source_id"] = "src-11449"  # the page that carries the ministry's statement
            excerpt = next(e for e in evidence if e["evidence_id"] == source_evidence)
            claims, stating = ["figure", "party", "value", "counted", "counted_by"], excerpt
        else:
            stating = next((e for e in by_event.get(row["event_id"], []) if EXCHANGE.search(e["excerpt"])), None)
            if row["figure"] == "bodies_returned":  # an exchange of prisoners says nothing of bodies
                stating = next((e for e in by_event.get(row["event_id"], []) if BODIES_EXCHANGED.search(e["excerpt"])), None)
            if stating is None:
                continue  # a gap no excerpt explains: it states no number, needs none
            claims = ["figure", "party"]
        number += 1
        evidence_id = f"evid-{number:05d}"
        note = "An exchange: the other side released people too; no source gives its number."
        evidence.append({"evidence_id": evidence_id, "table_name": "event_figures", "record_id": key(row),
                         "source_id": stating["source_id"], "excerpt": stating["excerpt"],
                         "notes": "" if rid in FILLED else note})
        columns += [{"evidence_id": evidence_id, "column_name": c} for c in claims]
        evidenced += 1
    write("event_figures.csv", ff, figures)  # rows filled in place
    write("evidence.csv", ef, evidence)
    write("evidence_columns.csv", cf, columns)
    print(f"{evidenced} empty figure rows evidenced or filled")


if __name__ == "__main__":
    main()
