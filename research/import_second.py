"""Append second-source evidence (research/backfill/<batch>/, batches named on the command line, each
with sources.csv and evidence.csv as BRIEF-second.md asks) to data/sources.csv, data/evidence.csv
and data/evidence_columns.csv. Run from the repository root; then `pressure-tracker fmt` and
`validate`.

- A page already in sources.csv (same url, tracking parameters aside) keeps its source_id; a new
  page becomes a new source, numbered on from src-9000, accessed 2026-12-06. Its publication date
  is kept only when the helper copied the words that state it (`date_excerpt`). A page with no
  headline in the text the helper saw is titled by its address's words, or else as an untitled
  page of its publisher, and the notes say so.
- Batches without sources.csv (back-fill of the rows' own sources) use the sources already held.
- Pages from sites that do not say who publishes them, that republish others' text under
  another name, or that mirror Wikipedia (WEAK_SITES), are left out with their evidence (DATA_GUIDE rule 4).
- A batch's corrections.csv (a page that gives another day than the row) is recorded as evidence
  too, with the day it gives in `notes`, when its excerpt states that day (DATA_GUIDE rule 5); the
  row's value is not changed by the importer.
- Excerpts are cleaned as in import_backfill.py (white space runs as one space, no leading list
  dash); evidence with no excerpt is skipped; a statement's evidence is kept only when its quote
  (if it has one) appears word for word in one of its excerpts, as the validation rule requires:
  the others wait for a page that carries the quote.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlparse

import pandas as pd
import yaml

from pressure_tracker.reports.verifiable import date_found, source_day

ROOT = Path(__file__).resolve().parents[1]
FIRST_NEW_ID = 9000
ACCESSED = "2026-12-06"
WEAK_SITES = (
    "news-pravda.com",
    "c97.org",
    "shibainu-price.com",
    "multimediasolutions.com",
    "wikimili.com",  # a Wikipedia mirror
    "asb-media.info",  # its headline does not match its body
    # Found for the other jurisdictions (issue 23): sites that rewrite or republish others' text.
    "thelatestnews.world",
    "bcointalk.com",
    "topnews.com",
    "udaipurkiran.com",
    "fun.my.ua",
    "bunatimes.com",
    "newsreadonline.com",
    "technisch24.com",
    "good-time-invest.com",
    "waradana.com",
    "networthspace.com",
    "wowplus.net",
    "actualnewsmagazine.com",
    "webjosh.com",
    "news360.es",
    "swiss-now.ch",
    "safelinks.protection.outlook.com",  # a mail redirect, not the page
    # Found for the statements of issue 24: aggregators that republish others' text.
    "am1.news",
    "spamchronicles.com",
    "california18.com",
    "txtreport.com",
    "overviewforex.com",
    "pledgetimes.com",
    "headtopics.com",
    "links-newsandtimes.com",
    "initialnews.com",
    "breakinglatest.news",
    "socialbites.ca",
    # Found for the statements and dates of the fifth session: sites that republish others' text.
    "eseuro.com",
    "ekwutosblog.com",
    "welcomeqatar.com",
    "suarakita.net",
    "antenasatelor.ro",  # republishes TASS in Romanian
    "menafn.com",  # republishes agencies' text (Ukrinform, APP, ...)
    "tv2club.com",
    "patrioticpage.com",
    "balkanherald.com",
    "longisland-ny.com",
    "b2blocal.com",
    "ceno.life",
    "shi-fen.com",
    "unacov.uk",
    "benborges.xyz",
    "independentpress.cc",
    "newpostafrica.com",
    "newsbreak.com",
    "rumble.com",
)


TRACKING = re.compile(r"^(utm_\w+|traffic_source|fbclid|gclid|ref|amp)$")


def plain(url: str) -> str:
    """A page's address without tracking parameters: two links to one page match; a query that
    names the page (`?p=24460`, `?id=...`) is kept, so two pages of one site never do."""
    parts = urlparse(url.split("#")[0].replace("http://", "https://"))
    query = "&".join(q for q in parts.query.split("&") if q and not TRACKING.match(q.split("=")[0]))
    base = parts._replace(query="", fragment="").geturl().rstrip("/")
    return f"{base}?{query}" if query else base


def normalised(text: str) -> str:
    text = re.sub("[\u2018\u2019\u02bc]", "'", text)
    text = re.sub("[\u201c\u201d\u00ab\u00bb\u201e]", '"', text)
    return re.sub(r"\s+", " ", text).strip()


# The search tool prints the stored copy's date before a page's text ("date 2024-03-22 ..."); it is
# not the page's words, so an excerpt copied with it loses it here.
TOOL_DATE = re.compile(r"^date \d{4}(?:-\d{2}){0,2}\s+")


def excerpt_text(raw: str) -> str:
    """An excerpt as held: white space runs as one space, no leading list dash, no tool date line."""
    text = re.sub(r"\s+", " ", raw).strip()
    return TOOL_DATE.sub("", text).lstrip("-+=@ ")


def slug_title(url: str) -> str:
    """The words of a page's address ('eu-adopts-14th-package' -> 'eu adopts 14th package')."""
    last = [unquote(p) for p in urlparse(url).path.split("/") if p]  # %D1%81... -> Cyrillic
    words = re.sub(r"(\.(html?|shtml|php|aspx)|,\d+)$", "", last[-1] if last else "").split("-")
    words = [w for w in words if w and not re.fullmatch(r"[0-9a-f]{6,}|\d{5,}", w)]
    return " ".join(words) if len(words) >= 3 else ""


