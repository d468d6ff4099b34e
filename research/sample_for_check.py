"""Draw the one-in-ten sample of a staged batch that a reviewer looks up before import, and write it
to research/<batch>/sample.md: each sampled record with its staged values and every excerpt with its
url, so the reviewer can search for the page and compare word for word. The draw is seeded by the
batch's name, so the sample does not change between sessions. Run from the repository root:
`python research/sample_for_check.py st-2022-a calls-2022-2026-b ...`."""

from __future__ import annotations

import csv
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# The file of a batch that holds its records, and the column that names each record.
RECORDS = (("statements.csv", "statement"), ("events.csv", "event"), ("actions.csv", "action_id"))


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def sample(batch: str) -> str:
    folder = ROOT / batch
    name, key = next((n, k) for n, k in RECORDS if (folder / n).exists())
    records = read(folder / name)
    evidence = read(folder / "evidence.csv")
    drawn = random.Random(batch).sample(records, math.ceil(len(records) / 10))
    lines = [f"# One-in-ten sample of {batch} ({len(drawn)} of {len(records)} records)", ""]
    for record in sorted(drawn, key=lambda r: r[key]):
        values = "; ".join(f"{k}={v}" for k, v in record.items() if v and k != key)
        lines += [f"## {record[key]}", "", values, ""]
        for row in evidence:
            if row["record"] == record[key] or row["record"].startswith(record[key] + "/"):
                lines.append(f"- [{row['columns']}] {row['url']}\n  > {row['excerpt']}")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    for batch in sys.argv[1:]:
        (ROOT / batch / "sample.md").write_text(sample(batch), encoding="utf-8")
        print(f"wrote research/{batch}/sample.md")


if __name__ == "__main__":
    main()
