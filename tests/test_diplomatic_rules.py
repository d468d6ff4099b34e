"""Rules of the diplomatic tables, each shown to catch a broken copy at the right cell."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_bad_input import copy_evidence, csv_path, drop_evidence, line_of, located, replace

RU_ROW = "ev-0001,prisoners_agreed,RU,"


@pytest.mark.parametrize(
    ("replacement", "flagged", "column"),
    [
        (None, "ev-0001,prisoners_agreed,UA,", "party"),  # the RU row removed: one side only
        (
            "ev-0001,prisoners_agreed,RU,,,unspecified,both_sides,src-0001,",
            RU_ROW,
            "value",
        ),  # the RU value emptied, no note
    ],
    ids=["one-side-only", "missing-side-without-note"],
)
def test_exchange_figures_need_both_sides(
    package: Path, replacement: str | None, flagged: str, column: str
) -> None:
    if replacement is None:
        drop_evidence(package, "event_figures", "ev-0001/prisoners_agreed/RU/both_sides")
    path = csv_path(package, "event_figures")
    lines = path.read_text(encoding="utf-8").split("\n")
    edited = [replacement if line.startswith(RU_ROW) else line for line in lines]
    path.write_text("\n".join(line for line in edited if line is not None), encoding="utf-8")
    status, problems = located(package)
    assert status == 1
    assert problems == {
        ("data/event_figures.csv", line_of(package, "event_figures", flagged), column)
    }


@pytest.mark.parametrize(
    ("table", "old", "new", "flagged", "column"),
    [
        (
            "event_figures",
            "ev-0001,prisoners_agreed,RU,1000,exact,",
            "ev-0001,prisoners_agreed,RU,1000,,",
            "ev-0001,prisoners_agreed,RU,",
            "qualifier",
        ),
        (
            "event_figures",
            "ev-1027,bodies_returned,UA,,,",
            "ev-1027,bodies_returned,UA,,about,",
            "ev-1027,bodies_returned,UA,",
            "qualifier",
        ),
        ("measures", ",40,at_least,", ",40,,", "ms-6043,", "quantity_qualifier"),
        ("measures", ",342,exact,", ",342,,", "ms-2047,", "total_qualifier"),
        ("events", ",ev-0001,,src-6041,", ",ev-1020,,src-6041,", "ev-1020,", "parent_event_id"),
        ("events", ",ev-0001,,src-6041,", ",ev-1049,,src-6041,", "ev-1020,", "parent_event_id"),
        ("measures", ",ms-5022,src-", ",ms-5025,src-", "ms-5025,", "replaces_measure_id"),
        (
            "events",
            'no ceasefire was agreed.",,,src-0001,',
            'no ceasefire was agreed.",,3,src-0001,',
            "ev-0001,",
            "exchange_number",
        ),
    ],
    ids=[
        "value-without-qualifier",
        "qualifier-without-value",
        "quantity-without-qualifier",
        "total-without-qualifier",
        "own-parent",
        "starts-before-parent",
        "replaces-itself",
        "talks-with-an-exchange-number",
    ],
)
def test_qualifiers_and_parent_events_are_checked(
    package: Path, table: str, old: str, new: str, flagged: str, column: str
) -> None:
    replace(package, table, old, new)
    status, problems = located(package)
    assert status == 1
    assert problems == {(f"data/{table}.csv", line_of(package, table, flagged), column)}


def test_same_statement_twice_on_one_day_is_caught(package: Path) -> None:
    path = csv_path(package, "statements")
    text = path.read_text(encoding="utf-8")
    row = next(line for line in text.split("\n") if line.startswith("st-0001,"))
    path.write_text(
        text
        + row.replace("st-0001,", "st-9999,").replace(
            ",prisoner_exchange,announcement,", ",negotiations,announcement,"
        )
        + "\n",
        encoding="utf-8",
    )
    copy_evidence(package, "statements", "st-0001", "st-9999")
    status, problems = located(package)
    assert status == 1
    assert problems == {
        ("data/statements.csv", line_of(package, "statements", "st-9999,"), "summary")
    }


def test_statement_outside_its_event_is_caught(package: Path) -> None:
    replace(package, "statements", "st-0001,2025-05-16,", "st-0001,2025-05-19,")
    status, problems = located(package)
    assert status == 1
    assert problems == {
        ("data/statements.csv", line_of(package, "statements", "st-0001,"), "made_on")
    }


def test_a_quote_longer_than_25_words_is_refused(package: Path) -> None:
    """Quotes are short key phrases (DATA_GUIDE): a rule, so a release cannot carry a long one."""
    import csv

    from pressure_tracker.validation.run import validate

    path = csv_path(package, "statements")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows, fields = list(reader), list(reader.fieldnames or [])
    row = next(i for i, r in enumerate(rows) if not r["quote"])
    rows[row]["quote"] = " ".join(["word"] * 26)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    problems = validate(package)
    assert [(p.file, p.line, p.column) for p in problems] == [
        ("data/statements.csv", row + 2, "quote")
    ]