def main() -> None:
    data = ROOT / "data"
    sources = list(csv.DictReader(open(data / "sources.csv", encoding="utf-8")))
    by_url = {plain(r["url"]): r["source_id"] for r in sources if r["url"]}
    numbers = [int(r["source_id"].split("-")[1]) for r in sources]
    next_id = max([FIRST_NEW_ID - 1, *[n for n in numbers if n >= FIRST_NEW_ID]]) + 1
    fields = {
        p.stem: {f["name"] for f in yaml.safe_load(p.read_text())["fields"]}
        for p in (ROOT / "schemas").glob("*.yaml")
        if p.stem != "package"
    }
    quotes = {
        r["statement_id"]: r["quote"]
        for r in csv.DictReader(open(data / "statements.csv", encoding="utf-8"))
    }
    dates = _date_cells()
    new_sources, evidence, left_out = [], [], []
    dated_pages: dict[str, dict] = {}
    for batch in sys.argv[1:]:
        folder = ROOT / "research/backfill" / batch
        pages = folder / "sources.csv"  # absent for batches that looked up the rows' own sources
        for page in csv.DictReader(open(pages, encoding="utf-8")) if pages.is_file() else []:
            key = plain(page["url"])
            if key in by_url:
                dated_pages[by_url[key]] = page  # a held page: its date may be filled below
                continue
            title = page["title"].strip()
            notes = [
                f"Second source, found for rows whose own source is not in the stored pages ({batch})."
            ]
            publisher = page["publisher"].strip() or urlparse(page["url"]).netloc
            if not title and slug_title(page["url"]):
                title = slug_title(page["url"])
                notes.append("Title as given in the page address.")
            elif not title:  # an official readout often shows no headline and a numbered address
                title = f"Untitled page of {publisher}"
                notes.append("The page shows no headline; titled by its publisher.")
            if any(site in urlparse(page["url"]).netloc for site in WEAK_SITES):
                left_out.append(page["url"])
                continue
            dated = page["published_on"].strip() and page["date_excerpt"].strip()
            if dated:
                notes.append(f'Date as the page states it: "{normalised(page["date_excerpt"])}".')
            source_id = f"src-{next_id:04d}"
            next_id += 1
            by_url[key] = source_id
            new_sources.append(
                {
                    "source_id": source_id,
                    "publisher": publisher,
                    "title": unicodedata.normalize("NFC", re.sub(r"\s+", " ", title)),
                    "url": page["url"].strip(),
                    "published_on": page["published_on"].strip() if dated else "",
                    "accessed_on": ACCESSED,
                    "language": page["language"].strip() or "en",
                    "source_type": page["source_type"].strip() or "news",
                    "notes": " ".join(notes),
                }
            )
        for r in csv.DictReader(open(folder / "evidence.csv", encoding="utf-8")):
            excerpt = excerpt_text(r["excerpt"])
            source_id = by_url.get(plain(r["url"]))
            if not excerpt or source_id is None:
                continue
            columns = {c for c in r["columns"].split(";") if c in fields[r["table"]]}
            if (
                r["record_id"].endswith("/uae-ministry-of-foreign-affairs")
                and "inist" not in excerpt
            ):
                columns = set()  # the page names the UAE, not its foreign ministry: context only
            day = _page_day(
                next(p for p in (*sources, *new_sources) if p["source_id"] == source_id)
            )
            columns = {
                c
                for c in columns
                if _date_stated(dates, r["table"], r["record_id"], c, excerpt, day)
            }
            evidence.append(
                (r["table"], r["record_id"], source_id, excerpt, r["notes"].strip(), columns)
            )
        evidence += _disagreements(folder, by_url, dates)
    evidence = _quotes_kept(evidence, quotes)
    # A page whose every excerpt was left out (a statement waiting for its quote) is not a source.
    cited = {e[2] for e in evidence}
    new_sources = [s for s in new_sources if s["source_id"] in cited]
    _append(data, sources, new_sources, evidence)
    dated = _date_held_pages(data, dated_pages)
    print(
        f"{len(new_sources)} new sources, {len(evidence)} pieces of evidence, {dated} held pages "
        f"dated; pages left out: {len(left_out)}",
        file=sys.stderr,
    )


