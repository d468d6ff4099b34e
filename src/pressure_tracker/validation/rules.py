"""Rules that a Table Schema cannot state: across columns of a row, and across tables.

Each rule names the table and column a failing row is reported under, a message template filled
from the failing row, a test returning True for every row that is fine, and the columns the test
reads. Tests are written once, in polars: `validate` runs them as pandera checks on its frames, so
the contract lives in one place, and the screen (screen.py) runs them on just the columns they read.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import polars as pl

from pressure_tracker.schema.spec import RECORD_ID_SEPARATOR, Spec
from pressure_tracker.schema.views import PACKAGE_DATES

Frames = Mapping[str, pl.DataFrame]
# True for a row that is fine; a row the test cannot answer (null) fails.
Test = Callable[[pl.DataFrame, Frames], pl.Series]
# A cell's value by column name, as a rule's key is built from it: the column as compared.
Column = Callable[[str], pl.Expr]


@dataclass(frozen=True)
class Rule:
    table: str
    column: str
    message: (
        str | Callable[[Mapping[str, str]], str]
    )  # a template over the failing row's cells, or a function of them
    test: Test
    # Every column the test reads: its own table's by name, another table's as "table.column".
    reads: tuple[str, ...]
    # For a rule against repeats: columns that two rows with the same key share cell for cell (the
    # key may compare more, as a statement's text without case). The rule fails only rows whose key
    # repeats an earlier row's, so the screen hashes these columns as it reads: where no hash
    # repeats, the rule holds; where some do, only those rows need the test.
    repeats: tuple[str, ...] = ()
    text: bool = (
        False  # a text-safety rule: the screen checks these on the bytes and in its polars pass
    )

    @property
    def needs(self) -> tuple[str, ...]:
        """Other tables the test reads."""
        return tuple(sorted({c.split(".", 1)[0] for c in self.reads if "." in c}))

    def columns(self, table: str) -> tuple[str, ...]:
        """The columns of `table` that the test reads."""
        if table == self.table:
            return tuple(c for c in self.reads if "." not in c)
        return tuple(c.split(".", 1)[1] for c in self.reads if c.startswith(f"{table}."))

    def applies(self, frames: Mapping[str, object]) -> bool:
        return all(frames.get(name) is not None for name in (self.table, *self.needs))

    def holds(self, frame: pl.DataFrame, frames: Frames) -> pl.Series:
        """The test's answer per row, a row with no answer failing."""
        return self.test(frame, frames).fill_null(False)


def _each_row(fine: Callable[[], pl.Expr]) -> Test:
    """A test that looks at each row on its own, from the expression that is True where it is fine.
    The expression stays on the test (`row_expression`), so that a table's tests of this kind can
    be answered together, in one polars call."""

    @functools.wraps(fine)
    def test(df: pl.DataFrame, _: Frames) -> pl.Series:
        return df.select(fine().alias("fine")).to_series()

    test.row_expression = fine  # type: ignore[attr-defined]
    return test


def row_expression(rule: Rule) -> Callable[[], pl.Expr] | None:
    """The expression of a rule that looks at each row on its own, or None for any other rule."""
    return None if rule.text else getattr(rule.test, "row_expression", None)


def _not_before(later: str, earlier: str) -> Test:
    return _each_row(lambda: ~(pl.col(later) < pl.col(earlier)).fill_null(False))


def _not_in_future(column: str) -> Test:
    return _each_row(lambda: ~(pl.col(column) > pl.lit(dt.date.today())).fill_null(False))


def _both_or_neither(a: str, b: str) -> Test:
    return _each_row(lambda: pl.col(a).is_null() == pl.col(b).is_null())


def _comparable(df: pl.DataFrame) -> Column:
    """Columns as rows are compared: -0.0 is the same number as 0.0."""

    def column(name: str) -> pl.Expr:
        return one_zero(pl.col(name)).alias(name) if df.schema[name].is_float() else pl.col(name)

    return column


def one_zero(number: pl.Expr) -> pl.Expr:
    """-0.0 as 0.0: the same number, so the same key and the same hash."""
    return pl.when(number == 0).then(0.0).otherwise(number)


