"""The exact path of `validate`: every table read once by pyarrow and checked by pandera, every
problem named by file, line and column, nothing written."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from pressure_tracker.schema.spec import Spec, SpecError
from pressure_tracker.validation.frames import DUPLICATE, columns_hold, pandera_schema
from pressure_tracker.validation.problems import Problem, quoted, spec_problems
from pressure_tracker.validation.read import ReadResult, read_table
from pressure_tracker.validation.rules import Rule, row_expression, rules, text_safe

WORKERS = max(2, os.cpu_count() or 2)
# Below this many bytes of CSV, the tables are read one after another: the threads' hand-offs cost
# more than they save. The real data (4 MB) validated in 330 ms alone and 360 ms in two threads;
# synthetic packages broke even at 12 MB, and two threads were 10% faster at 30 MB, 17% at 150 MB.
PARALLEL_FROM = 16 * 2**20

# pandera's own names for the checks it builds in; every other check carries its message as `error`.
BUILTIN_MESSAGES = {
    "not_nullable": "required value is missing",
    "multiple_fields_uniqueness": "duplicates the primary key of an earlier row",
}


def validate_frames(
    root: Path, spec: Spec | None = None
) -> tuple[list[Problem], dict[str, pd.DataFrame]]:
    """Problems plus the typed frames that parsed (so callers need not read the files twice)."""
    if spec is None:
        try:
            spec = Spec(root)
        except SpecError as exc:
            return spec_problems(exc), {}

    # Tables are independent until the foreign keys: on a large package, read and check them on all
    # cores, largest first (pyarrow and most pandas work release the GIL; a 1M-row package validates
    # about 1.5x faster).
    def one_table(name: str) -> tuple[ReadResult, list[Problem]]:
        result = read_table(root, spec.tables[name])
        checked = (
            _schema_problems(spec, name, result.frame, result) if result.frame is not None else []
        )
        return result, result.problems + checked

    sizes = {name: _size(root, name) for name in spec.tables}
    largest_first = sorted(spec.tables, key=lambda name: -sizes[name])
    if sum(sizes.values()) < PARALLEL_FROM:
        done = {name: one_table(name) for name in largest_first}
    else:
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            done = dict(zip(largest_first, pool.map(one_table, largest_first), strict=False))
    results = {name: done[name][0] for name in spec.tables}
    problems = [p for name in spec.tables for p in done[name][1]] + _unexpected_files(root, spec)
    frames = {name: r.frame for name, r in results.items() if r.frame is not None}
    problems += _foreign_key_problems(spec, frames, results)
    problems += _rule_problems(rules(spec), frames, results)
    return _ordered(problems, list(spec.tables)), frames


def _size(root: Path, table: str) -> int:
    path = root / "data" / f"{table}.csv"
    return path.stat().st_size if path.is_file() else 0


def _unexpected_files(root: Path, spec: Spec) -> list[Problem]:
    """A CSV in data/ without a schema is data no one checks: report it."""
    return [
        Problem(
            f"data/{path.name}",
            None,
            None,
            f"no schema for this file: add schemas/{path.stem}.yaml or remove it",
            "extra-file",
        )
        for path in sorted((root / "data").glob("*.csv"))
        if path.stem not in spec.tables
    ]


def _ordered(problems: list[Problem], tables: list[str]) -> list[Problem]:
    """Sorted by table order, line and column; one problem per cell (the first found)."""
    rank = {f"data/{name}.csv": i for i, name in enumerate(tables)}
    seen, unique = set(), []
    for p in problems:
        key = (p.file, p.line, p.column) if p.column else p
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return sorted(
        unique, key=lambda p: (rank.get(p.file, -1), p.file, p.line or 0, p.column or "", p.message)
    )


def _schema_problems(
    spec: Spec, name: str, frame: pd.DataFrame, result: ReadResult
) -> list[Problem]:
    import pandera.pandas as pandera

    if columns_hold(spec.tables[name], frame):
        return []  # every check holds: pandera, which names failing cells, has none to name
    try:
        pandera_schema(spec.tables[name]).validate(frame, lazy=True)
        return []
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    problems = []
    for case in cases.itertuples(index=False):
        # a whole-column failure, e.g. a dtype that a parsed cell cannot have
        if pd.isna(case.index):
            problems.append(result.problem(None, case.column, str(case.check), "type-error"))
            continue
        row = int(case.index)
        message = BUILTIN_MESSAGES.get(str(case.check), str(case.check))
        if case.check == "multiple_fields_uniqueness":
            key = ", ".join(f"{k}={frame.at[row, k]!s}" for k in spec.tables[name].primary_key)
            problems.append(
                result.problem(
                    row, spec.tables[name].primary_key[0], f"{message} ({key})", "primary-key"
                )
            )
        elif case.check == "not_nullable":
            problems.append(result.problem(row, case.column, message, "missing-cell"))
        else:
            code = "constraint-error"
            if message == DUPLICATE:
                sole_key = list(spec.tables[name].primary_key) == [case.column]
                code = "primary-key" if sole_key else "unique-error"
            shown = f"{quoted(_shown(case.failure_case))} {message}"
            problems.append(result.problem(row, case.column, shown, code))
    return problems


def _shown(value: object) -> str:
    """A typed cell as the file writes it: 2025-05-16 rather than a Timestamp, 189 rather than 189.0."""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _foreign_key_problems(
    spec: Spec, frames: dict[str, pd.DataFrame], results: dict[str, ReadResult]
) -> list[Problem]:
    """Anti-joins: every non-empty key value must exist in the referenced column."""
    problems = []
    for name, frame in frames.items():
        for fk in spec.tables[name].foreign_keys:
            target_name = fk.reference.resource or name
            target = frames.get(target_name)
            if target is None:
                continue  # the target table has its own problems reported
            column, target_column = fk.fields[0], fk.reference.fields[0]
            values = frame[column]
            dangling = values.notna() & ~is_in(values, target[target_column])
            for row in dangling[dangling].index:
                message = (
                    f"{quoted(values[row])} is not a {target_column} in data/{target_name}.csv"
                )
                problems.append(results[name].problem(row, column, message, "foreign-key"))
    return problems


def is_in(values: pd.Series, target: pd.Series) -> pd.Series:
    """Whether each value is one of `target`'s, by Arrow (pandas' isin on Arrow strings makes a
    Python object of every target value)."""
    known = pc.is_in(pa.array(values), value_set=pa.array(target).drop_null())
    return pd.Series(known.to_numpy(zero_copy_only=False), index=values.index)


def _rule_problems(
    all_rules: list[Rule], frames: dict[str, pd.DataFrame], results: dict[str, ReadResult]
) -> list[Problem]:
    """Run the rules of rules.py as pandera checks, one DataFrameSchema per table."""
    applicable = [r for r in all_rules if r.applies(frames)]
    # The tables rules look up, as polars frames of the columns they read, made once for all rules.
    needed = dict.fromkeys(name for r in applicable for name in r.needs)
    looked_up = {
        name: as_polars(
            frames[name], tuple(dict.fromkeys(c for r in applicable for c in r.columns(name)))
        )
        for name in needed
    }

    def one_table(name: str) -> list[Problem]:
        table_rules = [r for r in applicable if r.table == name]
        if not table_rules or frames[name].empty:
            return []
        return _table_rule_problems(table_rules, frames[name], looked_up, results[name])

    # One table at a time: two tables' rules side by side hold polars copies of both tables' columns
    # at once. At 1M rows that took the peak from 2.1 GB to 2.5 GB (4x the CSV), for 1.5x the speed.
    return [p for name in frames for p in one_table(name)]


def _table_rule_problems(
    table_rules: list[Rule],
    frame: pd.DataFrame,
    looked_up: dict[str, pl.DataFrame],
    result: ReadResult,
) -> list[Problem]:
    import pandera.pandas as pandera

    # The table's columns the rules read, as one polars frame made once (not once per rule).
    own = as_polars(frame, tuple(dict.fromkeys(c for r in table_rules for c in r.columns(r.table))))
    # The text rules of a table in one pass over its text columns: one rule each was a third of
    # the exact path's time on a small package.
    text = text_safe(own, [r.column for r in table_rules if r.text])
    each_row = _row_answers(table_rules, own)
    answers = [
        text[rule.column]
        if rule.text
        else each_row[i]
        if i in each_row
        else _answered(rule, own, looked_up)
        for i, rule in enumerate(table_rules)
    ]
    # Most tables break no rule: pandera, which names the failing rows, is needed only when one does
    # (its wrapper cost more than the rules themselves on a small package).
    if all(answer is not None and answer.all() for answer in answers):
        return []
    checks = [
        pandera.Check(
            partial(_answer, answer)
            if answer is not None
            else partial(_run, rule, own, looked_up),  # raises again, and pandera reports it
            name=f"rule-{i}",
        )
        for i, (rule, answer) in enumerate(zip(table_rules, answers, strict=True))
    ]
    try:
        pandera.DataFrameSchema(checks=checks).validate(frame, lazy=True)
        return []
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    problems = []
    for case in cases[cases["index"].isna()].itertuples(index=False):  # a rule that could not run
        rule = table_rules[int(case.check_number)]
        problems.append(
            result.problem(
                None, rule.column, f"check could not run: {case.failure_case}", "rule-error"
            )
        )
    failed = cases[["check_number", "index"]].dropna().drop_duplicates()
    # A cell already faulted (a wrong type, a value out of range) reads as empty to the rules: the
    # rules that read it would only restate that problem, so they are not reported on its row.
    faulted = {(p.line, p.column) for p in result.problems}
    for check_number, row in failed.itertuples(index=False):
        rule = table_rules[int(check_number)]
        line = result.line(int(row))
        if any((line, column) in faulted for column in rule.columns(rule.table)):
            continue
        cells = {
            str(c): _shown(v) if pd.notna(v) else "(empty)" for c, v in frame.loc[int(row)].items()
        }
        message = rule.message(cells) if callable(rule.message) else rule.message.format(**cells)
        problems.append(result.problem(int(row), rule.column, message, "rule-error"))
    return problems


def _row_answers(table_rules: list[Rule], own: pl.DataFrame) -> dict[int, pl.Series]:
    """The answers of the rules that look at each row on its own, by their place in `table_rules`,
    all from one select: one polars call each was most of the rules' time on a small package."""
    expressions = {i: e for i, rule in enumerate(table_rules) if (e := row_expression(rule))}
    if not expressions:
        return {}
    try:
        answered = own.select([e().fill_null(False).alias(str(i)) for i, e in expressions.items()])
    except Exception:  # a rule cannot run: each is asked on its own, and pandera names which
        return {}
    return {i: answered[str(i)] for i in expressions}