def _date_cells() -> dict[tuple[str, str, str], str]:
    """Every filled date cell of the fact tables, by (table, record_id, column)."""
    keys = {
        "events": ["event_id"],
        "statements": ["statement_id"],
        "sanctions_packages": ["package_id"],
        "legal_acts": ["act_id"],
        "measures": ["measure_id"],
    }
    cells = {}
    for table, key in keys.items():
        for row in csv.DictReader(open(ROOT / "data" / f"{table}.csv", encoding="utf-8")):
            record = "/".join(row[k] for k in key)
            for column, value in row.items():
                if column.endswith("_on") and value and column != "accessed_on":
                    cells[(table, record, column)] = value
    return cells


def _disagreements(folder: Path, by_url: dict[str, str], dates: dict) -> list:
    """A batch's corrections.csv as evidence that disagrees (DATA_GUIDE rule 5): the row keeps its
    value, and the excerpt that gives another day is recorded with that day in its notes. Only an
    excerpt that states the other day itself is kept, and only for a date the row still holds."""
    path = folder / "corrections.csv"
    kept = []
    for r in csv.DictReader(open(path, encoding="utf-8")) if path.is_file() else []:
        excerpt = excerpt_text(r["excerpt"])
        source_id = by_url.get(plain(r["url"]))
        column, other = r["column"].strip(), r["page_value"].strip()
        if not excerpt or source_id is None or len(excerpt) > 300:
            continue
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", other):  # "1 May (no year)": not a whole day
            continue
        if dates.get((r["table"], r["record_id"], column)) != r["row_value"].strip():
            continue  # the row has changed since: the disagreement no longer applies
        if not _date_stated(
            {(r["table"], r["record_id"], column): other},
            r["table"],
            r["record_id"],
            column,
            excerpt,
            None,  # a disagreeing day must be written out, not worked out from a weekday
        ):
            continue  # the page's day is worked out, not written: not a source that states it
        note = f"Gives {other} for {column}; the row keeps {r['row_value'].strip()}."
        kept.append((r["table"], r["record_id"], source_id, excerpt, note, {column}))
    return kept