def _no_repeat(key: Callable[[Column], pl.Expr]) -> Test:
    """Fine where the key is null or met for the first time (two empty cells are equal)."""

    def test(df: pl.DataFrame, _: Frames) -> pl.Series:
        row_key = key(_comparable(df))
        # Keys whose hashes differ differ: comparing whole keys (which copies them) is needed only
        # when some hash repeats.
        hashes = (
            df.select(pl.when(row_key.is_not_null()).then(row_key.hash())).to_series().drop_nulls()
        )
        if hashes.n_unique() == len(hashes):
            return pl.repeat(True, len(df), eager=True)
        return df.select(row_key.is_null() | row_key.is_first_distinct()).to_series()

    return test


def _against_repeats(
    table: str,
    column: str,
    message: str,
    key: Callable[[Column], pl.Expr],
    reads: tuple[str, ...],
    repeats: tuple[str, ...] | None = None,
) -> Rule:
    """A rule that rows do not repeat one another's key; `repeats` as in `Rule` (by default, every
    column the key reads, compared as it is)."""
    return Rule(
        table,
        column,
        message,
        _no_repeat(key),
        reads,
        repeats=reads if repeats is None else repeats,
    )


def _content(columns: tuple[str, ...]) -> Callable[[Column], pl.Expr]:
    return lambda column: pl.struct(column(c) for c in columns)


@_each_row
def _adopted_eu_package_has_adoption_date() -> pl.Expr:
    """The Council's formal adoption is the date the EU's numbered packages are cited by."""
    numbered = (pl.col("jurisdiction_id") == "eu") & pl.col("number").is_not_null()
    return ~(numbered & (pl.col("status") == "adopted") & pl.col("adopted_on").is_null())


def _dating_columns(packages: pl.DataFrame) -> list[str]:
    """The columns that date a package: `dated_by` and the dates, or only the dates in a release
    made before packages named their date (1.2.0 and earlier)."""
    named = ["dated_by"] if "dated_by" in packages.columns else []
    return [*named, *PACKAGE_DATES]


def _package_date(packages: pl.DataFrame) -> pl.Expr:
    return _dated_by_date() if "dated_by" in packages.columns else pl.coalesce(PACKAGE_DATES)


def _dated_by_date() -> pl.Expr:
    """The date a package is dated by: the column its `dated_by` names."""
    expr = pl.lit(None, dtype=pl.Date)
    for column in reversed(PACKAGE_DATES):
        expr = pl.when(pl.col("dated_by") == column).then(pl.col(column)).otherwise(expr)
    return expr


@_each_row
def _dated_by_names_a_filled_date() -> pl.Expr:
    no_date = pl.all_horizontal(pl.col(c).is_null() for c in PACKAGE_DATES)
    return (
        pl.when(no_date)
        .then(pl.col("dated_by").is_null())
        .otherwise(_dated_by_date().is_not_null())
    )


@_each_row
def _adopted_package_has_a_date() -> pl.Expr:
    return ~(
        (pl.col("status") == "adopted")
        & pl.all_horizontal(pl.col(c).is_null() for c in PACKAGE_DATES)
    )


@_each_row
def _not_adopted_has_no_date() -> pl.Expr:
    return ~(
        pl.col("status").is_in(["proposed", "blocked"]).fill_null(False)
        & pl.col("adopted_on").is_not_null()
    )


VESSEL_MEASURES = ["vessel_listing", "port_access_ban"]


@_each_row
def _vessel_counts_match_type() -> pl.Expr:
    """Vessels are counted only by vessel measures, and a counted vessel listing counts vessels."""
    vessels = (pl.col("unit") == "vessels").fill_null(False)
    stray = vessels & ~pl.col("measure_type").is_in(VESSEL_MEASURES).fill_null(False)
    miscounted = (
        (pl.col("measure_type") == "vessel_listing") & pl.col("quantity").is_not_null() & ~vessels
    )
    return ~(stray | miscounted)


@_each_row
def _parent_is_not_self() -> pl.Expr:
    return (pl.col("parent_sector_id") != pl.col("sector_id")).fill_null(True)


