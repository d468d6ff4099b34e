"""Fill the columns release 1.5.0 adds to existing rows (issue 21, items 2 and 3), from the rows'
own excerpts: run once from the repository root, then `pressure-tracker fmt` and `validate`.

- measures.quantity_qualifier and total_qualifier: `exact`, unless an excerpt of the row's own
  source that supports the value puts a bound or an approximation before it ("more than 40",
  "nearly 300"). A price or a threshold ("not more than USD 45 per barrel", "goods worth more
  than EUR 300") is the value itself, so amounts and prices stay exact.
- event_figures.qualifier, counted and counted_by: read from each row's excerpts by the maintainer
  (FIGURES below), and one row added: Zelenskyy's 189 for the New Year exchange of 2024, beside
  Russia's 150 (Al Jazeera, src-6033, copied from the page looked up on 2026-12-06).
- events.parent_event_id: each stage or handover names the talks that agreed it, as its summary
  and evidence say (PARENTS below).
The evidence of event figures is re-keyed to the new primary key (event, figure, party, counted_by).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
BOUNDS = {
    "at_least": r"more than|over|at least|upwards of|in excess of",
    "at_most": r"up to|nearly|almost|fewer than|less than|no more than|at most",
    "about": r"about|around|approximately|roughly|some|close to",
}
COUNTS = ("vessels", "individuals", "entities", "listings", "banks", "percent")

# (event, figure, party): (qualifier, counted, counted_by), as each row's excerpts state them.
FIGURES = {
    ("ev-0001", "prisoners_agreed", "RU"): ("exact", "unspecified", "both_sides"),
    ("ev-0001", "prisoners_agreed", "UA"): ("exact", "unspecified", "both_sides"),
    ("ev-1005", "prisoners_agreed", "RU"): ("at_least", "prisoners_of_war", "both_sides"),
    ("ev-1005", "prisoners_agreed", "UA"): ("at_least", "prisoners_of_war", "both_sides"),
    ("ev-1006", "prisoners_agreed", "RU"): ("at_least", "prisoners_of_war", "both_sides"),
    ("ev-1006", "prisoners_agreed", "UA"): ("at_least", "prisoners_of_war", "both_sides"),
    ("ev-1020", "prisoners_released", "RU"): ("exact", "prisoners_of_war_and_civilians", "ukraine"),
    ("ev-1020", "prisoners_released", "UA"): ("exact", "unspecified", "both_sides"),
    ("ev-1021", "prisoners_released", "RU"): ("exact", "prisoners_of_war", "russia"),
    ("ev-1021", "prisoners_released", "UA"): ("exact", "prisoners_of_war", "russia"),
    ("ev-1022", "prisoners_released", "RU"): ("exact", "prisoners_of_war", "not_attributed"),
    ("ev-1022", "prisoners_released", "UA"): ("exact", "prisoners_of_war", "russia"),
    ("ev-1025", "bodies_returned", "RU"): ("exact", "bodies", "ukraine"),
    ("ev-1025", "bodies_returned", "UA"): ("exact", "bodies", "russia"),
    ("ev-1027", "bodies_returned", "RU"): ("exact", "bodies", "ukraine"),
    ("ev-1027", "bodies_returned", "UA"): ("", "bodies", "not_attributed"),
    ("ev-1029", "bodies_returned", "RU"): ("exact", "bodies", "ukraine"),
    ("ev-1029", "bodies_returned", "UA"): ("exact", "bodies", "russia"),
    ("ev-1030", "bodies_returned", "RU"): ("exact", "bodies", "ukraine"),
    ("ev-1030", "bodies_returned", "UA"): ("exact", "bodies", "russia"),
    ("ev-1035", "prisoners_released", "RU"): ("exact", "prisoners_of_war", "russia"),
    ("ev-1035", "prisoners_released", "UA"): ("exact", "prisoners_of_war", "russia"),
    ("ev-1040", "prisoners_released", "RU"): ("exact", "prisoners_of_war", "ukraine"),
    ("ev-1040", "prisoners_released", "UA"): ("exact", "prisoners_of_war", "ukraine"),
    ("ev-1041", "prisoners_released", "RU"): ("exact", "prisoners_of_war_and_civilians", "ukraine"),
    ("ev-1041", "prisoners_released", "UA"): ("exact", "prisoners_of_war", "russia"),
    ("ev-1042", "prisoners_released", "RU"): ("exact", "prisoners_of_war", "both_sides"),
    ("ev-1042", "prisoners_released", "UA"): ("exact", "prisoners_of_war", "both_sides"),
    ("ev-1043", "prisoners_released", "RU"): ("exact", "unspecified", "russia"),
    ("ev-1043", "prisoners_released", "UA"): ("exact", "unspecified", "russia"),
    ("ev-1044", "prisoners_released", "RU"): ("exact", "prisoners_of_war", "russia"),
    ("ev-1044", "prisoners_released", "UA"): ("exact", "prisoners_of_war", "russia"),
    ("ev-1045", "prisoners_released", "RU"): ("exact", "prisoners_of_war", "ukraine"),
    ("ev-1045", "prisoners_released", "UA"): ("exact", "prisoners_of_war", "russia"),
    ("ev-1046", "prisoners_released", "RU"): ("exact", "prisoners_of_war", "both_sides"),
    ("ev-1046", "prisoners_released", "UA"): ("exact", "prisoners_of_war", "both_sides"),
    ("ev-1047", "prisoners_released", "RU"): ("exact", "unspecified", "not_attributed"),
    ("ev-1047", "prisoners_released", "UA"): ("exact", "unspecified", "not_attributed"),
    ("ev-1048", "prisoners_released", "RU"): ("exact", "prisoners_of_war", "both_sides"),
    ("ev-1048", "prisoners_released", "UA"): ("exact", "prisoners_of_war", "both_sides"),
    ("ev-1049", "prisoners_released", "RU"): ("exact", "prisoners_of_war", "russia"),
    ("ev-1049", "prisoners_released", "UA"): ("exact", "prisoners_of_war", "russia"),
    ("ev-2038", "prisoners_agreed", "RU"): ("exact", "prisoners_of_war", "mediator"),
    ("ev-2038", "prisoners_agreed", "UA"): ("exact", "prisoners_of_war", "mediator"),
    ("ev-2039", "prisoners_released", "RU"): (
        "exact",
        "prisoners_of_war_and_civilians",
        "ukraine",
    ),
    ("ev-2039", "prisoners_released", "UA"): ("exact", "prisoners_of_war", "russia"),
}
ZELENSKYY_189 = {
    "event_id": "ev-1044",
    "figure": "prisoners_released",
    "party": "RU",
    "value": "189",
    "qualifier": "exact",
    "counted": "prisoners_of_war_and_civilians",
    "counted_by": "ukraine",
    "source_id": "src-6033",
    "notes": "Zelenskyy's figure, including two civilians; Russia's Defence Ministry gave 150.",
}
ZELENSKYY_189_EXCERPT = (
    "The Russian Ministry of Defence on Monday said it swapped 150 Ukrainian prisoners, while "
    "Ukraine’s President Volodymyr Zelenksyy said 189 Ukrainians had returned home."
)
PARENTS = {
    **dict.fromkeys(("ev-1020", "ev-1021", "ev-1022"), "ev-0001"),
    **dict.fromkeys(
        (
            "ev-1023",
            "ev-1024",
            "ev-1025",
            "ev-1026",
            "ev-1027",
            "ev-1028",
            "ev-1029",
            "ev-1030",
            "ev-1031",
            "ev-1032",
            "ev-1033",
            "ev-1034",
            "ev-1035",
        ),
        "ev-1005",
    ),
    "ev-1049": "ev-1006",
    "ev-2039": "ev-2038",
}


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)


def write(frame: pd.DataFrame, name: str) -> None:
    frame.to_csv(DATA / f"{name}.csv", index=False, lineterminator="\n")


def forms(value: str) -> list[str]:
    n = float(value)
    return [str(int(n)), f"{int(n):,}"] if n == int(n) else [value]


def qualifier(value: str, unit: str, excerpts: list[str]) -> str:
    if not value:
        return ""
    if unit not in COUNTS:
        return "exact"
    for excerpt in excerpts:
        for kind, words in BOUNDS.items():
            for form in forms(value):
                if re.search(rf"\b(?:{words})\s+{re.escape(form)}(?![\d,])", excerpt, re.I):
                    return kind
    return "exact"


def claims(evidence: pd.DataFrame, columns: pd.DataFrame, table: str) -> pd.DataFrame:
    joined = columns.merge(evidence, on="evidence_id")
    return joined[joined["table_name"] == table]


def qualify_measures(evidence: pd.DataFrame, columns: pd.DataFrame) -> None:
    measures = read("measures")
    held = claims(evidence, columns, "measures")
    for value, qual in (("quantity", "quantity_qualifier"), ("reported_total", "total_qualifier")):
        own = []
        for _, row in measures.iterrows():
            said = held[(held["record_id"] == row["measure_id"]) & (held["column_name"] == value)]
            mine = said[said["source_id"] == row["source_id"]]["excerpt"].tolist()
            own.append(qualifier(row[value], row["unit"], mine or said["excerpt"].tolist()))
        measures.insert(measures.columns.get_loc(value) + 1, qual, own)
        print(qual, pd.Series(own)[pd.Series(own) != ""].value_counts().to_dict())
    write(measures, "measures")


def figures(evidence: pd.DataFrame) -> pd.DataFrame:
    rows = read("event_figures")
    filled = [FIGURES[(r.event_id, r.figure, r.party)] for r in rows.itertuples()]
    at = rows.columns.get_loc("value") + 1
    for offset, name in enumerate(("qualifier", "counted", "counted_by")):
        rows.insert(at + offset, name, [f[offset] for f in filled])
    rows = pd.concat([rows, pd.DataFrame([ZELENSKYY_189])], ignore_index=True)
    write(rows.sort_values(["event_id", "figure", "party", "counted_by"]), "event_figures")
    # Evidence of figures is keyed by the whole primary key, now with counted_by.
    by_old = {f"{e}/{f}/{p}": f"{e}/{f}/{p}/{v[2]}" for (e, f, p), v in FIGURES.items()}
    mask = evidence["table_name"] == "event_figures"
    evidence.loc[mask, "record_id"] = evidence.loc[mask, "record_id"].map(by_old)
    return evidence


def add_189_evidence(evidence: pd.DataFrame, columns: pd.DataFrame) -> pd.DataFrame:
    number = max(int(i.split("-")[1]) for i in evidence["evidence_id"]) + 1
    evidence_id = f"evid-{number:05d}"
    evidence.loc[len(evidence)] = {
        "evidence_id": evidence_id,
        "table_name": "event_figures",
        "record_id": "ev-1044/prisoners_released/RU/ukraine",
        "source_id": "src-6033",
        "excerpt": ZELENSKYY_189_EXCERPT,
        "notes": "Russia's Defence Ministry gives 150 (the russia row).",
    }
    added = pd.DataFrame({"evidence_id": evidence_id, "column_name": ["value", "counted_by"]})
    write(
        pd.concat([columns, added]).sort_values(["evidence_id", "column_name"]), "evidence_columns"
    )
    return evidence


def link_events() -> None:
    events = read("events")
    events.insert(events.columns.get_loc("source_id"), "parent_event_id", "")
    events["parent_event_id"] = events["event_id"].map(PARENTS).fillna("")
    write(events, "events")


def main() -> None:
    evidence, columns = read("evidence"), read("evidence_columns")
    qualify_measures(evidence, columns)
    evidence = figures(evidence)
    evidence = add_189_evidence(evidence, columns)
    write(evidence, "evidence")
    link_events()


if __name__ == "__main__":
    main()