def _page_day(page: dict[str, str]) -> dt.date | None:
    """The page's own date (published_on, or the full date of its address), against which a
    weekday, "today" or "yesterday" in its excerpt is read."""
    published = pd.Timestamp(page["published_on"]) if page["published_on"] else None
    return source_day(published, page["url"])


def _date_stated(
    dates: dict, table: str, record: str, column: str, excerpt: str, page_day: dt.date | None
) -> bool:
    """A date claim stands only if the excerpt gives the day and month (the year may be left out),
    or names it by a weekday, "today" or "yesterday" read against the page's own date."""
    value = dates.get((table, record, column))
    if value is None:
        return True
    day = pd.Timestamp(value)
    return date_found(day, excerpt, day.year, page_day)


def _quotes_kept(evidence: list, quotes: dict[str, str]) -> list:
    """Drop the evidence of statements whose quote none of their new excerpts carries."""
    texts: dict[str, list[str]] = {}
    for table, record, _, excerpt, _, _ in evidence:
        if table == "statements":
            texts.setdefault(record, []).append(normalised(excerpt))
    existing = list(csv.DictReader(open(ROOT / "data/evidence.csv", encoding="utf-8")))
    for r in existing:
        if r["table_name"] == "statements" and r["record_id"] in texts:
            texts[r["record_id"]].append(normalised(r["excerpt"]))
    waiting = {
        record
        for record, found in texts.items()
        if quotes.get(record) and not any(normalised(quotes[record]) in t for t in found)
    }
    if waiting:
        print(f"statements waiting for their quote: {sorted(waiting)}", file=sys.stderr)
    return [e for e in evidence if not (e[0] == "statements" and e[1] in waiting)]


def _date_held_pages(data: Path, pages: dict[str, dict]) -> int:
    """Fill the publication date of held pages that have none when a batch copied the words that
    state it (published_on with its date_excerpt); how many. A date already held is never changed."""
    path = data / "sources.csv"
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    filled = 0
    for row in rows:
        page = pages.get(row["source_id"])
        if row["published_on"] or not page or not page.get("date_excerpt", "").strip():
            continue
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", page.get("published_on", "").strip()):
            continue
        row["published_on"] = page["published_on"].strip()
        note = f'Date as the page states it: "{normalised(page["date_excerpt"])}".'
        row["notes"] = f"{row['notes']} {note}".strip()
        filled += 1
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, list(rows[0].keys()), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return filled


def _append(data: Path, sources: list, new_sources: list, evidence: list) -> None:
    with open(data / "sources.csv", "a", encoding="utf-8", newline="") as out:
        csv.DictWriter(out, list(sources[0].keys()), lineterminator="\n").writerows(new_sources)
    merged: dict[tuple, tuple[str, set[str]]] = {}
    for table, record, source, excerpt, notes, columns in evidence:
        old_notes, old_columns = merged.get((table, record, source, excerpt), ("", set()))
        merged[(table, record, source, excerpt)] = (
            "; ".join(n for n in (old_notes, notes) if n),
            old_columns | columns,
        )
    existing = list(csv.DictReader(open(data / "evidence.csv", encoding="utf-8")))
    held = {(r["table_name"], r["record_id"], r["source_id"], r["excerpt"]) for r in existing}
    last = max((int(r["evidence_id"].split("-")[1]) for r in existing), default=0)
    rows = sorted((k, v) for k, v in merged.items() if k not in held)
    with (
        open(data / "evidence.csv", "a", encoding="utf-8", newline="") as ev,
        open(data / "evidence_columns.csv", "a", encoding="utf-8", newline="") as ec,
    ):
        ev_writer, ec_writer = (
            csv.writer(ev, lineterminator="\n"),
            csv.writer(ec, lineterminator="\n"),
        )
        for n, ((table, record, source, excerpt), (notes, columns)) in enumerate(
            rows, start=last + 1
        ):
            ev_writer.writerow([f"evid-{n:05d}", table, record, source, excerpt, notes[:2000]])
            for column in sorted(columns):
                ec_writer.writerow([f"evid-{n:05d}", column])


if __name__ == "__main__":
    main()
