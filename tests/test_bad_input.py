"""Broken copies of the package: each problem is located exactly, exit status is 1, nothing is written."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pressure_tracker.cli import app

from .conftest import REPO, snapshot

Located = set[tuple[str, int | None, str | None]]


def csv_path(root: Path, table: str) -> Path:
    return root / "data" / f"{table}.csv"


def line_of(root: Path, table: str, needle: str) -> int:
    """The editor line (1-based) holding `needle`, found independently of the validator."""
    lines = csv_path(root, table).read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def replace(root: Path, table: str, old: str, new: str) -> None:
    path = csv_path(root, table)
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {table}.csv"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def rewrite_columns(root: Path, table: str, edit: Callable[[list[str]], list[str]]) -> None:
    """Apply `edit` to the header and every row of a table without quoted commas (jurisdictions)."""
    path = csv_path(root, table)
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    path.write_text(
        "\n".join(",".join(edit(line.split(","))) for line in lines) + "\n", encoding="utf-8"
    )


def drop_evidence(root: Path, table: str, record_id: str) -> None:
    """Remove the evidence of a record that a case deletes or renames, so only the case's own
    problem is left (evidence of a record that no longer exists is a problem of its own)."""
    import pandas as pd

    evidence = pd.read_csv(csv_path(root, "evidence"), dtype=str, keep_default_na=False)
    gone = evidence[(evidence["table_name"] == table) & (evidence["record_id"] == record_id)]
    evidence.drop(gone.index).to_csv(csv_path(root, "evidence"), index=False, lineterminator="\n")
    columns = pd.read_csv(csv_path(root, "evidence_columns"), dtype=str, keep_default_na=False)
    kept = columns[~columns["evidence_id"].isin(gone["evidence_id"])]
    kept.to_csv(csv_path(root, "evidence_columns"), index=False, lineterminator="\n")


def copy_evidence(root: Path, table: str, record_id: str, new_record_id: str) -> None:
    """Give a record that a case adds the evidence of the record it copies (validation refuses a fact
    row without evidence), so only the case's own problem is left."""
    import pandas as pd

    evidence = pd.read_csv(csv_path(root, "evidence"), dtype=str, keep_default_na=False)
    columns = pd.read_csv(csv_path(root, "evidence_columns"), dtype=str, keep_default_na=False)
    copied = evidence[(evidence["table_name"] == table) & (evidence["record_id"] == record_id)]
    assert len(copied), f"{table} {record_id} has no evidence to copy"
    # numbered on from 90000000 + the rows held: unlike any held id, and unlike the last call's
    new_ids = {
        old: f"evid-{90_000_000 + len(evidence) + n}" for n, old in enumerate(copied["evidence_id"])
    }
    added = copied.assign(evidence_id=copied["evidence_id"].map(new_ids), record_id=new_record_id)
    added_columns = columns[columns["evidence_id"].isin(new_ids)].assign(
        evidence_id=lambda d: d["evidence_id"].map(new_ids)
    )
    pd.concat([evidence, added]).to_csv(
        csv_path(root, "evidence"), index=False, lineterminator="\n"
    )
    pd.concat([columns, added_columns]).to_csv(
        csv_path(root, "evidence_columns"), index=False, lineterminator="\n"
    )


