"""The fast first pass of `validate`: clears a clean package without building a frame of its text.

The screen can only clear a package. When it finds nothing, the package is valid; when it finds
anything, or cannot run, `validate` takes the exact path (pyarrow and pandera, the contract), which
names every problem by file, line and column. So the screen must be at least as strict as the exact
path, check by check; the tests run every kind of bad input through both.

Three stages, each generated from the schemas or reusing the contract's own code:
1. the bytes of each file: no byte-order mark, no control character but LF line ends, and only
   characters that are NFC in any context (so no cell can be other than NFC); its lines and commas;
2. one polars pass per table: every cell check of the schema as an expression over the raw text
   and its typed value, the text checks that need a cell's edges, the commas inside cells (with the
   file's commas, they show a short row, which polars pads), and the hashes of the columns that
   rules against repeats compare and of a primary key of several columns; only the narrow columns
   that keys and rules read are kept;
3. on two threads, checks that do not depend on one another: the foreign keys (an anti-join per
   referenced column), each table's unique keys, and every rule of checks.py by its own test
   (polars, the same code the exact path runs) on just the columns it reads; a rule against
   repeats holds where no hash repeats, and is tested on just the rows whose hashes do.
pandas is never imported on this path: a clean package is cleared without it.
"""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import operator
import re
import sys
import unicodedata
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from pathlib import Path

import numpy as np
import polars as pl

from pressure_tracker.schema.spec import (
    BOOLEANS,
    PANDAS_DATES,
    TYPE_PATTERNS,
    FieldSpec,
    Spec,
    TableSpec,
)
from pressure_tracker.validation.rules import Rule, one_zero, rules

CHUNK = 1 << 22  # small enough for numpy's comparisons to stay in cache
# Hangul vowel and trailing jamo compose with what precedes them by algorithm, not by table.
HANGUL_SECONDS = {*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)}
FORMULA_OR_SPACE = "=+-@ "  # what a text cell must not start with


def clears(root: Path, spec: Spec) -> bool:
    """True only if the package at `root` has nothing to report."""
    if any(path.stem not in spec.tables for path in (root / "data").glob("*.csv")):
        return False
    all_rules = rules(spec)
    try:
        # numpy and polars work off the GIL: a helper thread scans the bytes of a file while polars
        # parses it, and two share the checks of stage 3.
        with ThreadPoolExecutor(2) as pool:
            frames = {}
            for (
                table
            ) in spec.tables.values():  # table by table, so a broken package is handed on early
                frame = _table_clears(root, table, spec, all_rules, pool)
                if frame is None:
                    return False
                frames[table.name] = frame
            return all(pool.map(lambda check: check(), _stage_3(frames, spec, all_rules)))
    except Exception:
        return False


# --- 1. bytes -------------------------------------------------------------------------------


def _header_clean(path: Path, table: TableSpec) -> bool:
    """The first line is exactly the schema's field names, joined by commas: no byte-order mark, no
    quotes, an LF line end."""
    try:
        with open(path, "rb") as file:
            first = file.readline(65536)
    except OSError:
        return False
    return first == ",".join(table.field_names).encode() + b"\n"


