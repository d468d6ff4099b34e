"""Synthetic packages with the real schemas: valid at any size, or with known injected errors.

Used by scripts/bench.py (10k to 1M rows) and by the tests (tiny packages for charts and for the
error-finding check). Text cells carry commas, quotes and non-ASCII names, as real rows do. Every
rule of checks.py holds in a clean package, so a clean package validates with no problem at all.
"""

from __future__ import annotations

import csv
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
NAMES = [
    "Volodymyr Zelenśkyj",
    "Ursula von der Leyen",
    "Friedrich Merz",
    "Andrii Sybiha",
    "Jürgen Kühn",
    "Émilie Lefèvre",
    "Søren Ørsted",
    "Łukasz Żółć",
]
START = np.datetime64("2022-02-24")


@dataclass(frozen=True)
class Injected:
    file: str
    line: int
    column: str | None
    kind: str


def _ids(prefix: str, n: int, width: int = 6) -> np.ndarray:
    return np.char.add(prefix, np.char.zfill(np.arange(1, n + 1).astype(str), width))


def _dates(rng: np.random.Generator, n: int, span: int = 1300) -> np.ndarray:
    return START + rng.integers(0, span, n).astype("timedelta64[D]")


def _text(kind: str, n: int) -> np.ndarray:
    """Unique sentences with a comma, a quote and a non-ASCII name in them."""
    names = np.array(NAMES)[np.arange(n) % len(NAMES)]
    return np.char.add(
        np.char.add(f"{kind} no. ", np.arange(1, n + 1).astype(str)),
        np.char.add(', said "', np.char.add(names, '" in Kyiv.')),
    )


def _write(root: Path, table: str, frame: pd.DataFrame) -> None:
    frame.to_csv(
        root / "data" / f"{table}.csv",
        index=False,
        lineterminator="\n",
        quoting=csv.QUOTE_MINIMAL,
        date_format="%Y-%m-%d",
    )