def _looked_up(
    frame: pl.DataFrame, key: str, other: pl.DataFrame, other_key: str, columns: list[str]
) -> pl.DataFrame:
    """For each row of `frame`, `columns` of the row of `other` that its `key` names (empty where
    none is), in the rows' order. A duplicated key (reported elsewhere) gives its first row."""
    found = other.select(pl.col(other_key).alias(key), *columns)
    if not strictly_increasing(found[key]):  # keys written in order are unique: no need to look
        found = found.unique(key, keep="first")
    elif frame[key].null_count() == 0 and frame[key].is_sorted():
        return merged_lookup(frame[key], found, key, columns)
    return frame.select(key).join(found, on=key, how="left", maintain_order="left").drop(key)


def merged_lookup(
    keys: pl.Series, found: pl.DataFrame, key: str, columns: list[str]
) -> pl.DataFrame:
    """`columns` of the row of `found` that each of the sorted `keys` names (empty where none does),
    when `found[key]` is strictly increasing: one merge instead of a hash table. An as-of join pairs
    each key with the last row at or before it, which is its own row where it has one."""
    rows = found.with_columns(pl.col(key).set_sorted(), pl.col(key).alias("_found"))
    paired = (
        keys.to_frame(key)
        .with_columns(pl.col(key).set_sorted())
        .join_asof(rows, on=key, strategy="backward")
    )
    own = pl.col("_found") == pl.col(key)
    return paired.select(pl.when(own).then(pl.col(c)).alias(c) for c in columns)


def strictly_increasing(values: pl.Series) -> bool:
    """Values in order with none twice, as IDs are usually written: then they are unique."""
    if values.null_count():
        return False
    return len(values) < 2 or bool((values.slice(1) > values.slice(0, len(values) - 1)).all())


def _eu_numbers_contiguous(df: pl.DataFrame, _: Frames) -> pl.Series:
    """EU packages are numbered 1, 2, 3, ... with no gap and no number used twice."""
    eu = pl.col("jurisdiction_id") == "eu"
    numbered = eu & pl.col("number").is_not_null()
    numbers = df.filter(numbered)["number"].cast(pl.Float64)
    number = pl.col("number").cast(pl.Float64)
    gap_before = (
        pl.col("number").is_not_null() & (number > 1) & ~(number - 1).is_in(numbers.implode())
    )
    reused = numbered & ~pl.struct(numbered, number).is_first_distinct()
    return df.select(~(eu & (gap_before | reused)).fill_null(False)).to_series()


def _where(relevant: Callable[[], pl.Expr]) -> Callable[[Test], Test]:
    """A test run on just the rows that can fail it (the others are fine): a lookup in another
    table costs only as many rows as need one."""

    def on_relevant_rows(test: Test) -> Test:
        @functools.wraps(test)
        def run(df: pl.DataFrame, frames: Frames) -> pl.Series:
            rows = df.with_row_index("_row").filter(relevant())
            return pl.repeat(True, len(df), eager=True).scatter(rows["_row"], test(rows, frames))

        return run

    return on_relevant_rows


@_where(lambda: pl.col("effective_on").is_not_null())
def _effective_not_before_adoption(df: pl.DataFrame, frames: Frames) -> pl.Series:
    adopted = _looked_up(
        df, "package_id", frames["sanctions_packages"], "package_id", ["adopted_on"]
    )["adopted_on"]
    return ~(df["effective_on"] < adopted).fill_null(False)


@_where(lambda: pl.col("reported_total").is_not_null())
def _reported_totals_never_decrease(df: pl.DataFrame, frames: Frames) -> pl.Series:
    """Per jurisdiction, sector, measure type and unit, a running total is not below a total of an
    earlier date, nor below its own quantity. Totals of one date are not ordered among themselves,
    and a package with no date cannot be ordered at all, so those are compared with earlier dates only."""
    keys = ["jurisdiction", "sector_id", "measure_type", "unit"]
    package = _looked_up(
        df,
        "package_id",
        frames["sanctions_packages"],
        "package_id",
        ["jurisdiction_id", *_dating_columns(frames["sanctions_packages"])],
    )
    rows = df.select("sector_id", "measure_type", "unit", "reported_total").with_columns(
        jurisdiction=package["jurisdiction_id"],
        date=package.select(_package_date(package)).to_series(),
    )
    # The highest total of each date, then the highest of all earlier dates: the floor of a later total.
    per_date = (
        rows.drop_nulls([*keys, "date", "reported_total"])
        .group_by([*keys, "date"])
        .agg(pl.col("reported_total").max())
    )
    floors = per_date.sort([*keys, "date"]).select(
        *keys, "date", earlier=pl.col("reported_total").cum_max().shift(1).over(keys)
    )
    floor = rows.join(floors, on=[*keys, "date"], how="left", maintain_order="left")["earlier"]
    below_earlier = (df["reported_total"] < floor).fill_null(False)
    return ~below_earlier & ~(df["reported_total"] < df["quantity"]).fill_null(False)