def _count_if_clean(path: Path) -> tuple[int, int] | None:
    """Lines and commas of a file whose only control bytes are LF line ends and whose characters
    are all NFC-safe. numpy compares whole chunks at once, and releases the GIL while it does."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    seen = np.zeros(sys.maxunicode + 1, dtype=bool)  # the code points met so far
    lines, commas, last = 0, 0, b"\n"
    try:
        with open(path, "rb") as file:
            while chunk := file.read(CHUNK):
                octets = np.frombuffer(chunk, np.uint8)
                line_ends = int(np.count_nonzero(octets == ord("\n")))
                if (
                    np.count_nonzero(octets < 0x20) != line_ends or b"\x7f" in chunk
                ):  # DEL is rare: a byte search
                    return None
                lines += line_ends
                commas += int(np.count_nonzero(octets == ord(",")))
                if not chunk.isascii():
                    # The bytes of a multi-byte character are all non-ASCII: kept together, they decode.
                    text = decoder.decode(octets[octets >= 0x80].tobytes())
                    seen[np.frombuffer(text.encode("utf-32-le"), np.uint32)] = True
                last = chunk[-1:]
            decoder.decode(b"", final=True)
    except (OSError, UnicodeDecodeError):
        return None
    # A combining mark (a Devanagari virama in a Hindi excerpt) may well be NFC where it stands.
    # Commas, quotes and line ends compose with nothing, so the file is NFC exactly when every cell
    # is: one check of the whole text keeps such a file on the fast path.
    if not all(
        _nfc_in_any_context(chr(code)) for code in np.flatnonzero(seen)
    ) and not unicodedata.is_normalized("NFC", path.read_text(encoding="utf-8")):
        return None
    return lines + (last != b"\n"), commas


def _nfc_in_any_context(character: str) -> bool:
    """A character that NFC never changes, whatever stands around it (quick check Yes, a starter)."""
    return (
        unicodedata.category(character) != "Cn"  # unassigned here: its properties are unknown
        and unicodedata.combining(character) == 0
        and unicodedata.normalize("NFC", character) == character
        and ord(character) not in second_characters()
    )


@functools.cache
def second_characters() -> frozenset[int]:
    """Characters that compose with the one before them: the second half of a canonical pair.
    Every such pair lies below U+20000 (tests check this against the whole code space)."""
    seconds = set(HANGUL_SECONDS)
    for code in range(0x20000):
        decomposition = unicodedata.decomposition(chr(code)).split()
        if len(decomposition) == 2 and not decomposition[0].startswith("<"):
            seconds.add(int(decomposition[1], 16))
    return frozenset(seconds)


# --- 2. one pass per table ---------------------------------------------------------------------

POLARS_TYPES = {"integer": pl.Int64, "number": pl.Float64}
# Types polars reads from a text only where the text has the form the type's pattern allows (a
# number may also read as infinite or NaN, which the finiteness check fails), so no pattern need
# run; a test holds polars to this over many texts.
TYPED_BY_PATTERN_ALONE = {"integer", "number", "boolean"}


def _typed(f: FieldSpec) -> pl.Expr:
    """A cell's typed value, or null where it cannot be typed."""
    raw = pl.col(f.name)
    if f.type == "string":
        return raw
    if f.type == "date":
        # Without polars' cache of texts already parsed: parsing a date is cheaper than looking it up.
        return raw.str.to_date("%Y-%m-%d", strict=False, cache=False)
    if f.type == "boolean":
        return raw.replace_strict(BOOLEANS, default=None, return_dtype=pl.Boolean)
    return raw.cast(POLARS_TYPES[f.type], strict=False)


def _bound(f: FieldSpec, value: str | int | float) -> pl.Expr:
    return pl.lit(dt.date.fromisoformat(str(value))) if f.type == "date" else pl.lit(float(value))


def _referenced(spec: Spec, table: TableSpec, f: FieldSpec) -> FieldSpec | None:
    """The field a foreign key column points to: its values are that column's values, checked there."""
    for fk in table.foreign_keys:
        if fk.fields[0] == f.name:
            return spec.tables[fk.reference.resource or table.name].field(fk.reference.fields[0])
    return None


def _cell_failures(spec: Spec, table: TableSpec, f: FieldSpec) -> list[pl.Expr]:
    """What makes one cell fail, over its raw text (r) and its typed value (v)."""
    r, v, c = pl.col(f.name), _typed(f), f.constraints
    # A foreign key holds values of the column it references, which passed that column's checks
    # (the key check makes sure): a check the referenced column makes too need not run twice.
    target = _referenced(spec, table, f)
    done = target.constraints if target is not None and target.type == f.type else None
    again = lambda name: done is None or getattr(done, name) != getattr(c, name)  # noqa: E731
    fails = []
    if c.required or f.name in table.primary_key:
        fails.append(r.is_null())
    if f.type in TYPED_BY_PATTERN_ALONE:
        fails.append(r.is_not_null() & v.is_null())
    elif (
        f.type != "string"
    ):  # polars reads "2023-8-7" as a date: the form is the pattern's to check
        fails.append(r.is_not_null() & (~r.str.contains(TYPE_PATTERNS[f.type][0]) | v.is_null()))
    if f.type == "number":  # what pandas reads as infinite, the exact path judges
        fails.append(~v.is_finite())
    if f.type == "date":  # pandas holds dates as nanoseconds: a narrower range than polars'
        first, last = (dt.date.fromisoformat(d) for d in PANDAS_DATES)
        fails.append(~v.is_between(first, last))
    bounds = {
        "enum": lambda x: ~r.is_in(x),
        "pattern": lambda x: (
            ~r.str.contains(f"^(?:{x})$")
        ),  # whole cell: at least as strict as re.match
        "min_length": lambda x: r.str.len_chars() < x,
        # A cell has no more characters than bytes, and its byte length is stored beside it:
        # characters are counted only in cells longer in bytes than the limit.
        "max_length": lambda x: pl.when(r.str.len_bytes() > x).then(r.str.len_chars() > x),
        "minimum": lambda x: v < _bound(f, x),
        "maximum": lambda x: v > _bound(f, x),
    }
    fails += [
        check(getattr(c, name))
        for name, check in bounds.items()
        if getattr(c, name) is not None and again(name)
    ]
    return fails