def make_package(root: Path, facts: int, seed: int = 1) -> dict[str, int]:
    """Write a valid package at `root` with `facts` rows in each of statements, measures and events."""
    rng = np.random.default_rng(seed)
    root = Path(root)
    shutil.rmtree(root, ignore_errors=True)
    (root / "data").mkdir(parents=True)
    shutil.copytree(REPO / "schemas", root / "schemas")
    shutil.copy2(REPO / "pyproject.toml", root / "pyproject.toml")
    for table in ("jurisdictions", "sectors"):
        shutil.copy2(REPO / "data" / f"{table}.csv", root / "data" / f"{table}.csv")
    jurisdictions = pd.read_csv(REPO / "data" / "jurisdictions.csv")["jurisdiction_id"].to_numpy()
    _write(
        root,
        "coverage",
        pd.DataFrame(
            {
                "jurisdiction_id": jurisdictions,
                "scope": "all_actions",
                "year": 2022,
                "known": pd.NA,
                "completeness": "partial",
                "enumeration": "A synthetic package: no enumeration.",
                "source_id": "",
                "notes": "",
            }
        ),
    )
    sectors = pd.read_csv(REPO / "data" / "sectors.csv")["sector_id"].to_numpy()

    n_sources, n_actors, n_packages = (
        max(20, facts // 10),
        max(50, facts // 100),
        max(30, facts // 50),
    )
    source_ids = _ids("src-", n_sources)
    _write(
        root,
        "sources",
        pd.DataFrame(
            {
                "source_id": source_ids,
                "publisher": np.array(
                    ["Reuters", "Ukrinform", "Council of the EU", "Kyiv Independent"]
                )[np.arange(n_sources) % 4],
                "title": _text("Report", n_sources),
                "url": np.char.add("https://example.org/report/", np.arange(n_sources).astype(str)),
                "published_on": _dates(rng, n_sources),
                "accessed_on": "2026-11-25",
                "language": "en",
                "source_type": "news",
                "notes": "",
            }
        ),
    )
    actor_ids = _ids("actor-", n_actors)
    _write(
        root,
        "actors",
        pd.DataFrame(
            {
                "actor_id": actor_ids,
                "name": np.char.add(
                    np.array(NAMES)[np.arange(n_actors) % len(NAMES)],
                    np.char.add(" ", np.arange(n_actors).astype(str)),
                ),
                "actor_type": "person",
                "country": np.array(["UA", "DE", "FR", "PL"])[np.arange(n_actors) % 4],
                "side": "ukraine_and_partners",
                "wikidata_id": "",
                "source_id": rng.choice(source_ids, n_actors),
                "notes": "",
            }
        ),
    )

    n_eu = min(n_packages // 2, 500)
    eu = pd.DataFrame(
        {
            "package_id": np.char.add("eu-", np.arange(1, n_eu + 1).astype(str)),
            "jurisdiction_id": "eu",
            "number": np.arange(1, n_eu + 1),
        }
    )
    others = pd.DataFrame(
        {
            "package_id": _ids("us-syn-", n_packages - n_eu),
            "jurisdiction_id": rng.choice(jurisdictions[jurisdictions != "eu"], n_packages - n_eu),
            "number": pd.NA,
        }
    )
    packages = pd.concat([eu, others], ignore_index=True)
    adopted = _dates(rng, len(packages), 1100)
    packages = packages.assign(
        title=_text("Package", len(packages)),
        status="adopted",
        announced_on="",
        agreed_on="",
        adopted_on=adopted,
        published_on="",
        in_force_on=adopted + np.timedelta64(1, "D"),
        dated_by="adopted_on",
        summary=_text("Package summary", len(packages)),
        source_id=rng.choice(source_ids, len(packages)),
        notes="",
    )
    _write(root, "sanctions_packages", packages)
    _write(
        root,
        "legal_acts",
        pd.DataFrame(
            {
                "act_id": _ids("act-", len(packages)),
                "package_id": packages["package_id"],
                "identifier": _text("Council Regulation (EU) 2025/", len(packages)),
                "act_type": "regulation",
                "published_on": adopted,
                "url": "",
                "source_id": rng.choice(source_ids, len(packages)),
                "notes": "",
            }
        ),
    )

    kinds = rng.integers(
        0, 3, facts
    )  # 0: vessel listing, 1: entity listing, 2: export ban without a count
    measure_type = np.array(["vessel_listing", "listing", "export_ban"])[kinds]
    _write(
        root,
        "measures",
        pd.DataFrame(
            {
                "measure_id": _ids("ms-", facts, 7),
                "package_id": rng.choice(packages["package_id"].to_numpy(), facts),
                "sector_id": np.where(kinds == 0, "shadow-fleet", rng.choice(sectors, facts)),
                "measure_type": measure_type,
                "description": _text("Measure", facts),
                "quantity": np.where(kinds < 2, rng.integers(1, 200, facts).astype(str), ""),
                "quantity_qualifier": np.array(["exact", "at_least", ""])[kinds],
                "unit": np.array(["vessels", "entities", ""])[kinds],
                "reported_total": "",
                "total_qualifier": "",
                "effective_on": "",
                "ends_on": "",
                "replaces_measure_id": "",
                "source_id": rng.choice(source_ids, facts),
                "notes": np.where(np.arange(facts) % 7 == 0, 'Other count: 12, per "AFP".', ""),
            }
        ),
    )

    starts = _dates(rng, facts, 1300)
    event_type = np.array(["negotiation_round", "leader_call", "summit", "prisoner_exchange"])[
        np.arange(facts) % 4
    ]
    event_ids = _ids("ev-", facts, 7)
    _write(
        root,
        "events",
        pd.DataFrame(
            {
                "event_id": event_ids,
                "event_type": event_type,
                "title": _text("Event", facts),
                "starts_on": starts,
                "ends_on": starts + rng.integers(0, 3, facts).astype("timedelta64[D]"),
                "location": "Istanbul, Türkiye",
                "summary": _text("Event summary", facts),
                "outcome": "",
                "parent_event_id": "",
                "exchange_number": "",
                "source_id": rng.choice(source_ids, facts),
                "notes": "",
            }
        ),
    )
    first, second = rng.integers(0, n_actors, facts), rng.integers(0, n_actors - 1, facts)
    second = second + (second >= first)  # a different actor
    participants = pd.DataFrame(
        {
            "event_id": np.concatenate([event_ids, event_ids]),
            "actor_id": np.concatenate([actor_ids[first], actor_ids[second]]),
            "role": "participant",
            "source_id": rng.choice(source_ids, 2 * facts),
        }
    ).sort_values(["event_id", "actor_id"])
    _write(root, "event_participants", participants)
    exchanges = event_ids[event_type == "prisoner_exchange"]
    released = rng.integers(1, 400, len(exchanges)).astype(str)
    _write(
        root,
        "event_figures",
        pd.DataFrame(
            {
                "event_id": np.repeat(exchanges, 2),
                "figure": "prisoners_released",
                "party": np.tile(["RU", "UA"], len(exchanges)),
                "value": np.repeat(released, 2),
                "qualifier": "exact",
                "counted": "prisoners_of_war",
                "counted_by": "both_sides",
                "source_id": rng.choice(source_ids, 2 * len(exchanges)),
                "notes": "",
            }
        ),
    )

    with_event = np.arange(facts) % 2 == 0
    statement_ids = _ids("st-", facts, 7)
    made_on = np.where(with_event, starts, _dates(rng, facts))
    _write(
        root,
        "statements",
        pd.DataFrame(
            {
                "statement_id": statement_ids,
                "made_on": made_on,
                "actor_id": rng.choice(actor_ids, facts),
                "role_at_time": "Minister of Foreign Affairs",
                "office_level": "foreign_minister",
                "event_id": np.where(with_event, event_ids, ""),
                "package_id": "",
                "addressee_jurisdiction_id": "",
                "addressee_actor_id": "",
                "topic": np.array(["sanctions", "ceasefire", "negotiations"])[np.arange(facts) % 3],
                "statement_type": np.array(["demand", "assessment", "announcement"])[
                    np.arange(facts) % 3
                ],
                "summary": _text("Statement", facts),
                "quote": np.where(
                    np.arange(facts) % 5 == 0,
                    np.char.add("pressure must grow, ", np.arange(facts).astype(str)),
                    "",
                ),
                "source_id": rng.choice(source_ids, facts),
                "notes": "",
            }
        ),
    )
    named = statement_ids[np.arange(facts) % 3 == 0]
    _write(
        root,
        "statement_sectors",
        pd.DataFrame({"statement_id": named, "sector_id": rng.choice(sectors, len(named))}),
    )
    # Evidence: an excerpt for every row of every fact table (validation requires one), the quote
    # inside a quoted statement's, so the evidence rules run over as many rows as the facts.
    figure_ids = np.char.add(
        np.char.add(np.repeat(exchanges, 2).astype(str), "/prisoners_released/"),
        np.char.add(np.tile(["RU", "UA"], len(exchanges)), "/both_sides"),
    )
    participant_ids = (participants["event_id"] + "/" + participants["actor_id"]).to_numpy(str)
    quoted = np.arange(facts) % 5 == 0
    said = np.char.add("She said that pressure must grow, ", np.arange(facts).astype(str))
    package_ids = packages["package_id"].to_numpy().astype(str)
    # (table, record ids, excerpts, the column each excerpt states)
    parts = [
        (
            "measures",
            _ids("ms-", facts, 7),
            _text("The Council listed further targets, item", facts),
            "description",
        ),
        (
            "statements",
            statement_ids,
            np.where(quoted, said, _text("The minister spoke, item", facts)),
            np.where(quoted, "quote", "summary"),
        ),
        (
            "sanctions_packages",
            package_ids,
            _text("The package was adopted, item", len(package_ids)),
            "summary",
        ),
        (
            "legal_acts",
            _ids("act-", len(package_ids)),
            _text("The regulation was published, item", len(package_ids)),
            "identifier",
        ),
        ("events", event_ids, _text("The delegations met, item", facts), "summary"),
        (
            "event_figures",
            figure_ids,
            np.char.add("Prisoners released: ", np.repeat(released, 2)),
            "value",
        ),
        (
            "event_participants",
            participant_ids,
            _text("Taking part in the talks, item", len(participant_ids)),
            "actor_id",
        ),
    ]
    tables = np.concatenate([np.repeat(table, len(ids)) for table, ids, _, _ in parts])
    n_evidence = len(tables)
    evidence = pd.DataFrame(
        {
            "evidence_id": _ids("evid-", n_evidence, 8),
            "table_name": tables,
            "record_id": np.concatenate([ids for _, ids, _, _ in parts]),
            "source_id": rng.choice(source_ids, n_evidence),
            "excerpt": np.concatenate([excerpts for _, _, excerpts, _ in parts]),
            "notes": "",
        }
    )
    _write(root, "evidence", evidence)
    columns = [np.broadcast_to(column, len(ids)) for _, ids, _, column in parts]
    _write(
        root,
        "evidence_columns",
        pd.DataFrame(
            {"evidence_id": evidence["evidence_id"], "column_name": np.concatenate(columns)}
        ),
    )
    return {
        "evidence": n_evidence,
        "statements": facts,
        "measures": facts,
        "events": facts,
        "sources": n_sources,
        "actors": n_actors,
        "sanctions_packages": n_packages,
    }


# (table, column, bad value, kind): one of each kind of error a cell can have.
CELL_ERRORS = [
    ("events", "starts_on", "2025-02-30", "impossible date"),
    ("statements", "made_on", "16/05/2025", "date in the wrong format"),
    ("measures", "quantity", "many", "not a number"),
    ("sanctions_packages", "number", "x", "not an integer"),
    ("statements", "topic", "weather", "value outside a vocabulary"),
    ("sources", "language", "english", "pattern mismatch"),
    ("actors", "name", "", "missing required value"),
    ("statements", "actor_id", "actor-nobody", "dangling foreign key"),
    ("measures", "sector_id", "space-tourism", "dangling foreign key"),
    ("statements", "made_on", "2099-01-01", "date in the future"),
    ("measures", "unit", "", "quantity without a unit"),
]


def inject_errors(root: Path, per_kind: int, seed: int = 2) -> list[Injected]:
    """Break `per_kind` cells of every kind in distinct rows; return where each error is."""
    rng = np.random.default_rng(seed)
    injected, used = [], set()
    frames = {
        t: pd.read_csv(root / "data" / f"{t}.csv", dtype=str, keep_default_na=False)
        for t in {e[0] for e in CELL_ERRORS}
    }
    for table, column, value, kind in CELL_ERRORS:
        frame = frames[table]
        candidates = frame.index
        if kind == "quantity without a unit":
            candidates = frame.index[frame["quantity"] != ""]
        elif table == "statements" and column == "made_on":
            candidates = frame.index[
                frame["event_id"] == ""
            ]  # keep event-date rules out of the way
        rows = [r for r in rng.permutation(candidates) if (table, r) not in used][:per_kind]
        for row in rows:
            used.add((table, row))
            frame.loc[row, column] = value
            injected.append(Injected(f"data/{table}.csv", int(row) + 2, column, kind))
    sources = frames["sources"]
    free = [
        r
        for r in rng.permutation(sources.index[1:])
        if ("sources", r) not in used and ("sources", r - 1) not in used
    ]
    for row in sorted(free[:per_kind]):
        used.add(("sources", row))
        # Take the id of the row above: the later of two equal keys is the one reported.
        sources.loc[row, "source_id"] = sources.loc[row - 1, "source_id"]
        injected.append(
            Injected("data/sources.csv", int(row) + 2, "source_id", "duplicate primary key")
        )
    for table, frame in frames.items():
        frame.to_csv(root / "data" / f"{table}.csv", index=False, lineterminator="\n")
    return injected