@_each_row
def _figure_has_both_sides() -> pl.Expr:
    """An exchange has two sides: each figure of an event is given for at least two parties."""
    keys = ["event_id", "figure"]
    parties = pl.col("party").drop_nulls().n_unique().over(keys)
    return pl.all_horizontal(pl.col(k).is_not_null() for k in keys) & (parties >= 2)


@_each_row
def _missing_value_is_explained() -> pl.Expr:
    return ~(pl.col("value").is_null() & pl.col("notes").is_null())


def _said(column: str) -> Callable[[Column], pl.Expr]:
    """Who said what on which day, the text compared without case or edge spaces; nothing if no text."""

    def key(cell: Column) -> pl.Expr:
        text = cell(column).str.to_lowercase().str.strip_chars()
        return pl.when(text.is_not_null()).then(
            pl.struct(cell("actor_id"), cell("made_on"), text.alias(column))
        )

    return key


@_where(lambda: pl.col("event_id").is_not_null() & pl.col("made_on").is_not_null())
def _statement_within_event(df: pl.DataFrame, frames: Frames) -> pl.Series:
    """A statement tied to an event is made during it or on the day after."""
    event = _looked_up(df, "event_id", frames["events"], "event_id", ["starts_on", "ends_on"])
    starts = event["starts_on"]
    ends = event["ends_on"].fill_null(starts) + dt.timedelta(days=1)
    outside = (df["made_on"] < starts) | (df["made_on"] > ends)
    return ~outside.fill_null(False)


@_where(lambda: pl.col("parent_event_id").is_not_null() & pl.col("starts_on").is_not_null())
def _part_within_parent(df: pl.DataFrame, frames: Frames) -> pl.Series:
    """A stage or a carried-out exchange starts no earlier than its parent event; a stage of an
    exchange also ends by the exchange's last day."""
    # The parent is a row of the same table: looked up in the rule's own columns.
    parent = _looked_up(
        df, "parent_event_id", df, "event_id", ["event_type", "starts_on", "ends_on"]
    )
    too_early = df["starts_on"] < parent["starts_on"]
    last_day = parent["ends_on"].fill_null(parent["starts_on"])
    stage = parent["event_type"] == "prisoner_exchange"
    too_late = stage & (df["ends_on"].fill_null(df["starts_on"]) > last_day)
    return ~(too_early.fill_null(False) | too_late.fill_null(False))


@_each_row
def _event_is_not_its_own_parent() -> pl.Expr:
    return (pl.col("parent_event_id") != pl.col("event_id")).fill_null(True)


@_each_row
def _numbered_only_if_an_exchange() -> pl.Expr:
    return pl.col("exchange_number").is_null() | (pl.col("event_type") == "prisoner_exchange")


@_each_row
def _measure_does_not_replace_itself() -> pl.Expr:
    return (pl.col("replaces_measure_id") != pl.col("measure_id")).fill_null(True)


# What a spreadsheet or a browser user could be hurt by, checked in every text cell: a formula's
# first character, a control character, white space ([\t\n\f\r ]) at either edge.
HARMFUL_TEXT = r"^[=+\-@]|[\x00-\x1f\x7f]|^[\t\n\f\r ]|[\t\n\f\r ]$"
TEXT_REASONS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"^[=+\-@]"),
        "starts with =, +, - or @: a spreadsheet would run it as a formula; reword it",
    ),
    (
        re.compile(r"[\x00-\x1f\x7f]"),
        "contains a control character (a line break, tab or other invisible code)",
    ),
    (re.compile(r"^\s|\s$"), "has leading or trailing white space"),
]


