"""Fill actors.side (whose side an actor speaks for) from the country each actor represents, with
the mapping in staging.side_of; an actor whose side is already filled keeps it. Run from the
repository root; then `pressure-tracker fmt` and `validate`."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from staging import DATA, read, side_of


def main() -> None:
    path = DATA / "actors.csv"
    actors = read(path)
    fields = list(actors[0])
    if "side" not in fields:
        fields.insert(fields.index("country") + 1, "side")
    for actor in actors:
        actor["side"] = actor.get("side") or side_of(actor["country"], actor["name"])
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(actors)
    sides = [a["side"] or "(empty)" for a in actors]
    print({s: sides.count(s) for s in sorted(set(sides))})


if __name__ == "__main__":
    main()