def _needs_text_check(spec: Spec, table: TableSpec, column: str) -> bool:
    """A foreign key's text was checked in the column it references (itself a text-checked column)."""
    target = _referenced(spec, table, table.field(column))
    return target is None or target.type != "string" or target.constraints.enum is not None


def _text_failure(column: str) -> pl.Expr:
    """checks.HARMFUL_TEXT once stage 1 has ruled out control characters: a formula's first
    character, or a space at either edge. Whether stripping such characters shortens a cell is
    cheaper to ask than a regular expression, and asked only of cells that sort before the first
    character above them all (most start with a letter): a comparison the first bytes answer,
    which polars keeps beside each cell."""
    text = pl.col(column)
    may_start_badly = text < chr(ord(max(FORMULA_OR_SPACE)) + 1)
    starts_badly = (
        text.str.strip_chars_start(FORMULA_OR_SPACE).str.len_bytes() != text.str.len_bytes()
    )
    return pl.when(may_start_badly).then(starts_badly) | text.str.ends_with(" ")


def _hash_name(columns: tuple[str, ...]) -> str:
    return f"_hash:{','.join(columns)}"


def _tested_on_repeats(rule: Rule) -> bool:
    """A rule against repeats whose key compares more than its `repeats` columns as they are: rows
    whose hashes repeat are tested, so the columns it reads are kept."""
    return bool(rule.repeats) and set(rule.repeats) != set(rule.columns(rule.table))


def _kept(table: TableSpec, spec: Spec, all_rules: list[Rule]) -> list[str]:
    """Columns stage 3 reads: keys, referenced keys, and what rules read."""
    names = set(table.primary_key) | {fk.fields[0] for fk in table.foreign_keys}
    names |= {f.name for f in table.fields if f.constraints.unique}
    for other in spec.tables.values():
        names |= {
            fk.reference.fields[0]
            for fk in other.foreign_keys
            if (fk.reference.resource or other.name) == table.name
        }
    for rule in all_rules:
        if not rule.text and (not rule.repeats or _tested_on_repeats(rule)):
            names |= set(rule.columns(table.name))
    return [f.name for f in table.fields if f.name in names]


def _hashed(table: TableSpec, name: str) -> pl.Expr:
    """The hash of a column's values as keys and rules compare them. Numbers and integers are
    typed: "1.0" and "1" are the same number, and so are -0.0 and 0.0. A text, date or boolean cell
    is hashed as its text: one that passed its checks is in the one form its type allows
    (YYYY-MM-DD, true or false), so two such cells are equal exactly when their values are. Each
    column has a seed of its own (its place in the table), and the same one in every rule, so it
    is hashed once."""
    f = table.field(name)
    value = (
        one_zero(_typed(f))
        if f.type == "number"
        else _typed(f)
        if f.type == "integer"
        else pl.col(name)
    )
    return value.hash(seed=table.field_names.index(name))


def _hash_of(table: TableSpec, columns: tuple[str, ...]) -> pl.Expr:
    """One hash per row of `columns`: equal cells give equal hashes, so rows whose hashes differ
    differ in these columns. The columns' own hashes are combined, not the row's bytes encoded
    again."""
    return functools.reduce(operator.xor, [_hashed(table, name) for name in columns]).alias(
        _hash_name(columns)
    )