def located_with_codes(root: Path) -> tuple[int, Located, set[str]]:
    """Exit status, where each problem is, and the problems' codes."""
    result = CliRunner().invoke(app, ["validate", str(root), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    problems = json.loads(result.stdout)
    assert all(p["message"] for p in problems)
    where = {(p["file"], p["line"], p["column"]) for p in problems}
    return result.exit_code, where, {p["code"] for p in problems}


def located(root: Path) -> tuple[int, Located]:
    status, where, _ = located_with_codes(root)
    return status, where


def _case_wrong_type(root: Path) -> Located:
    replace(
        root,
        "event_figures",
        "ev-0001,prisoners_agreed,RU,1000,",
        "ev-0001,prisoners_agreed,RU,1000 people,",
    )
    return {("data/event_figures.csv", line_of(root, "event_figures", "1000 people"), "value")}


def _case_integer_too_large(root: Path) -> Located:
    """Converting it would wrap around to a negative number: it is refused instead."""
    replace(
        root,
        "event_figures",
        "ev-0001,prisoners_agreed,RU,1000,",
        "ev-0001,prisoners_agreed,RU,99999999999999999999,",
    )
    return {
        ("data/event_figures.csv", line_of(root, "event_figures", "99999999999999999999"), "value")
    }


def _case_date_no_frame_can_hold(root: Path) -> Located:
    """pandas holds dates from 1677 to 2262; converting one outside would raise."""
    replace(root, "sources", ",2026-11-25,en,analysis,", ",2300-01-01,en,analysis,")
    return {("data/sources.csv", line_of(root, "sources", ",2300-01-01,"), "accessed_on")}


def _case_impossible_date(root: Path) -> Located:
    replace(
        root,
        "events",
        "ev-0002,summit,Sixth European Political Community summit,2025-05-16",
        "ev-0002,summit,Sixth European Political Community summit,2025-02-30",
    )
    return {("data/events.csv", line_of(root, "events", "ev-0002,"), "starts_on")}


def _case_duplicate_primary_key(root: Path) -> Located:
    # st-0002 (no quote) becomes a second st-0003, whose evidence then serves both
    drop_evidence(root, "statements", "st-0002")
    replace(root, "statements", "st-0002,", "st-0003,")
    lines = csv_path(root, "statements").read_text(encoding="utf-8").split("\n")
    second = [i for i, line in enumerate(lines, start=1) if line.startswith("st-0003,")][1]
    return {("data/statements.csv", second, "statement_id")}


def _case_missing_required_value(root: Path) -> Located:
    replace(root, "events", "Ukraine-Russia talks in Istanbul,", ",")
    return {("data/events.csv", line_of(root, "events", "ev-0001,"), "title")}


def _case_value_outside_enum(root: Path) -> Located:
    replace(root, "statements", ",sanctions,announcement,Merz", ",sanctions,announcment,Merz")
    return {("data/statements.csv", line_of(root, "statements", "announcment"), "statement_type")}


def _case_dangling_foreign_key(root: Path) -> Located:
    replace(
        root,
        "actors",
        "rustem-umerov,Rustem Umerov,person,UA,ukraine_and_partners,,src-0001",
        "rustem-umerov,Rustem Umerov,person,UA,ukraine_and_partners,,src-99999999",
    )
    return {("data/actors.csv", line_of(root, "actors", "src-99999999"), "source_id")}


def _case_pattern_mismatch(root: Path) -> Located:
    replace(root, "sources", ",2026-11-25,en,analysis,", ",2026-11-25,english,analysis,")
    return {("data/sources.csv", line_of(root, "sources", ",english,"), "language")}


def _case_extra_column(root: Path) -> Located:
    rewrite_columns(
        root,
        "jurisdictions",
        lambda cells: [*cells, "extra" if cells[0] == "jurisdiction_id" else "x"],
    )
    return {("data/jurisdictions.csv", 1, "extra")}


def _case_missing_column(root: Path) -> Located:
    path = csv_path(root, "event_participants")
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    path.write_text("\n".join(line.rsplit(",", 1)[0] for line in lines) + "\n", encoding="utf-8")
    return {("data/event_participants.csv", 1, "source_id")}


def _case_columns_out_of_order(root: Path) -> Located:
    rewrite_columns(root, "event_participants", lambda cells: [cells[1], cells[0], *cells[2:]])
    return {("data/event_participants.csv", 1, None)}


def _case_not_utf8(root: Path) -> Located:
    line = line_of(root, "actors", "António")
    path = csv_path(root, "actors")
    path.write_bytes(path.read_bytes().replace("António".encode(), "António".encode("latin-1")))
    return {("data/actors.csv", line, None)}


def _case_empty_file(root: Path) -> Located:
    csv_path(root, "event_figures").write_bytes(b"")
    return {("data/event_figures.csv", 1, None)}


def _case_header_only(root: Path) -> Located:
    path = csv_path(root, "statement_sectors")
    path.write_text(path.read_text(encoding="utf-8").split("\n")[0] + "\n", encoding="utf-8")
    return {("data/statement_sectors.csv", 1, None)}


def _case_end_before_start(root: Path) -> Located:
    replace(
        root,
        "events",
        "Sixth European Political Community summit,2025-05-16,,",
        "Sixth European Political Community summit,2025-05-16,2025-05-15,",
    )
    return {("data/events.csv", line_of(root, "events", "ev-0002,"), "ends_on")}


def _case_unclosed_quote(root: Path) -> Located:
    replace(root, "events", "ev-0002,summit,Sixth", 'ev-0002,summit,"Sixth')
    return {("data/events.csv", line_of(root, "events", "ev-0002,"), None)}


def _case_quantity_without_unit(root: Path) -> Located:
    replace(root, "measures", ",189,exact,vessels,", ",189,exact,,")
    return {("data/measures.csv", line_of(root, "measures", ",189,"), "unit")}


def _case_date_in_future(root: Path) -> Located:
    replace(root, "statements", "st-0013,2025-05-16,", "st-0013,2099-05-16,")
    return {("data/statements.csv", line_of(root, "statements", "st-0013,"), "made_on")}


def _case_duplicate_row_under_new_id(root: Path) -> Located:
    path = csv_path(root, "measures")
    text = path.read_text(encoding="utf-8")
    first = text.split("\n")[1]
    path.write_text(text + "ms-9999," + first.split(",", 1)[1] + "\n", encoding="utf-8")
    return {("data/measures.csv", line_of(root, "measures", "ms-9999,"), "measure_id")}


def _case_error_after_multiline_cell(root: Path) -> Located:
    """A quoted cell spanning two lines shifts every later row: lines must follow the file, not the row count."""
    cell = (
        "Delegations of Ukraine and Russia met in Istanbul for their first direct talks since 2022."
    )
    replace(root, "events", cell, '"' + cell.replace(" since", "\nsince") + '"')
    replace(root, "events", "ev-0003,leader_call,", "ev-0003,phone_call,")
    # The line break itself is refused too (a control character), on the line where its cell starts.
    return {
        ("data/events.csv", line_of(root, "events", "ev-0003,"), "event_type"),
        ("data/events.csv", 2, "summary"),
    }


def _case_byte_order_mark(root: Path) -> Located:
    path = csv_path(root, "sectors")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    return {("data/sectors.csv", 1, None)}


def _case_evidence_for_a_record_that_does_not_exist(root: Path) -> Located:
    replace(root, "evidence", "evid-00001,legal_acts,act-1000,", "evid-00001,legal_acts,act-9999,")
    return {("data/evidence.csv", line_of(root, "evidence", "act-9999"), "record_id")}


def _case_evidence_for_a_column_the_table_lacks(root: Path) -> Located:
    replace(root, "evidence_columns", "evid-00001,act_type", "evid-00001,colour")
    return {
        ("data/evidence_columns.csv", line_of(root, "evidence_columns", "colour"), "column_name")
    }


def _case_quote_missing_from_its_evidence(root: Path) -> Located:
    """A quoted statement whose only evidence is an excerpt that lacks the quote's words."""
    import pandas as pd

    statements = pd.read_csv(csv_path(root, "statements"), dtype=str, keep_default_na=False)
    statement = statements[statements["quote"] != ""].iloc[0]
    drop_evidence(root, "statements", statement["statement_id"])
    path = csv_path(root, "evidence")
    row = f"evid-99999,statements,{statement['statement_id']},{statement['source_id']},The words of the page are other ones.,\n"
    path.write_text(path.read_text(encoding="utf-8") + row, encoding="utf-8")
    return {
        (
            "data/statements.csv",
            line_of(root, "statements", f"{statement['statement_id']},"),
            "quote",
        )
    }


CASES = {
    name.removeprefix("_case_"): fn for name, fn in globals().items() if name.startswith("_case_")
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_located_and_nothing_is_written(package: Path, case: str) -> None:
    """The screen does not clear the case, and validation (which then takes the exact path) names
    every problem where it is, with its code, and writes nothing. (Had the screen cleared it, the
    command would have said the package is valid: exit status 0 and no problems.)"""
    expected = CASES[case](package)
    before = snapshot(package)
    status, problems, codes = located_with_codes(package)
    assert status == 1
    assert problems == expected
    assert codes == CODES[case]
    assert snapshot(package) == before


def test_there_are_at_least_fifteen_cases() -> None:
    assert len(CASES) >= 15


def test_all_problems_are_reported_at_once(package: Path) -> None:
    expected: Located = set()
    for case in (
        "wrong_type",
        "dangling_foreign_key",
        "value_outside_enum",
        "byte_order_mark",
        "extra_column",
    ):
        expected |= CASES[case](package)
    status, problems = located(package)
    assert status == 1 and problems == expected


# The stable code of each case's problems (frictionless-py's vocabulary where it has a word).
CODES = {
    "wrong_type": {"type-error"},
    "integer_too_large": {"type-error"},
    "date_no_frame_can_hold": {"type-error"},
    "impossible_date": {"type-error"},
    "duplicate_primary_key": {"primary-key"},
    "missing_required_value": {"missing-cell"},
    "value_outside_enum": {"constraint-error"},
    "dangling_foreign_key": {"foreign-key"},
    "pattern_mismatch": {"constraint-error"},
    "extra_column": {"header-error"},
    "missing_column": {"header-error"},
    "columns_out_of_order": {"header-error"},
    "not_utf8": {"encoding-error"},
    "empty_file": {"file-empty"},
    "header_only": {"file-empty"},
    "end_before_start": {"rule-error"},
    "unclosed_quote": {"source-error"},
    "quantity_without_unit": {"rule-error"},
    "date_in_future": {"rule-error"},
    "duplicate_row_under_new_id": {"rule-error"},
    "error_after_multiline_cell": {"constraint-error", "rule-error"},
    "byte_order_mark": {"encoding-error"},
    "evidence_for_a_record_that_does_not_exist": {"rule-error"},
    "evidence_for_a_column_the_table_lacks": {"rule-error"},
    "quote_missing_from_its_evidence": {"rule-error"},
}


def test_every_code_is_a_known_one() -> None:
    from pressure_tracker.validation.problems import CODES as KNOWN

    assert set().union(*CODES.values()) <= set(KNOWN)
    assert set(CODES) == set(CASES)


def _raises(*_: object) -> None:
    raise ValueError("no such column here")


@pytest.mark.parametrize("kind", ["a test", "a row expression"])
def test_a_rule_that_cannot_run_is_a_located_problem_not_a_crash(
    monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """The exact path asks pandera about a table's rules only when one fails or cannot run: a rule
    whose test raises is still reported, on its column, and the other rules still hold. So too
    for a rule that looks at each row on its own, whose expression is answered with its table's
    others in one call: that call fails, and each is then asked on its own."""
    import polars as pl

    from pressure_tracker.validation import exact
    from pressure_tracker.validation.rules import Rule, _each_row, rules

    def unknown_column() -> pl.Expr:
        return pl.col("title").str.contains("x") & pl.col("no such column here").is_null()

    test = _raises if kind == "a test" else _each_row(unknown_column)
    extra = Rule("events", "title", "never shown", test, ("title",))
    monkeypatch.setattr(exact, "rules", lambda spec: [*rules(spec), extra])
    problems, _ = exact.validate_frames(REPO)
    assert [(p.file, p.line, p.column, p.code) for p in problems] == [
        ("data/events.csv", 1, "title", "rule-error")  # the header line: no row is at fault
    ]
    assert "check could not run" in problems[0].message
    assert "no such column here" in problems[0].message
