"""The fast first pass of `validate`: clears a clean package without building a frame of its text.

The screen can only clear a package. When it finds nothing, the package is valid; when it finds
anything, or cannot run, `validate` takes the exact path (pyarrow and pandera, the contract), which
names every problem by file, line and column. So the screen must be at least as strict as the exact
path, check by check; the tests run every kind of bad input through both.

Three stages, each generated from the schemas or reusing the contract's own code:
1. the bytes of each file: no byte-order mark, no control character but LF line ends, and only
   characters that are NFC in any context (so no cell can be other than NFC);
2. one streaming DuckDB pass per table: every cell check of the schema as SQL over the raw text
   and its typed value, the text checks that need a cell's edges, and hashes of the groups that
   cross-row rules compare; only the narrow columns that keys and rules read are kept;
3. keys and foreign keys in SQL, then every rule of checks.py run by its own pandas test on just
   the columns it reads (a rule over groups only on the rows that share a group).
"""

from __future__ import annotations

import codecs
import unicodedata
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from .checks import Rule, rules
from .read import BOM, TYPE_PATTERNS, ReadResult, header_ok, typed_frame
from .spec import DUCKDB_TYPES, PANDAS_DATES, FieldSpec, Spec, TableSpec

CHUNK = 1 << 24
PRINTABLE_ASCII = bytes(range(0x20, 0x7F))
NON_ASCII = bytes(range(0x80, 0x100))
ASCII = bytes(range(0x80))
# Hangul vowel and trailing jamo compose with what precedes them by algorithm, not by table.
HANGUL_SECONDS = {*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)}
FORMULA_OR_SPACE_FIRST = "^[=+\\-@ ]"


def clears(root: Path, spec: Spec) -> bool:
    """True only if the package at `root` has nothing to report."""
    if any(path.stem not in spec.tables for path in (root / "data").glob("*.csv")):
        return False
    all_rules = rules(spec)
    with duckdb.connect() as con:
        try:
            # Table by table through stages 1 and 2, so a broken package is handed on early.
            tables_clear = all(_table_clears(con, root, table, spec, all_rules) for table in spec.tables.values())
            return tables_clear and _keys_hold(con, spec) and _rules_hold(con, spec, all_rules)
        except Exception:  # noqa: BLE001 (the screen only ever clears: on any failure the exact path decides and explains)
            return False


# --- 1. bytes -------------------------------------------------------------------------------


def _header_clean(path: Path, table: TableSpec) -> bool:
    """The header is exactly the schema's field names, with no byte-order mark."""
    try:
        with open(path, "rb") as file:
            head = file.read(65536)
    except OSError:
        return False
    return not head.startswith(BOM) and header_ok(head, table, ReadResult(""))