def _text_is_safe(column: str) -> Test:
    def test(df: pl.DataFrame, _: Frames) -> pl.Series:
        return text_safe(df, [column])[column]

    return test


def text_safe(df: pl.DataFrame, columns: list[str]) -> pl.DataFrame:
    """Per text column, True where a cell is safe (HARMFUL_TEXT finds nothing) and in NFC: every
    column in one pass, as the exact path checks a table's text rules together. Only text beyond
    ASCII (more bytes than characters) can be other than NFC: just those cells are normalised."""
    safe = df.select(~pl.col(c).str.contains(HARMFUL_TEXT).fill_null(False) for c in columns)
    wide = df.select(
        (pl.col(c).str.len_bytes() != pl.col(c).str.len_chars()).fill_null(False) for c in columns
    )
    checked = []
    for column in columns:
        rows = wide[column].arg_true()
        fine = safe[column]
        if len(rows):
            values = df[column].gather(rows)
            fine = fine.scatter(rows, fine.gather(rows) & (values.str.normalize("NFC") == values))
        checked.append(fine)
    return pl.DataFrame(checked)


def text_reasons(value: str) -> str:
    """Why a text cell was refused, for the few cells that were."""
    reasons = [message for pattern, message in TEXT_REASONS if pattern.search(value)]
    if unicodedata.normalize("NFC", value) != value:
        reasons.append("is not in Unicode NFC form (composed characters)")
    return "; ".join(reasons)


# --- Evidence: an excerpt supports a record that exists, in columns its table has -----------------

EVIDENCE = "evidence"


def _record_ids(spec: Spec, table: str, frame: pl.DataFrame) -> pl.DataFrame:
    """A table's records as (table_name, record_id): a key of several columns joined by "/"."""
    key = [pl.col(k).cast(pl.Utf8) for k in spec.tables[table].primary_key]
    record = key[0] if len(key) == 1 else pl.concat_str(key, separator=RECORD_ID_SEPARATOR)
    return frame.select(pl.lit(table).alias("table_name"), record.alias("record_id"))


def _evidence_tables(spec: Spec) -> tuple[str, ...]:
    vocabulary = spec.tables[EVIDENCE].field("table_name").constraints.enum or ()
    return tuple(t for t in vocabulary if t in spec.tables)


def _evidence_record_exists(spec: Spec) -> Rule:
    tables = _evidence_tables(spec)

    def test(df: pl.DataFrame, frames: Frames) -> pl.Series:
        known = pl.concat([_record_ids(spec, t, frames[t]) for t in tables]).unique()
        rows = df.select(pl.col("table_name").cast(pl.Utf8), pl.col("record_id").cast(pl.Utf8))
        found = rows.join(
            known.with_columns(found=pl.lit(True)),
            on=["table_name", "record_id"],
            how="left",
            maintain_order="left",
        )
        return found["found"].fill_null(False)

    reads = (
        "table_name",
        "record_id",
        *(f"{t}.{k}" for t in tables for k in spec.tables[t].primary_key),
    )
    return Rule(EVIDENCE, "record_id", "{record_id} is not a record of {table_name}", test, reads)


def _evidence_column_exists(spec: Spec) -> Rule:
    allowed = pl.DataFrame(
        [(t, c) for t in _evidence_tables(spec) for c in spec.tables[t].field_names],
        schema={"table_name": pl.Utf8, "column_name": pl.Utf8},
        orient="row",
    ).with_columns(found=pl.lit(True))

    def test(df: pl.DataFrame, frames: Frames) -> pl.Series:
        table = _looked_up(df, "evidence_id", frames[EVIDENCE], "evidence_id", ["table_name"])
        rows = pl.DataFrame(
            {
                "table_name": table["table_name"].cast(pl.Utf8),
                "column_name": df["column_name"].cast(pl.Utf8),
            }
        )
        return rows.join(
            allowed, on=["table_name", "column_name"], how="left", maintain_order="left"
        )["found"].fill_null(False)

    reads = ("evidence_id", "column_name", "evidence.evidence_id", "evidence.table_name")
    return Rule(
        "evidence_columns",
        "column_name",
        "{column_name} is not a column of the table its evidence supports",
        test,
        reads,
    )


