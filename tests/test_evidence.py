"""Evidence: the excerpts that state each fact, how they are checked, and how a reader finds them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import pressure_tracker as pt
from pressure_tracker.reports.verifiable import (
    Cell,
    checked_cells,
    coverage,
    date_found,
    found_shares,
    number_found,
    source_day,
    source_year,
)
from pressure_tracker.schema.spec import Spec

from .conftest import REPO

CLI = str(Path(sys.executable).parent / "pressure-tracker")


@pytest.mark.parametrize(
    ("value", "excerpt", "found"),
    [
        (1000, "an exchange of 1,000 prisoners for 1,000", True),
        (1000, "an exchange of 1 000 prisoners", True),
        (1000, "10000 people", False),
        (41, "forty-one vessels were listed", True),
        (4, "vier weitere Banken", True),  # small counts in German, French and Norwegian words
        (7, "sept entités", True),
        (2, "to skip ble listet", False),  # "to" is also an English word: not read as two
        (47.6, "USD 47,60 pro Fass", True),  # a decimal comma, a trailing zero
        (47.6, "US$147.60", False),
        (4, "four more broadcasters", True),
        (189, "189 vessels engaged", True),
        (18, "the 18th package", True),
        (189, "1189 vessels", False),
        (10, "adopted the tenth package", True),
        (21, "the twenty-first round", True),
        (20, "its twentieth package", True),
        (12, "the first package", False),
    ],
)
def test_a_number_is_found_in_digits_or_words(value: float, excerpt: str, found: bool) -> None:
    assert number_found(value, excerpt) is found


@pytest.mark.parametrize(
    ("day", "excerpt", "published", "found"),
    [
        ("2026-04-23", "adopted on 23 April 2026", None, True),
        ("2026-04-23", "on April 23, 2026, the Council", None, True),
        ("2026-04-23", "Beschluss vom 23.04.2026", None, True),
        ("2026-04-23", "dated 2026-04-23", None, True),
        ("2026-04-23", "on 23 April the Council", "2026-04-24", True),  # the source's year
        ("2026-04-23", "on 23 April the Council", "2025-12-01", False),
        ("2026-04-23", "on 13 April 2026", None, False),
        ("2022-12-16", "am 16. Dezember 2022", None, True),
        ("2022-12-16", "le 16 décembre 2022", None, True),
        ("2022-12-16", "el 16 de diciembre de 2022", None, True),
        ("2022-12-16", "16 dicembre 2022", None, True),
        ("2022-12-16", "16 Aralık 2022", None, True),
        ("2022-12-16", "16 декабря 2022 года", None, True),
        ("2022-12-16", "16 грудня 2022 року", None, True),
        ("2022-03-18", "forskrift 18. mars 2022 nr. 351", None, True),
        ("2022-03-18", "2022年3月18日の閣議", None, True),
        ("2022-03-18", "2022년 3월 18일 발표", None, True),
        ("2022-03-18", "3月18日の閣議", "2022-03-19", True),
        ("2022-03-18", "2022年3月28日", None, False),
        ("2022-12-16", "16 декабря 2021 года", None, False),  # another year
        ("2022-12-06", "16 декабря 2022 года", None, False),  # another day: no match inside 16
        ("2022-09-23", "on Sept. 23, 2022, the Treasury", None, True),
        ("2022-04-01", "le 1er avril 2022", None, True),
        ("2022-04-23", "on the 23rd of April 2022", None, True),
        ("2022-06-16", "(Pakistan Point News - 16th Jun, 2022 )", None, True),
        ("2023-02-25", "25/02/2023 18:35 | Press release", None, True),
        ("2024-05-07", "Xinhua) 09:20, May 07, 2024", None, True),
        ("2025-12-02", "in Moscow, Russia, 02 December 2025.", None, True),
        ("2024-05-07", "Xinhua) 09:20, May 17, 2024", None, False),
        ("2022-04-03", "03/04/2022", None, False),  # day first or month first? not counted
        ("2022-04-23", "on Saturday", "2022-04-23", False),  # a weekday is not a date
        # Spans of days: the first and the last day are found, the days between are not.
        ("2022-03-24", "European Council, 24-25 March 2022", None, True),
        ("2022-03-25", "European Council, 24-25 March 2022", None, True),
        ("2022-03-26", "European Council, 24-25 March 2022", None, False),
        ("2025-03-25", "from March 23-25, 2025, have", None, True),
        ("2025-03-24", "from March 23-25, 2025, have", None, False),
        ("2022-03-24", "on 24 and 25 March in Brussels", "2022-03-23", True),
        ("2026-02-05", "met from Feb. 4 - 5 for the second", "2026-02-05", True),
        ("2022-06-28", "realizou-se de 26 a 28 de junho", "2022-06-29", True),
        ("2025-03-25", "March 23-25,000 people", "2025-03-26", False),  # a number, not a span
        ("2022-03-24", "2022-03-24 talks", None, True),  # an ISO date is not read as a span
        # Agencies' date lines and numeric forms.
        ("2025-08-18", "ПЕКИН, 18 авг – РИА Новости.", "2025-08-18", True),
        ("2024-06-15", "Fasano, 15 giu. (askanews)", "2024-06-15", True),
        ("2022-06-08", "(ANSA) - ISTANBUL, 08 GIU - ", "2022-06-08", True),
        ("2022-03-03", "3 out of 5 members", "2022-03-03", False),  # a short name alone
        ("2025-05-14", "disse nesta 4ª feira (14.mai.2025) que", None, True),
        ("2025-12-19", "(Brussels, 12/19/25)", None, True),
        ("2022-12-05", "12/05/22", None, False),  # month first or day first? not counted
        ("2022-02-28", "Violetta Orlova 10:27, 28.02.22 UNIAN", None, True),
        ("2022-03-29", "Updated: 29-03-2022 18:49 IST", None, True),
        ("2022-09-21", "BEIJING, Sept 21 (Reuters)", "2022-09-21", True),
        ("2022-10-11", "war updates for Oct.11, 2022", None, True),
        ("2022-05-09", "At Wellington this 9th day of May 2022", None, True),
        ("2022-05-09", "this 19th day of May 2022", None, False),  # another day
        # The day-month forms of further languages of our sources.
        ("2024-12-20", "W piątek 20 grudnia Fico", "2024-12-20", True),
        ("2022-06-08", "Την Τετάρτη 8 Ιουνίου, ο", "2022-06-08", True),
        ("2022-03-31", "ceturtdien, 31. martā, parakstīja", "2022-03-31", True),
        ("2025-08-09", "नई दिल्ली, 09 अगस्त। भारत", "2025-08-09", True),
        ("2022-07-29", "la începutul zilei de 29 iulie că", "2022-07-29", True),
        ("2024-08-21", "Telegram pada 21 Agustus, lapor", "2024-08-21", True),
        ("2024-12-25", "Vatikan, 25. decembra - Papež", "2024-12-25", True),
        ("2022-03-31", "2022. március 31-én", None, True),
        ("2022-06-08", "يوم الأربعاء 8 حزيران/ يونيو بأنه", "2022-06-08", True),
        ("2022-10-08", "في 8 تشرين الأول 2022", None, True),
        ("2022-06-08", "8 يونيو 2022", None, True),
    ],
)
def test_a_date_is_found_in_the_forms_sources_use(
    day: str, excerpt: str, published: str | None, found: bool
) -> None:
    assert (
        date_found(pd.Timestamp(day), excerpt, pd.Timestamp(published).year if published else None)
        is found
    )


@pytest.mark.parametrize(
    ("day", "excerpt", "published", "found"),
    [
        ("2025-05-28", "Lavrov said on Wednesday that", "2025-05-28", True),
        ("2025-05-28", "Lavrov said on Wednesday that", "2025-05-29", True),  # the day after
        ("2025-05-28", "Lavrov said on Wednesday that", "2025-06-04", False),  # a week later
        ("2025-05-28", "Lavrov said on Tuesday that", "2025-05-28", False),
        ("2022-03-28", "Moscú, discutió hoy, durante", "2022-03-28", True),
        ("2022-03-28", "أحمد ناصر الصباح، اليوم الاثنين، دعم", "2022-03-28", True),
        ("2022-06-03", "Макрон в пятницу заявил", "2022-06-04", True),
        ("2022-06-03", "Зеленський у п’ятницю заявив", "2022-06-03", True),
        ("2024-01-10", "said yesterday", "2024-01-11", True),
        ("2024-01-11", "told Russia Today in an interview", "2024-01-11", False),  # a name
        ("2024-01-11", "said on Thursdays", "2024-01-11", False),  # not a word of its own
        ("2024-01-11", "said on Thursday", None, False),  # no page date: no day
    ],
)
def test_a_weekday_gives_a_day_read_against_the_page_date(
    day: str, excerpt: str, published: str | None, found: bool
) -> None:
    page_day = pd.Timestamp(published).date() if published else None
    year = page_day.year if page_day else None
    assert date_found(pd.Timestamp(day), excerpt, year, page_day) is found


@pytest.mark.parametrize(
    ("published", "url", "day"),
    [
        ("2025-05-01", "https://example.org/2024/07/24/a", "2025-05-01"),  # published_on first
        (None, "https://www.pravda.com.ua/eng/news/2025/06/17/7517589/", "2025-06-17"),
        (None, "https://ria.ru/20250818/putin-123.html", "2025-08-18"),
        (None, "https://www.washingtontimes.com/news/2022/aug/25/biden-calls/", "2022-08-25"),
        (None, "https://www.newindianexpress.com/world/2025/Oct/22/trump-says", "2025-10-22"),
        (None, "https://www.aljazeera.com/news/2025/8/19/trump-proposes", "2025-08-19"),
        (None, "https://www.onvista.de/news/2025/06-18-merz-vorsichtig", "2025-06-18"),
        (None, "https://example.org/2024/report", None),  # a year alone
        (None, "https://tass.com/politics/1394401", None),
        (None, "https://example.org/news/2025/02/30/a", None),  # shaped like a date, none
    ],
)
def test_a_source_day_comes_from_its_date_or_its_address(
    published: str | None, url: str, day: str | None
) -> None:
    expected = pd.Timestamp(day).date() if day else None
    assert source_day(pd.Timestamp(published) if published else None, url) == expected


@pytest.mark.parametrize(
    ("published", "url", "year"),
    [
        ("2024-07-25", "https://www.pravda.com.ua/eng/news/2023/07/24/7467186/", 2024),
        (None, "https://www.pravda.com.ua/eng/news/2024/07/24/7467186/", 2024),
        (None, "https://www.aljazeera.com/news/2024/9/14/russia-and-ukraine-exchange", 2024),
        (None, "https://sputnikglobe.com/20240118/watch-full-video-1116247511.html", 2024),
        (None, "https://www.example.org/news/2023-12-01-talks", 2023),
        (None, "http://en.people.cn/n3/2022/0409/c90000-10081869.html", 2022),
        (None, "https://www.reuters.com/world/europe/kremlin-demands-2022-03-30/", 2022),
        (None, "https://www.nippon.com/ja/news/reu20220308KBN2L50DL", 2022),
        (None, "https://www.example.org/story-324959-2022-13-07", None),  # not a month
        (None, "https://www.example.org/item/120220308", None),  # digits run on: an ID
        (None, "https://tass.com/politics/1734159", None),
        (None, "https://www.spokesman.com/stories/2025/dec/19/trump-aides-hold", 2025),
        (None, "https://www.example.org/2024/report", None),  # a year alone does not date a page
        (None, "https://www.example.org/2024/december/19/x", None),
        (None, "https://example.org/id/20241399/", None),  # not a month
        (None, None, None),
    ],
)
def test_a_source_is_of_the_year_it_was_published_or_its_address_gives(
    published: str | None, url: str | None, year: int | None
) -> None:
    assert source_year(pd.Timestamp(published) if published else None, url) == year


def test_evidence_loads_and_every_record_it_names_exists() -> None:
    evidence = pt.load("evidence")
    columns = pt.load("evidence_columns")
    assert len(evidence) > 0 and set(columns["evidence_id"]) <= set(evidence["evidence_id"])
    for table, group in evidence.groupby("table_name", observed=True):
        key = Spec(REPO).tables[str(table)].primary_key
        frame = pt.load(str(table))
        ids = frame[list(key)].astype(str).agg("/".join, axis=1) if len(key) > 1 else frame[key[0]]
        assert set(group["record_id"]) <= set(ids)


def test_coverage_and_found_shares_add_up() -> None:
    spec = Spec(REPO)
    frames = pt.load_all(REPO)
    rows = {table: (n, held) for table, n, held, _ in coverage(spec, frames)}
    held = frames["evidence"].groupby("table_name", observed=True)["record_id"].nunique()
    gaps = spec.package.evidence_not_needed  # evidence of a gap row is held but not counted
    assert all(rows[str(t)][1] == n for t, n in held.items() if str(t) not in gaps)
    assert all(rows[str(t)][1] <= n for t, n in held.items())
    cells = list(checked_cells(spec, frames))
    assert cells and all(isinstance(c, Cell) for c in cells)
    shares = found_shares(cells)
    assert sum(n for _, _, n, _, _ in shares) == len(cells)
    assert sum(f for _, _, _, f, _ in shares) == sum(c.found for c in cells)


def test_the_record_evidence_view_shows_excerpts_with_urls() -> None:
    con = pt.connect()
    rows = con.execute(
        "SELECT table_name, record_id, column_name, excerpt, url FROM record_evidence WHERE record_id = 'eu-9'"
    ).fetchall()
    assert rows and all(r[4].startswith("http") and r[3] for r in rows)
    assert "in_force_on" in {r[2] for r in rows}


def test_the_evidence_command_prints_a_record_with_its_excerpts() -> None:
    run = subprocess.run(
        [CLI, "evidence", "eu-9"], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert (
        run.stdout.startswith("sanctions_packages eu-9\n")
        and "in_force_on: 2022-12-17" in run.stdout
    )
    assert "17. Dezember 2022" in run.stdout and "https://www.ihk.de/" in run.stdout
    missing = subprocess.run(
        [CLI, "evidence", "no-such-id"], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert missing.returncode == 1 and missing.stderr.strip().endswith(
        "no record with this ID in "
        + ", ".join(Spec(REPO).tables["evidence"].field("table_name").constraints.enum or ())
    )


@pytest.mark.parametrize(
    ("table", "record"),
    [
        ("sanctions_packages", "eu-9"),
        ("events", "ev-1000"),
        ("event_figures", "ev-0001/prisoners_agreed/RU/both_sides"),
    ],
)
def test_a_row_of_a_table_held_to_evidence_needs_it(package: Path, table: str, record: str) -> None:
    """schemas/package.yaml lists the tables whose every row must have evidence: a row of one of
    them without evidence is a problem located at that row, in both passes."""
    from pressure_tracker.schema.spec import Spec as PackageSpec
    from pressure_tracker.validation import screen
    from pressure_tracker.validation.run import validate

    from .test_bad_input import drop_evidence

    assert table in PackageSpec(package).package.evidence_required
    drop_evidence(package, table, record)
    assert not screen.clears(package, PackageSpec(package))
    problems = validate(package)
    assert [(p.file, p.code) for p in problems] == [(f"data/{table}.csv", "rule-error")]
    assert f"{record} has no evidence" in problems[0].message


def test_a_gap_row_needs_no_evidence_and_is_not_counted_as_a_fact(package: Path) -> None:
    """An event figure with no value (the side of an exchange no source counted) states no fact:
    validation does not ask it for evidence, and the evidence share leaves it out."""
    import pandas as pd

    from pressure_tracker.reports.verifiable import coverage, evidenced
    from pressure_tracker.validation.exact import validate_frames
    from pressure_tracker.validation.run import validate

    from .test_bad_input import csv_path, drop_evidence

    spec = Spec(package)
    assert spec.package.evidence_not_needed == {"event_figures": "value"}
    assert "event_figures" in spec.package.evidence_required
    figures = pd.read_csv(csv_path(package, "event_figures"), dtype=str, keep_default_na=False)
    gap = figures[figures["value"] == ""].iloc[0]
    record = "/".join(gap[["event_id", "figure", "party", "counted_by"]])
    drop_evidence(package, "event_figures", record)
    assert validate(package) == []
    _, frames = validate_frames(package, spec)
    facts = evidenced(spec, frames)
    assert record not in set(facts[facts["table_name"] == "event_figures"]["record_id"])
    counted = {t: n for t, n, _, _ in coverage(spec, frames)}
    assert counted["event_figures"] == (figures["value"] != "").sum()