def _line_count_if_clean(path: Path) -> int | None:
    """Lines of a file whose only control bytes are LF line ends and whose characters are all NFC-safe."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    characters: set[str] = set()
    lines, last = 0, b"\n"
    try:
        with open(path, "rb") as file:
            while chunk := file.read(CHUNK):
                rest = chunk.translate(None, PRINTABLE_ASCII)  # what is not printable ASCII: rare
                controls = rest.translate(None, NON_ASCII)
                if controls.count(b"\n") != len(controls):
                    return None
                lines += len(controls)
                characters |= _distinct(decoder.decode(rest.translate(None, ASCII)))
                last = chunk[-1:]
            decoder.decode(b"", final=True)
    except (OSError, UnicodeDecodeError):  # DuckDB checks the UTF-8 of the whole file as well
        return None
    if not all(map(_nfc_in_any_context, characters)):
        return None
    return lines + (last != b"\n")


def _distinct(text: str) -> set[str]:
    """The characters of `text`. Its alphabet is short and str.replace runs in C, so one pass per
    character beats building a set one character at a time, up to a few dozen characters."""
    found: set[str] = set()
    while text and len(found) < 64:
        found.add(text[0])
        text = text.replace(text[0], "")
    return found | set(text)


def _nfc_in_any_context(character: str) -> bool:
    """A character that NFC never changes, whatever stands around it (quick check Yes, a starter)."""
    return (
        unicodedata.category(character) != "Cn"  # unassigned here: its properties are unknown
        and unicodedata.combining(character) == 0
        and unicodedata.normalize("NFC", character) == character
        and ord(character) not in second_characters()
    )


@cache
def second_characters() -> frozenset[int]:
    """Characters that compose with the one before them: the second half of a canonical pair.
    Every such pair lies below U+20000 (tests check this against the whole code space)."""
    seconds = set(HANGUL_SECONDS)
    for code in range(0x20000):
        decomposition = unicodedata.decomposition(chr(code)).split()
        if len(decomposition) == 2 and not decomposition[0].startswith("<"):
            seconds.add(int(decomposition[1], 16))
    return frozenset(seconds)


# --- 2. one streaming pass per table ----------------------------------------------------------


def _row(con: duckdb.DuckDBPyConnection, query: str) -> tuple:
    """The one row a query returns."""
    return con.sql(query).fetchall()[0]


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _raw(name: str) -> str:
    return _ident(f"raw:{name}")


def _typed(f: FieldSpec) -> str:
    if f.type == "string":
        return _raw(f.name)
    return f"TRY_CAST({_raw(f.name)} AS {DUCKDB_TYPES[f.type]})"


def _bound(f: FieldSpec, value: str | int | float) -> str:
    return f"DATE {_literal(str(value))}" if f.type == "date" else str(float(value))


def _referenced(spec: Spec, table: TableSpec, f: FieldSpec) -> FieldSpec | None:
    """The field a foreign key column points to: its values are that column's values, checked there."""
    for fk in table.foreign_keys:
        if fk.fields[0] == f.name:
            return spec.tables[fk.reference.resource or table.name].field(fk.reference.fields[0])
    return None


def _cell_failures(spec: Spec, table: TableSpec, f: FieldSpec) -> list[str]:
    """What makes one cell fail, as SQL over the raw text (r) and the typed value (v)."""
    r, v, c = _raw(f.name), _ident(f.name), f.constraints
    # A foreign key holds values of the column it references, which passed that column's checks
    # (the key check makes sure): a check the referenced column makes too need not run twice.
    target = _referenced(spec, table, f)
    done = target.constraints if target is not None and target.type == f.type else None
    again = lambda name: done is None or getattr(done, name) != getattr(c, name)  # noqa: E731
    fails = []
    if c.required or f.name in table.primary_key:
        fails.append(f"{r} IS NULL")
    if f.type != "string":
        fails.append(f"{r} IS NOT NULL AND (NOT regexp_full_match({r}, {_literal(TYPE_PATTERNS[f.type][0])}) OR {v} IS NULL)")
    if f.type == "date":  # pandas holds dates as nanoseconds: a narrower range than DuckDB's
        fails.append(f"{v} NOT BETWEEN DATE '{PANDAS_DATES[0]}' AND DATE '{PANDAS_DATES[1]}'")
    bounds = {
        "enum": lambda x: f"{r} NOT IN ({', '.join(map(_literal, x))})",
        "pattern": lambda x: f"NOT regexp_full_match({r}, {_literal(x)})",
        "min_length": lambda x: f"length({r}) < {x}",
        "max_length": lambda x: f"length({r}) > {x}",
        "minimum": lambda x: f"{v} < {_bound(f, x)}",
        "maximum": lambda x: f"{v} > {_bound(f, x)}",
    }
    fails += [sql(getattr(c, name)) for name, sql in bounds.items() if getattr(c, name) is not None and again(name)]
    return fails