def normalised(text: pl.Expr) -> pl.Expr:
    """Text as quotes are compared with excerpts: typographic quotes and apostrophes plain, white
    space runs as one space."""
    for typographic, plain in (
        ("[\u2018\u2019\u02bc]", "'"),
        ("[\u201c\u201d\u00ab\u00bb\u201e]", '"'),
    ):
        text = text.str.replace_all(typographic, plain)
    return text.str.replace_all(r"\s+", " ").str.strip_chars()


def _quote_in_its_evidence(df: pl.DataFrame, frames: Frames) -> pl.Series:
    """A statement's quote appears word for word in one of the excerpts of that statement. A
    statement that has no evidence yet is not held to it (the back-fill of evidence is under way)."""
    evidence = frames[EVIDENCE].filter(pl.col("table_name").cast(pl.Utf8) == "statements")
    excerpts = evidence.select(
        pl.col("record_id").cast(pl.Utf8).alias("statement_id"),
        normalised(pl.col("excerpt")).alias("excerpt"),
    )
    rows = df.select("statement_id", normalised(pl.col("quote")).alias("quote")).with_row_index(
        "row"
    )
    pairs = rows.join(excerpts, on="statement_id", how="inner")
    held = pairs.group_by("row").agg(
        has_evidence=pl.lit(True),
        found=pl.col("excerpt").str.contains(pl.col("quote"), literal=True).any(),
    )
    checked = rows.join(held, on="row", how="left", maintain_order="left")
    return (
        checked["quote"].is_null() | checked["has_evidence"].is_null() | checked["found"]
    ).fill_null(False)


def _evidence_rules(spec: Spec) -> list[Rule]:
    if EVIDENCE not in spec.tables or "evidence_columns" not in spec.tables:
        return []
    quote = Rule(
        "statements",
        "quote",
        "the quote does not appear word for word in any excerpt of this statement's evidence",
        _quote_in_its_evidence,
        ("statement_id", "quote", "evidence.table_name", "evidence.record_id", "evidence.excerpt"),
    )
    required = [_has_evidence(spec, t) for t in spec.package.evidence_required if t in spec.tables]
    return [_evidence_record_exists(spec), _evidence_column_exists(spec), quote, *required]


def _has_evidence(spec: Spec, table: str) -> Rule:
    """Every record of `table` has at least one piece of evidence (schemas/package.yaml lists the
    tables held to this; the others are being back-filled), but for the gaps it says need none."""
    key = spec.tables[table].primary_key
    gap = spec.package.evidence_not_needed.get(table)

    def test(df: pl.DataFrame, frames: Frames) -> pl.Series:
        held = (
            frames[EVIDENCE]
            .filter(pl.col("table_name").cast(pl.Utf8) == table)
            .select(pl.col("record_id").cast(pl.Utf8).unique())
            .with_columns(found=pl.lit(True))
        )
        records = _record_ids(spec, table, df).select("record_id")
        found = records.join(held, on="record_id", how="left", maintain_order="left")["found"]
        return found.fill_null(False) | (df[gap].is_null() if gap else False)

    record = RECORD_ID_SEPARATOR.join(f"{{{k}}}" for k in key)  # the ID evidence names it by
    message = f"{record} has no evidence: add the excerpt that states it to data/evidence.csv"
    columns = (*key, *([gap] if gap else []), "evidence.table_name", "evidence.record_id")
    return Rule(table, key[0], message, test, columns)


def rules(spec: Spec) -> list[Rule]:
    """Every rule for the package: the fixed ones, then per-column ones generated from the schemas."""
    generated = []
    for table in spec.tables.values():
        for f in table.fields:
            if f.type == "date" and not spec.may_lie_ahead(table.name, f.name):
                generated.append(
                    Rule(
                        table.name,
                        f.name,
                        f"{{{f.name}}} is in the future",
                        _not_in_future(f.name),
                        (f.name,),
                    )
                )
            if f.type == "string" and not f.constraints.enum:
                reasons = lambda cells, name=f.name: text_reasons(cells[name])  # noqa: E731
                generated.append(
                    Rule(table.name, f.name, reasons, _text_is_safe(f.name), (f.name,), text=True)
                )
        if table.name in CONTENT_KEYED:
            # Same content under a different ID: every column but the key and the notes.
            content = tuple(c for c in table.field_names if c not in (*table.primary_key, "notes"))
            message = "same content as another row under a different ID"
            generated.append(
                _against_repeats(
                    table.name, table.primary_key[0], message, _content(content), content
                )
            )
    fixed = [r for r in FIXED_RULES if _reads_columns_of(spec, r)]
    return fixed + _package_date_rules(spec) + _evidence_rules(spec) + generated