def as_polars(frame: pd.DataFrame, columns: tuple[str, ...]) -> pl.DataFrame:
    """Columns of a typed frame as the rules read them, and as the screen types them: dates as dates.

    Column by column through Arrow, whose buffers the frame's columns already are: half the time of
    `pl.from_pandas` on a small table, which the exact path converts for each table it checks."""
    typed = pl.from_arrow(pa.table({column: pa.array(frame[column]) for column in columns}))
    assert isinstance(typed, pl.DataFrame)
    dates = [name for name, kind in typed.schema.items() if isinstance(kind, pl.Datetime)]
    return typed.with_columns(pl.col(dates).cast(pl.Date)) if dates else typed


def _answer(holds: pl.Series, frame: pd.DataFrame) -> pd.Series:
    """A rule's answer computed beforehand, as pandera takes it."""
    return pd.Series(holds.to_numpy(), index=frame.index)


def _holds(rule: Rule, own: pl.DataFrame, looked_up: dict[str, pl.DataFrame]) -> pl.Series:
    return rule.holds(own.select(rule.columns(rule.table)), looked_up)


def _answered(
    rule: Rule, own: pl.DataFrame, looked_up: dict[str, pl.DataFrame]
) -> pl.Series | None:
    """A rule's answer per row, or None when the rule cannot run on these frames."""
    try:
        return _holds(rule, own, looked_up)
    except Exception:  # pandera runs it again and reports why it could not run
        return None


def _run(
    rule: Rule, own: pl.DataFrame, looked_up: dict[str, pl.DataFrame], frame: pd.DataFrame
) -> pd.Series:
    return _answer(_holds(rule, own, looked_up), frame)