def _needs_text_check(spec: Spec, table: TableSpec, column: str) -> bool:
    """A foreign key's text was checked in the column it references (itself a text-checked column)."""
    target = _referenced(spec, table, table.field(column))
    return target is None or target.type != "string" or target.constraints.enum is not None


def _text_failure(column: str) -> str:
    """checks.HARMFUL_TEXT once stage 1 has ruled out control characters: a formula's first
    character, or a space at either edge."""
    r = _raw(column)
    return f"regexp_matches({r}, {_literal(FORMULA_OR_SPACE_FIRST)}) OR suffix({r}, ' ')"


def _hash_only(rule: Rule) -> bool:
    """A rule that fails exactly the rows equal to another in its group: a shared hash is enough."""
    return bool(rule.group) and set(rule.reads) == set(rule.group)


def _group_name(rule: Rule) -> str:
    return _ident("_group:" + ",".join(rule.group))


def _kept(table: TableSpec, spec: Spec, all_rules: list[Rule]) -> list[str]:
    """Columns stage 3 reads: keys, referenced keys, and what rules read."""
    names = set(table.primary_key) | {fk.fields[0] for fk in table.foreign_keys}
    names |= {f.name for f in table.fields if f.constraints.unique}
    for other in spec.tables.values():
        names |= {fk.reference.fields[0] for fk in other.foreign_keys if (fk.reference.resource or other.name) == table.name}
    for rule in all_rules:
        if not rule.text and not _hash_only(rule):
            names |= set(rule.columns(table.name))
    return [f.name for f in table.fields if f.name in names]


def _hashed(f: FieldSpec) -> str:
    """A typed value as hashed for a group: -0.0 and 0.0 are equal to pandas, so one hash."""
    v = _ident(f.name)
    return f"CASE WHEN {v} = 0 THEN 0 ELSE {v} END" if f.type == "number" else v


def _read_sql(root: Path, table: TableSpec, spec: Spec, all_rules: list[Rule]) -> str:
    """One streaming pass: every cell check, then keep the narrow columns and group hashes."""
    path = root / "data" / f"{table.name}.csv"
    columns = "{" + ", ".join(f"{_literal(f'raw:{f.name}')}: 'VARCHAR'" for f in table.fields) + "}"
    source = (
        f"read_csv({_literal(str(path))}, header = true, columns = {columns}, auto_detect = false, delim = ',', "
        "quote = '\"', escape = '\"', new_line = '\\n', strict_mode = true, null_padding = false)"
    )
    inner = ", ".join(f"{_raw(f.name)}, {_typed(f)} AS {_ident(f.name)}" for f in table.fields)
    # An empty cell passes a cell check unless it is required.
    fails = [f"coalesce({fail}, false)" for f in table.fields for fail in _cell_failures(spec, table, f)]
    fails += [
        f"coalesce({_text_failure(r.column)}, false)"
        for r in all_rules
        if r.table == table.name and r.text and _needs_text_check(spec, table, r.column)
    ]
    failed = " OR ".join(fails) or "false"
    kept = [_ident(name) for name in _kept(table, spec, all_rules)]
    groups = {_group_name(r): r.group for r in all_rules if r.table == table.name and r.group}
    kept += [f"hash({', '.join(_hashed(table.field(c)) for c in group)}) AS {name}" for name, group in groups.items()]
    return f"CREATE TEMP TABLE {_ident(table.name)} AS SELECT {', '.join([*kept, f'({failed}) AS _failed'])} FROM (SELECT {inner} FROM {source}) AS t"


def _table_clears(con: duckdb.DuckDBPyConnection, root: Path, table: TableSpec, spec: Spec, all_rules: list[Rule]) -> bool:
    """Stages 1 and 2 for one table: clean bytes, then no failed cell and a row per line."""
    path = root / "data" / f"{table.name}.csv"
    lines = _line_count_if_clean(path) if _header_clean(path, table) else None
    if lines is None:
        return False
    con.execute(_read_sql(root, table, spec, all_rules))
    rows, failed = _row(con, f"SELECT count(*), coalesce(bool_or(_failed), false) FROM {_ident(table.name)}")
    # One row per line after the header: a blank line or a line break in a cell shows here.
    return rows > 0 and not failed and rows + 1 == lines