def _reads_columns_of(spec: Spec, rule: Rule) -> bool:
    """Whether the package's schemas have every column the rule reads: a rule about a column added
    later (a qualifier, a parent event) does not apply to a release made before it."""
    for read in rule.reads:
        table, column = read.split(".", 1) if "." in read else (rule.table, read)
        if table not in spec.tables or column not in spec.tables[table].field_names:
            return False
    return True


def _package_date_rules(spec: Spec) -> list[Rule]:
    """Rules that depend on the date a package is dated by: its `dated_by` column, or in a release
    made before packages named it (1.2.0 and earlier) the first of PACKAGE_DATES it has."""
    if PACKAGES not in spec.tables:
        return []
    named = "dated_by" in spec.tables[PACKAGES].field_names
    totals = Rule(
        "measures",
        "reported_total",
        "reported_total {reported_total} is below quantity {quantity} or below an earlier total of the same jurisdiction, sector, type and unit",
        _reported_totals_never_decrease,
        (
            "reported_total",
            "quantity",
            "package_id",
            "sector_id",
            "measure_type",
            "unit",
            f"{PACKAGES}.package_id",
            f"{PACKAGES}.jurisdiction_id",
            *([f"{PACKAGES}.dated_by"] if named else []),
            *(f"{PACKAGES}.{c}" for c in PACKAGE_DATES),
        ),
    )
    if not named:
        return [totals]
    return [
        totals,
        Rule(
            PACKAGES,
            "dated_by",
            "dated_by must name one of the package's filled dates (and be empty only when it has none)",
            _dated_by_names_a_filled_date,
            ("dated_by", *PACKAGE_DATES),
        ),
    ]


# Tables whose rows are facts that must not be recorded twice under two IDs.
CONTENT_KEYED = (
    "sources",
    "sanctions_packages",
    "legal_acts",
    "measures",
    "events",
    "statements",
    "evidence",
)


