"""Check by machine that every excerpt of a staged batch is in the text the helper saved for its
page (research/<batch>/raw.txt: a line `URL: <url>`, then the text the search returned). White
space and typographic quotes aside, an excerpt must be a contiguous part of its own page's block.
This checks the copying; the one-in-ten look-up (sample_for_check.py) checks raw.txt against the
pages. Run from the repository root: `python research/raw_check.py st-2024-c dates-statements-1`
(a back-fill batch is found under research/backfill/)."""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "`": "'"})


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(QUOTES)).strip()


def blocks(raw: str) -> dict[str, str]:
    """Page text by url: every block that a `URL: <url>` or `### <url>` line opens, or, in a file
    with neither, a line holding only a url; a page read twice keeps both."""
    pages: dict[str, str] = {}
    marked = re.search(r"^(?:URL:|###)", raw, flags=re.M)
    opener = r"^(?:URL:|###)\s*" if marked else r"^(?=https?://\S+\s*$)"
    for part in re.split(opener, raw, flags=re.M)[1:]:
        url, _, text = part.partition("\n")
        pages[url.strip()] = pages.get(url.strip(), "") + " " + plain(text)
    return pages


def check(batch: str) -> list[str]:
    folder = ROOT / batch if (ROOT / batch).exists() else ROOT / "backfill" / batch
    pages = blocks((folder / "raw.txt").read_text(encoding="utf-8"))
    with (folder / "evidence.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    missing = []
    for number, row in enumerate(rows, start=2):
        record = row.get("record") or row.get("record_id")
        if plain(row["excerpt"]) not in pages.get(row["url"].strip(), ""):
            missing.append(f"{batch} evidence.csv row {number} ({record}): not in raw.txt for {row['url']}")
    print(f"{batch}: {len(rows) - len(missing)} of {len(rows)} excerpts found in raw.txt")
    return missing


if __name__ == "__main__":
    problems = [line for batch in sys.argv[1:] for line in check(batch)]
    print("\n".join(problems))
    sys.exit(1 if problems else 0)
