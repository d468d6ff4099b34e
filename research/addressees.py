"""Fill statements.addressee_jurisdiction_id and addressee_actor_id (issue 21, item 4) for the
statements whose summary names the one jurisdiction or person they are addressed to ("called on the
EU", "told Zelenskyy", "addressing the G7 summit"). Statements addressed to several parties, to
Russia, NATO or "Europe" (neither held as a jurisdiction nor as an actor) stay empty. Run once from
the repository root; then `pressure-tracker fmt`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
JURISDICTIONS = {
    "st-0015": "eu",  # urged von der Leyen and Costa to step up pressure
    "st-1065": "us",  # the US must impose sanctions
    "st-2092": "ua",  # urged Ukraine to move quickly
    "st-2098": "ua",  # urged Kyiv to take a bold decision
    "st-2117": "g7",  # told the G7
    "st-3010": "eu",  # called on the EU
    "st-3014": "eu",  # asked how many more weeks the EU would need
    "st-3015": "eu",  # addressing the special European Council
    "st-3019": "g7",  # addressing the G7 summit
    "st-3030": "eu",  # urged all EU leaders
    "st-3079": "eu",  # the EU must not stop
}
ACTORS = {
    "st-2000": "vladimir-putin",  # Biden told Putin
    "st-2013": "volodymyr-zelenskyy",  # Trump told Zelenskyy
    "st-2015": "volodymyr-zelenskyy",  # Vance told Zelenskyy
    "st-2050": "volodymyr-zelenskyy",  # advised Zelenskyy to make the deal
    "st-2067": "donald-trump",  # Zelenskyy told Trump and urged Tomahawks
}


def main() -> None:
    path = ROOT / "data" / "statements.csv"
    statements = pd.read_csv(path, dtype=str, keep_default_na=False)
    at = statements.columns.get_loc("package_id") + 1
    ids = statements["statement_id"]
    statements.insert(at, "addressee_jurisdiction_id", ids.map(JURISDICTIONS).fillna(""))
    statements.insert(at + 1, "addressee_actor_id", ids.map(ACTORS).fillna(""))
    statements.to_csv(path, index=False, lineterminator="\n")


if __name__ == "__main__":
    main()