PACKAGES = "sanctions_packages"
FIXED_RULES: list[Rule] = [
    Rule(
        "statements",
        "quote",
        "the quote has more than 25 words: quote a short key phrase, and say the rest in the summary",
        _each_row(
            lambda: pl.col("quote").is_null() | (pl.col("quote").str.split(" ").list.len() <= 25)
        ),
        ("quote",),
    ),
    Rule(
        "coverage",
        "known",
        "a cell marked complete needs the number of actions known to exist",
        _each_row(lambda: ~((pl.col("completeness") == "complete") & pl.col("known").is_null())),
        ("completeness", "known"),
    ),
    Rule(
        "events",
        "ends_on",
        "ends_on {ends_on} is before starts_on {starts_on}",
        _not_before("ends_on", "starts_on"),
        ("ends_on", "starts_on"),
    ),
    Rule(
        "measures",
        "ends_on",
        "ends_on {ends_on} is before effective_on {effective_on}",
        _not_before("ends_on", "effective_on"),
        ("ends_on", "effective_on"),
    ),
    Rule(
        "sources",
        "accessed_on",
        "accessed_on {accessed_on} is before published_on {published_on}",
        _not_before("accessed_on", "published_on"),
        ("accessed_on", "published_on"),
    ),
    Rule(
        PACKAGES,
        "adopted_on",
        "adopted_on {adopted_on} is before agreed_on {agreed_on}",
        _not_before("adopted_on", "agreed_on"),
        ("adopted_on", "agreed_on"),
    ),
    Rule(
        PACKAGES,
        "in_force_on",
        "in_force_on {in_force_on} is before adopted_on {adopted_on}",
        _not_before("in_force_on", "adopted_on"),
        ("in_force_on", "adopted_on"),
    ),
    Rule(
        PACKAGES,
        "adopted_on",
        "an adopted, numbered EU package needs adopted_on, the date of the Council's adoption",
        _adopted_eu_package_has_adoption_date,
        ("jurisdiction_id", "number", "status", "adopted_on"),
    ),
    Rule(
        PACKAGES,
        "adopted_on",
        "status is adopted but the row has no date at all",
        _adopted_package_has_a_date,
        ("status", *PACKAGE_DATES),
    ),
    Rule(
        PACKAGES,
        "adopted_on",
        "status is {status} but adopted_on is filled",
        _not_adopted_has_no_date,
        ("status", "adopted_on"),
    ),
    Rule(
        "measures",
        "unit",
        "quantity {quantity} and unit {unit}: a quantity needs a unit and a unit needs a quantity",
        _both_or_neither("quantity", "unit"),
        ("quantity", "unit"),
    ),
    Rule(
        "measures",
        "unit",
        "unit {unit} with measure_type {measure_type}: vessels are counted only by vessel_listing or port_access_ban measures, always in vessels",
        _vessel_counts_match_type,
        ("unit", "measure_type", "quantity"),
    ),
    Rule(
        PACKAGES,
        "number",
        "EU package number {number} is used twice or follows a gap in the numbering",
        _eu_numbers_contiguous,
        ("jurisdiction_id", "number"),
    ),
    Rule(
        "measures",
        "effective_on",
        "effective_on {effective_on} is before the adoption of package {package_id}",
        _effective_not_before_adoption,
        ("package_id", "effective_on", f"{PACKAGES}.package_id", f"{PACKAGES}.adopted_on"),
    ),
    Rule(
        "event_figures",
        "party",
        "figure {figure} of event {event_id} is given for one side only: add a row for the other side (empty value, notes saying why)",
        _figure_has_both_sides,
        ("event_id", "figure", "party"),
    ),
    Rule(
        "event_figures",
        "value",
        "value is empty: notes must say why this side's number is missing",
        _missing_value_is_explained,
        ("value", "notes"),
    ),
    *[
        _against_repeats(
            "statements",
            column,
            f"{{actor_id}} already said this on {{made_on}} (same {column})",
            _said(column),
            ("actor_id", "made_on", column),
            ("actor_id", "made_on"),
        )
        for column in ("summary", "quote")
    ],
    *[
        Rule(
            table,
            qualifier,
            f"{{{value}}} and {qualifier} {{{qualifier}}}: a value needs its qualifier (exact, "
            "at_least, at_most, about) and a qualifier needs a value",
            _both_or_neither(value, qualifier),
            (value, qualifier),
        )
        for table, value, qualifier in (
            ("measures", "quantity", "quantity_qualifier"),
            ("measures", "reported_total", "total_qualifier"),
            ("event_figures", "value", "qualifier"),
        )
    ],
    Rule(
        "events",
        "exchange_number",
        "exchange_number {exchange_number} on a {event_type}: only prisoner exchanges are numbered",
        _numbered_only_if_an_exchange,
        ("exchange_number", "event_type"),
    ),
    Rule(
        "measures",
        "replaces_measure_id",
        "a measure cannot replace itself",
        _measure_does_not_replace_itself,
        ("replaces_measure_id", "measure_id"),
    ),
    Rule(
        "events",
        "parent_event_id",
        "an event cannot be its own parent",
        _event_is_not_its_own_parent,
        ("parent_event_id", "event_id"),
    ),
    Rule(
        "events",
        "parent_event_id",
        "event starts before its parent event {parent_event_id}, or a stage ends after its exchange",
        _part_within_parent,
        ("parent_event_id", "starts_on", "ends_on", "event_id", "event_type"),
    ),
    Rule(
        "sectors",
        "parent_sector_id",
        "a sector cannot be its own parent",
        _parent_is_not_self,
        ("parent_sector_id", "sector_id"),
    ),
    Rule(
        "statements",
        "made_on",
        "made_on {made_on} is outside the dates of event {event_id}",
        _statement_within_event,
        ("event_id", "made_on", "events.event_id", "events.starts_on", "events.ends_on"),
    ),
]