def _hashes(table: TableSpec, all_rules: list[Rule]) -> list[pl.Expr]:
    """The hashes stage 3 compares: of the columns rules against repeats share, and of a primary
    key of several columns."""
    groups = [r.repeats for r in all_rules if r.table == table.name and r.repeats]
    if len(table.primary_key) > 1:
        groups.append(tuple(table.primary_key))
    return [_hash_of(table, columns) for columns in dict.fromkeys(groups)]


# A pattern built of these alone matches no comma: letters, digits, "_" and "-", \d, classes of
# letters and digits (a range between two of them lies above "0", and "," sorts below it), groups,
# alternatives, anchors, and quantifiers after something to repeat. An ID pattern is, as a rule.
_ATOM = r"(?:[A-Za-z0-9_-]|\\d|\[(?:[A-Za-z0-9](?:-[A-Za-z0-9])?)+\]|\))"
COMMA_FREE_PATTERN = re.compile(rf"\^?(?:{_ATOM}(?:[*+?]|\{{\d+(?:,\d*)?\}})?|\(|\|)*\$?")


def _may_hold_a_comma(f: FieldSpec) -> bool:
    """Whether a cell that passes its checks can hold a comma: typed cells, enumerated ones and
    those of a comma-free pattern cannot (a foreign key's cells are those of the column it
    references, which passed that pattern)."""
    if f.type != "string":
        return False
    c = f.constraints
    if c.pattern is not None and COMMA_FREE_PATTERN.fullmatch(c.pattern):
        return False
    return c.enum is None or any("," in str(value) for value in c.enum)


def _commas(table: TableSpec) -> pl.Expr:
    """Commas inside cells: with the file's commas, they tell whether every row has every field."""
    counts = [
        pl.col(f.name).str.count_matches(",", literal=True).fill_null(0)
        for f in table.fields
        if _may_hold_a_comma(f)
    ]
    return pl.sum_horizontal(counts) if counts else pl.lit(0)


def _read(path: Path, table: TableSpec, spec: Spec, all_rules: list[Rule]) -> pl.DataFrame:
    """One pass over a file: every cell check folded into one flag, the commas in cells, the
    narrow columns stage 3 reads, and the hashes of the keys that rules against repeats compare."""
    source = pl.scan_csv(
        path,
        schema={f.name: pl.String for f in table.fields},  # the header was checked in stage 1
        quote_char='"',
        eol_char="\n",
        raise_if_empty=True,
    )
    fails = [fail for f in table.fields for fail in _cell_failures(spec, table, f)]
    fails += [
        _text_failure(r.column)
        for r in all_rules
        if r.table == table.name and r.text and _needs_text_check(spec, table, r.column)
    ]
    # An empty cell passes a cell check unless it is required: its flag is null, which neither
    # any_horizontal nor any() below counts as a failure.
    failed = pl.any_horizontal(fails) if fails else pl.lit(False)
    return source.select(
        *(_typed(table.field(name)).alias(name) for name in _kept(table, spec, all_rules)),
        *_hashes(table, all_rules),
        failed.alias("_failed"),
        _commas(table).alias("_commas"),
    ).collect()


def _table_clears(
    root: Path, table: TableSpec, spec: Spec, all_rules: list[Rule], pool: Executor
) -> pl.DataFrame | None:
    """Stages 1 and 2 for one table: its kept columns, if its bytes are clean, no cell fails and
    every line after the header is one row with every field."""
    path = root / "data" / f"{table.name}.csv"
    if not _header_clean(path, table):
        return None
    scan = pool.submit(_count_if_clean, path)
    frame = _read(path, table, spec, all_rules)
    if (counted := scan.result()) is None:
        return None
    lines, commas = counted
    rows = frame.height
    # A blank line or a line break in a cell shows in the lines; polars pads a short row with
    # empty cells, which shows in the commas (a long row is an error).
    fields_whole = commas == (rows + 1) * (len(table.fields) - 1) + frame["_commas"].sum()
    if rows == 0 or frame["_failed"].any() or rows + 1 != lines or not fields_whole:
        return None
    return frame.drop("_failed", "_commas")


# --- 3. keys and rules ------------------------------------------------------------------------


