"""Take statements back out of data/ (IDs listed one per line in a file) with what only they use:
their sector links, their evidence and its columns, and the sources and actors nothing else cites (a source a release holds stays).
Used when a batch was imported before its one-in-ten check could be completed: the batch stays in
research/ to be checked and imported again. Run from the repository root:
`python research/withdraw_statements.py research/st-2024/withdrawn.txt`; then `pressure-tracker fmt`
and `validate`."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[1] / "data"
RELEASES = DATA.parent / "releases"


def read(table: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{table}.csv", dtype=str, keep_default_na=False)


def write(table: str, frame: pd.DataFrame) -> None:
    frame.to_csv(DATA / f"{table}.csv", index=False, lineterminator="\n")


def main() -> None:
    ids = set(Path(sys.argv[1]).read_text(encoding="utf-8").split())
    statements = read("statements")
    gone = statements[statements["statement_id"].isin(ids)]
    statements = statements.drop(gone.index)
    write("statements", statements)
    sectors = read("statement_sectors")
    write("statement_sectors", sectors[~sectors["statement_id"].isin(ids)])
    evidence = read("evidence")
    dropped = evidence[(evidence["table_name"] == "statements") & evidence["record_id"].isin(ids)]
    evidence = evidence.drop(dropped.index)
    write("evidence", evidence)
    columns = read("evidence_columns")
    write("evidence_columns", columns[~columns["evidence_id"].isin(dropped["evidence_id"])])
    # Actors and sources that only the withdrawn rows used.
    participants = read("event_participants")
    used_actors = (
        set(statements["actor_id"])
        | set(statements["addressee_actor_id"])
        | set(participants["actor_id"])
    )
    actors = read("actors")
    orphans = actors[actors["actor_id"].isin(set(gone["actor_id"]) - used_actors)]
    actors = actors.drop(orphans.index)
    write("actors", actors)
    cited = set().union(*(f["source_id"] for f in (evidence, statements, participants, actors)))
    others = ("coverage", "event_figures", "events", "legal_acts", "measures", "sanctions_packages")
    for table in others:
        cited |= set(read(table)["source_id"])
    # A source a release already held stays, cited or not: a released row is not taken back here.
    released = set().union(
        *(pd.read_csv(p, dtype=str)["source_id"] for p in RELEASES.glob("*/data/sources.csv"))
    )
    sources = read("sources")
    candidates = set(dropped["source_id"]) | set(gone["source_id"]) | set(orphans["source_id"])
    unused = sources[sources["source_id"].isin(candidates - cited - released)]
    write("sources", sources.drop(unused.index))
    print(
        f"withdrawn: {len(gone)} statements, {len(dropped)} excerpts, {len(orphans)} actors, "
        f"{len(unused)} sources"
    )


if __name__ == "__main__":
    main()