# --- 3. keys and rules ------------------------------------------------------------------------


def _key_queries(spec: Spec) -> list[str]:
    """Queries that return true when a key fails: unique columns, primary keys, foreign keys."""
    queries = []
    for table in spec.tables.values():
        t = _ident(table.name)
        single = [f.name for f in table.fields if f.constraints.unique or list(table.primary_key) == [f.name]]
        queries += [f"SELECT count({_ident(n)}) <> count(DISTINCT {_ident(n)}) FROM {t}" for n in single]
        if len(table.primary_key) > 1:
            key = ", ".join(map(_ident, table.primary_key))
            queries.append(f"SELECT count(*) > 0 FROM (SELECT {key} FROM {t} GROUP BY ALL HAVING count(*) > 1)")
        for fk in table.foreign_keys:
            column, target, target_column = _ident(fk.fields[0]), _ident(fk.reference.resource or table.name), _ident(fk.reference.fields[0])
            queries.append(
                f"SELECT count(*) > 0 FROM {t} WHERE {column} IS NOT NULL "
                f"AND {column} NOT IN (SELECT {target_column} FROM {target} WHERE {target_column} IS NOT NULL)"
            )
    return queries


def _keys_hold(con: duckdb.DuckDBPyConnection, spec: Spec) -> bool:
    """All key queries as one statement: one round trip instead of three dozen."""
    return not _row(con, "SELECT " + " OR ".join(f"({query})" for query in _key_queries(spec)))[0]


def _fetch(con: duckdb.DuckDBPyConnection, table: TableSpec, columns: tuple[str, ...], where: str = "true") -> pd.DataFrame:
    """Columns of a kept table, in file order, typed as the exact path types them."""
    names = ", ".join(map(_ident, columns))
    arrow = con.sql(f"SELECT {names} FROM {_ident(table.name)} WHERE {where} ORDER BY rowid").to_arrow_table()
    return typed_frame(arrow, table)


def _rules_hold(con: duckdb.DuckDBPyConnection, spec: Spec, all_rules: list[Rule]) -> bool:
    """Every rule's own test on the columns it reads; a rule over groups on the rows that share one."""
    checked = [rule for rule in all_rules if not rule.text]  # the text rules were stages 1 and 2
    whole: dict[str, pd.DataFrame] = {}

    def columns(name: str) -> pd.DataFrame:
        """A table's columns that ungrouped rules read, fetched once for all of them."""
        if name not in whole:
            read = dict.fromkeys(c for r in checked if not (r.group and r.table == name) for c in r.columns(name))
            whole[name] = _fetch(con, spec.tables[name], tuple(read))
        return whole[name]

    for rule in checked:
        own = list(rule.columns(rule.table))
        if rule.group:
            group, t = _group_name(rule), _ident(rule.table)
            if _hash_only(rule):
                # Rows that share a hash are, but for a 2^-64 chance, equal: let the exact path say so.
                if _row(con, f"SELECT count(DISTINCT {group}) < count(*) FROM {t}")[0]:
                    return False
                continue
            where = f"{group} IN (SELECT {group} FROM {t} GROUP BY {group} HAVING count(*) > 1)"
            frame = _fetch(con, spec.tables[rule.table], tuple(own), where)
            if frame.empty:
                continue  # every row is alone in its group
        else:
            frame = columns(rule.table)[own]
        frames = {rule.table: frame} | {name: columns(name)[list(rule.columns(name))] for name in rule.needs}
        ok = rule.test(frame, frames)
        if not ok.fillna(False).astype(bool).all():  # a rule that yields no answer fails on the exact path too
            return False
    return True