def _stage_3(
    frames: dict[str, pl.DataFrame], spec: Spec, all_rules: list[Rule]
) -> list[Callable[[], bool]]:
    """The checks of stage 3, the longest (the foreign keys) first, so that two threads taking them
    in turn finish together."""
    # Rules against repeats that share their columns, and a key of the same columns, share the
    # hashes that repeat.
    repeated = functools.cache(lambda table, name: _repeated(frames[table][name]))
    return [
        functools.partial(_foreign_keys_hold, frames, spec),
        *(
            functools.partial(_unique_keys_hold, frames, table, repeated)
            for table in spec.tables.values()
        ),
        *(
            functools.partial(_rule_holds, rule, frames, repeated)
            for rule in all_rules
            if not rule.text
        ),  # the text rules were stages 1 and 2
    ]


def _unique(frame: pl.DataFrame, columns: list[str]) -> bool:
    """No two rows share their values in `columns` (rows with an empty one aside). IDs are usually
    written in order, and rows strictly increasing in these columns are unique at the cost of one
    comparison per row instead of a hash table."""
    rows = frame.select(columns).drop_nulls()
    greater, tied = pl.lit(False), pl.lit(True)
    for column in columns:  # compared with the row before, column by column
        before = pl.col(column).shift(1)
        greater, tied = (
            greater | (tied & (pl.col(column) > before)),
            tied & (pl.col(column) == before),
        )
    if rows.select(greater.slice(1).all()).item():
        return True
    return rows.select(pl.struct(columns).n_unique()).item() == rows.height


def _unique_keys_hold(
    frames: dict[str, pl.DataFrame], table: TableSpec, repeated: Callable[[str, str], pl.Series]
) -> bool:
    """A table's primary key and unique columns. A key of several columns is unique where no hash
    of it repeats (its columns are required: no row lacks one); where some do, the rows decide."""
    frame, key = frames[table.name], list(table.primary_key)
    keys = [[f.name] for f in table.fields if f.constraints.unique and [f.name] != key]
    if len(key) > 1 and repeated(table.name, _hash_name(table.primary_key)).is_empty():
        key = []
    return all(_unique(frame, columns) for columns in [key, *keys] if columns)


def _foreign_keys_hold(frames: dict[str, pl.DataFrame], spec: Spec) -> bool:
    """Every value of a foreign key is in the column it references: one anti-join per referenced
    column, so its hash table is built once for all the keys that point to it. (Keys in order
    could be merged, as rules look rows up; at 1M rows that is no faster.)"""
    pointing: dict[tuple[str, str], list[pl.LazyFrame]] = {}
    for table in spec.tables.values():
        for fk in table.foreign_keys:
            target = (fk.reference.resource or table.name, fk.reference.fields[0])
            pointing.setdefault(target, []).append(
                frames[table.name].lazy().select(pl.col(fk.fields[0]).drop_nulls().alias("key"))
            )
    for (name, column), values in pointing.items():
        referenced = frames[name].lazy().select(pl.col(column).alias("key"))
        # Lazily, the values are not copied into one column, nor the missing ones gathered: counted.
        missing = pl.concat(values).join(referenced, on="key", how="anti")
        if missing.select(pl.len()).collect().item():
            return False
    return True


def _repeated(hashes: pl.Series) -> pl.Series:
    """The hashes more than one row has. In order, they sit side by side: numpy sorts a column of
    integers on one core in half the time polars takes on two to count the distinct ones."""
    ordered = np.sort(hashes.to_numpy())
    return pl.Series(hashes.name, ordered[1:][ordered[1:] == ordered[:-1]]).unique()


def _rule_holds(
    rule: Rule, frames: dict[str, pl.DataFrame], repeated: Callable[[str, str], pl.Series]
) -> bool:
    """A rule's own test on the columns it reads (a test that filters rows copies no others); a
    rule against repeats by hashes first."""
    if not rule.repeats:
        return bool(rule.holds(frames[rule.table].select(rule.columns(rule.table)), frames).all())
    hashes = frames[rule.table][_hash_name(rule.repeats)]
    twice = repeated(rule.table, hashes.name)
    if twice.is_empty():  # no two rows share these columns: no repeat
        return True
    # Rows that share a hash of the whole key are, but for a 2^-64 chance, repeats: the exact path
    # says which. Otherwise, any repeat lies among the rows whose hashes repeat.
    if not _tested_on_repeats(rule):
        return False
    rows = frames[rule.table].select(rule.columns(rule.table)).filter(hashes.is_in(twice.implode()))
    return bool(rule.holds(rows, frames).all())
