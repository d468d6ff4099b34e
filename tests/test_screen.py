"""The screen only ever clears what the exact path finds valid, and clears the real data."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from pressure_tracker.schema.spec import TYPE_PATTERNS, FieldSpec, Spec, TableSpec
from pressure_tracker.validation import rules as checks
from pressure_tracker.validation import screen
from pressure_tracker.validation.exact import as_polars, validate_frames
from pressure_tracker.validation.rules import Rule, rules
from pressure_tracker.validation.run import validate

from .conftest import REPO
from .test_bad_input import copy_evidence, csv_path, replace

sys.path.insert(0, str(REPO / "scripts"))
from synthetic import make_package

SPEC = Spec(REPO)
RULES = [r for r in rules(SPEC) if not r.text]


def clears(root: Path) -> bool:
    return screen.clears(root, Spec(root))


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("screen") / "package"
    make_package(root, 40)
    return root


@pytest.fixture
def root(tiny: Path, tmp_path: Path) -> Path:
    """A fresh copy of the tiny package, for one test to change."""
    root = tmp_path / "package"
    shutil.copytree(tiny, root)
    return root


@pytest.fixture(scope="module")
def real_frames() -> dict[str, pl.DataFrame]:
    """The real tables as the exact path types them, as the rules read them."""
    problems, frames = validate_frames(REPO)
    assert problems == []
    return {name: as_polars(frame, tuple(frame.columns)) for name, frame in frames.items()}


def test_the_real_data_and_a_synthetic_package_are_cleared(tiny: Path) -> None:
    assert clears(REPO)
    assert clears(tiny)


# That the screen clears no case of bad input (test_bad_input.CASES), and that the exact path names
# it, is asserted with each case in test_bad_input.py, which validates it once.


@pytest.fixture(scope="module")
def exact_frames(tiny: Path) -> dict[str, dict[str, pd.DataFrame]]:
    """The exact path's frames of the real and the synthetic package, read once for the module."""
    both = {}
    for name, root in (("real", REPO), ("synthetic", tiny)):
        problems, both[name] = validate_frames(root, Spec(root))
        assert problems == []
    return both


@pytest.mark.parametrize("table", list(SPEC.tables))
@pytest.mark.parametrize("package_root", ["real", "synthetic"])
def test_the_screen_types_every_kept_column_as_the_exact_path_does(
    tiny: Path, exact_frames: dict[str, dict[str, pd.DataFrame]], table: str, package_root: str
) -> None:
    """Rules run on the screen's columns and on the exact path's frames: they must see the same values."""
    root = REPO if package_root == "real" else tiny
    spec = Spec(root)
    with ThreadPoolExecutor(1) as pool:
        kept = screen._table_clears(root, spec.tables[table], spec, rules(spec), pool)
    columns = tuple(c for c in kept.columns if not c.startswith("_hash:"))
    frames = exact_frames[package_root]
    assert columns
    assert_frame_equal(kept.select(columns), as_polars(frames[table], columns))


@pytest.mark.parametrize(
    "rule", RULES, ids=lambda r: f"{r.table}.{r.column}:{r.test.__qualname__.split('.')[0]}"
)
def test_each_rule_reads_only_the_columns_it_declares(real_frames: dict, rule: Rule) -> None:
    """The screen hands a rule only its declared columns: the answer must not change."""
    narrow = {
        name: real_frames[name][list(rule.columns(name))] for name in (rule.table, *rule.needs)
    }
    expected = rule.test(real_frames[rule.table], real_frames)
    assert rule.test(narrow[rule.table], narrow).equals(expected)
    assert set(rule.repeats) <= set(
        rule.columns(rule.table)
    )  # what the screen hashes, the test reads


LOOKED_UP_KEYS = {
    "sorted, all found": ["a", "a", "c"],
    "sorted, one missing": ["a", "b", "c", "z"],
    "sorted, one before the first": ["0", "a", "d"],
    "not sorted": ["c", "a", "b"],
    "with an empty key": [None, "a"],
    "none": [],
}


@pytest.mark.parametrize("keys", LOOKED_UP_KEYS.values(), ids=list(LOOKED_UP_KEYS))
@pytest.mark.parametrize(
    "referenced",
    [["a", "c", "d"], ["c", "a", "d"], ["a", "a", "c"]],
    ids=["increasing", "unordered", "repeated"],
)
def test_a_lookup_finds_what_a_join_finds(keys: list[str | None], referenced: list[str]) -> None:
    """Rules look rows up by a merge when both sides are in order, by a join when not: the same rows."""
    frame = pl.DataFrame({"key": keys}, schema={"key": pl.String})
    other = pl.DataFrame({"id": referenced, "value": range(len(referenced))})
    first_rows = other.unique("id", keep="first").rename({"id": "key"})
    expected = frame.join(first_rows, on="key", how="left", maintain_order="left").drop("key")
    assert_frame_equal(checks._looked_up(frame, "key", other, "id", ["value"]), expected)


def test_every_composing_pair_lies_where_the_screen_looks() -> None:
    everywhere = set(screen.HANGUL_SECONDS)
    for code in range(0x110000):
        decomposition = unicodedata.decomposition(chr(code)).split()
        if len(decomposition) == 2 and not decomposition[0].startswith("<"):
            everywhere.add(int(decomposition[1], 16))
    assert screen.second_characters() == everywhere


# Cells the screen judges by other means than the exact path: bytes, character sets, SQL.
TRICKY = [
    "e\u0301",
    "\u0301",
    "Å",
    "\u212b",
    "\u1100\u1161",
    "\u0b47\u0b3e",
    "Київ",
    "Zelenśkyj",
    "\u00a0x",
    "x\u00a0",
    "x\u2003",
    "\t",
    "x\ty",
    "\r",
    "x\x7f",
    " x",
    "x ",
    "=1",
    "+1",
    "-1",
    "@x",
    "\u200b",
    "\ufeffx",
    "\U0001f600",
    "1500-01-01",
    "2300-01-01",
    "1677-09-21",
    "1677-09-22",
    "2262-04-11",
    "2262-04-12",
    "2025-02-29",
    "2024-02-29",
    "0000-01-01",
    "99999999999999999999",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "+5",
    "05",
    "-0",
    "0.0",
    "-0.0",
    "1e400",
    "1.",
    ".5",
    "1e5",
    "true",
    "True",
    '""',
    "x" * 2001,
    "",
]


def _mutated(tiny: Path, work: Path, table: str, row: int, column: str, value: str) -> Path:
    root = work / "package"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(tiny, root)
    _mutated_in_place(root, table, row, column, value)
    return root


def _mutated_in_place(root: Path, table: str, row: int, column: str, value: str) -> None:
    path = csv_path(root, table)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[row % len(frame), column] = value
    frame.to_csv(path, index=False, lineterminator="\n")


def _with_excerpt(root: Path, statement_id: str, excerpt: str) -> None:
    """Make a statement's evidence say `excerpt`, for a test that changes its quote."""
    path = csv_path(root, "evidence")
    evidence = pd.read_csv(path, dtype=str, keep_default_na=False)
    mine = (evidence["table_name"] == "statements") & (evidence["record_id"] == statement_id)
    assert mine.any()
    evidence.loc[mine, "excerpt"] = excerpt
    evidence.to_csv(path, index=False, lineterminator="\n")


@pytest.mark.slow
# 150 mutated packages in all, 10 per table: one test per table, so that they share out between
# the workers (as one test of 150, it was often the last one left running).
@pytest.mark.parametrize("table", list(SPEC.tables))
@settings(
    max_examples=150 // len(SPEC.tables),
    deadline=20_000,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_whatever_the_screen_clears_the_exact_path_finds_valid(
    tiny: Path, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject, table: str
) -> None:
    column = data.draw(st.sampled_from(SPEC.tables[table].field_names))
    value = data.draw(st.one_of(st.sampled_from(TRICKY), st.text(max_size=12)))
    root = _mutated(
        tiny,
        tmp_path_factory.mktemp("mutated"),
        table,
        data.draw(st.integers(0, 10**6)),
        column,
        value,
    )
    if clears(root):
        assert validate(root, screen=False) == [], (table, column, value)


@pytest.mark.parametrize(
    ("table", "old", "new"),
    [
        ("statements", "said", "sa\u0308id"),  # a combining mark: not NFC after its letter
        ("events", "Istanbul", "Istanbul\tTürkiye"),  # a tab inside a cell
        ("sources", "Reuters", " Reuters"),  # a leading space
    ],
)
def test_what_only_the_screen_sees_as_bytes_is_not_cleared(
    root: Path, table: str, old: str, new: str
) -> None:
    replace(root, table, old, new)
    assert not clears(root)
    assert validate(root, screen=False) != []  # the exact path names it


def test_nfc_text_with_a_combining_mark_is_cleared(root: Path) -> None:
    """A Hindi excerpt holds a virama (U+094D), a combining mark that NFC leaves where it stands:
    the file is NFC, so it stays on the fast path (the real data holds one)."""
    replace(root, "statements", "said", "said \u0928\u092e\u0938\u094d\u0924\u0947")
    assert clears(root)
    assert validate(root) == []


def test_a_valid_file_the_screen_cannot_read_as_lines_goes_the_exact_way(root: Path) -> None:
    """CRLF line ends are valid but not canonical: the screen declines, the exact path accepts."""
    path = csv_path(root, "actors")
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert not clears(root)
    assert validate(root) == []


def _last_line_changed(root: Path, table: str, change: Callable[[bytes], bytes]) -> None:
    path = csv_path(root, table)
    *head, last = path.read_bytes().rstrip(b"\n").split(b"\n")
    path.write_bytes(b"\n".join([*head, change(last)]) + b"\n")


# Rows of the wrong shape: polars pads a short row with empty cells, so only the commas show it.
SHAPES = {
    "short row": lambda line: line.rsplit(b",", 1)[0],
    "long row": lambda line: line + b",",
    "one quoted cell holding the commas": lambda line: (
        b'"x,' + line.split(b",", 1)[1].rsplit(b",", 1)[0] + b'"'
    ),
}


@pytest.mark.parametrize("table", [t for t in SPEC.tables if len(SPEC.tables[t].fields) > 2])
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_row_with_the_wrong_number_of_fields_is_not_cleared(
    root: Path, table: str, shape: str
) -> None:
    _last_line_changed(root, table, SHAPES[shape])
    assert not clears(root)
    assert validate(root, screen=False) != []  # the exact path names it


# Quoting that CSV readers may each read their own way.
ODD_QUOTES = {
    "quote inside an unquoted cell": lambda line: line.replace(b",", b',x"y', 1),
    "text after a closing quote": lambda line: line.replace(b",", b',"x"y', 1),
    "doubled quote opening a cell": lambda line: line.replace(b",", b',""', 1),
}


@pytest.mark.parametrize("table", ["events", "statements", "sources"])
@pytest.mark.parametrize("quotes", sorted(ODD_QUOTES))
def test_whatever_odd_quoting_the_screen_clears_the_exact_path_finds_valid(
    root: Path, table: str, quotes: str
) -> None:
    _last_line_changed(root, table, ODD_QUOTES[quotes])
    if clears(root):
        assert validate(root, screen=False) == []


def test_a_pattern_without_anchors_is_matched_from_the_cell_start(root: Path) -> None:
    """The exact path matches a pattern at the start of the cell; a search for it anywhere would
    clear 'xQ5' under the pattern Q[1-9][0-9]*."""
    schema = root / "schemas" / "actors.yaml"
    schema.write_text(
        schema.read_text(encoding="utf-8").replace("'^Q[1-9][0-9]*$'", "'Q[1-9][0-9]*'"),
        encoding="utf-8",
    )
    assert clears(root)
    _mutated_in_place(root, "actors", 0, "wikidata_id", "xQ5")
    assert not clears(root)
    assert validate(root, screen=False) != []  # the exact path names it


@pytest.mark.parametrize("table", ["events", "statements", "sources"])
def test_invalid_utf8_whose_high_bytes_alone_would_decode_is_not_cleared(
    root: Path, table: str
) -> None:
    """The byte scan decodes only the non-ASCII bytes: b"\\xc3A\\xa9" leaves "é", so polars' own
    UTF-8 check must catch it."""

    def into_notes(line: bytes) -> bytes:  # notes, the last column, is free text, and empty here
        assert line.endswith(b",")
        return line + b"x\xc3A\xa9"

    _last_line_changed(root, table, into_notes)
    assert not clears(root)
    assert validate(root, screen=False) != []  # the exact path names it


def test_a_clean_package_is_cleared_without_importing_pandas() -> None:
    """pandas takes about half a second to import: the screen's path must not need it."""
    script = "import sys; from pressure_tracker.validation.run import validate; assert validate(sys.argv[1]) == []; print(sorted(m for m in ('pandas', 'pyarrow', 'pandera') if m in sys.modules))"
    shown = subprocess.run(
        [sys.executable, "-c", script, str(REPO)], capture_output=True, text=True, check=True
    ).stdout
    assert shown.strip() == "[]"


@pytest.mark.parametrize(
    ("pattern", "comma_free"),
    [
        (r"^src-[0-9]{4,}$", True),
        (r"^[a-z0-9]+(-[a-z0-9]+)*$", True),
        (r"^Q[1-9][0-9]*$", True),
        (r"^\d{2}$", True),
        (r"^https?://[^\s/?#]+[^\s]*$", False),
        (r"^[(-}]$", False),
        (r"^.*$", False),
        (r"^a,b$", False),
        (r"^[a-z,]$", False),
        (r"^\w+$", False),
        (r"^[^a]$", False),
        (r"^{1,}$", False),
        (r"^(?:a)$", False),
    ],
)
def test_only_patterns_that_match_no_comma_are_taken_as_comma_free(
    pattern: str, comma_free: bool
) -> None:
    assert bool(screen.COMMA_FREE_PATTERN.fullmatch(pattern)) is comma_free


PATTERNS = sorted(
    {f.constraints.pattern for t in SPEC.tables.values() for f in t.fields if f.constraints.pattern}
)


@pytest.mark.parametrize("pattern", [p for p in PATTERNS if screen.COMMA_FREE_PATTERN.fullmatch(p)])
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_a_comma_free_pattern_of_the_schemas_matches_no_comma(
    pattern: str, data: st.DataObject
) -> None:
    """The screen counts no commas in such columns: a cell that passes the pattern must hold none."""
    assert "," not in data.draw(st.from_regex(f"^(?:{pattern})$", fullmatch=True))


@pytest.mark.parametrize("column", ["summary", "quote"])
@pytest.mark.parametrize("also_said_that_day", [0, 2])
def test_a_repeat_in_other_case_is_not_cleared(
    root: Path, column: str, also_said_that_day: int
) -> None:
    """The screen tests a rule against repeats on just the rows whose hashed columns repeat (here the
    actor and the day): a statement said again in capitals is among them, with or without other
    statements by the same actor that day."""
    path = csv_path(root, "statements")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    first = frame.iloc[0].copy()
    first[column] = first[column] or "pressure must grow"
    frame.loc[0] = first
    others = [first.copy() for _ in range(also_said_that_day)]
    for n, other in enumerate(others):
        other["statement_id"], other["summary"], other["quote"] = (
            f"st-{9000 + n}",
            f"Something else, no. {n}.",
            "",
        )
    again = first.copy()
    again["statement_id"], again[column], again["topic"] = "st-9999", first[column].upper(), "other"
    other_text = "quote" if column == "summary" else "summary"
    again[other_text] = "" if other_text == "quote" else "A summary of its own."
    pd.concat([frame, pd.DataFrame([*others, again])]).to_csv(
        path, index=False, lineterminator="\n"
    )
    for other in [*others, again]:
        copy_evidence(root, "statements", first["statement_id"], other["statement_id"])
    if column == "quote":  # the repeat's quote is in capitals: its evidence says it so
        _with_excerpt(root, "st-9999", again["quote"])
    assert not clears(root)
    problems = validate(root)
    assert [p.column for p in problems] == [column], problems


@pytest.mark.parametrize("value", [f"{c}x" for c in screen.FORMULA_OR_SPACE] + ["x "])
def test_a_cell_that_starts_a_formula_or_has_a_space_at_its_edge_is_not_cleared(
    root: Path, value: str
) -> None:
    _mutated_in_place(root, "statements", 0, "summary", value)
    assert not clears(root)
    assert [p.column for p in validate(root)] == ["summary"]


@pytest.mark.parametrize(("characters", "valid"), [(250, True), (251, False)])
def test_a_length_limit_counts_characters_not_bytes(
    root: Path, characters: int, valid: bool
) -> None:
    """A quote may have 250 characters: 250 two-byte ones are 500 bytes, and fine. (Its excerpt
    says the same words: a quote must appear in its statement's evidence.)"""
    _mutated_in_place(root, "statements", 1, "quote", "ś" * characters)
    _with_excerpt(
        root, pd.read_csv(csv_path(root, "statements")).loc[1, "statement_id"], "ś" * characters
    )
    assert clears(root) is valid
    assert (validate(root) == []) is valid


NUMBER_LIKE = st.text(alphabet="0123456789+-.eE_x ,ainfNtrusl\u0663\uff15\u00a0", max_size=10)


@settings(max_examples=3000, deadline=None)
@given(
    text=st.one_of(NUMBER_LIKE, st.sampled_from(TRICKY)),
    kind=st.sampled_from(sorted(screen.TYPED_BY_PATTERN_ALONE)),
)
def test_polars_types_a_text_only_in_the_form_its_pattern_allows(text: str, kind: str) -> None:
    """The screen runs no pattern for these types: what polars reads as a finite value of the type
    must have the type's form."""
    field = FieldSpec(name="cell", type=kind, description="a cell")
    value = pl.DataFrame({"cell": [text]}).select(screen._typed(field)).item()
    if value is not None and not (kind == "number" and not math.isfinite(value)):
        assert re.match(TYPE_PATTERNS[kind][0], text), (kind, text, value)


@pytest.mark.parametrize(
    "table", [name for name, t in SPEC.tables.items() if len(t.primary_key) > 1]
)
def test_a_repeated_key_of_several_columns_is_not_cleared(root: Path, table: str) -> None:
    """The screen hashes a primary key of several columns: a row repeating another's key is seen."""
    path = csv_path(root, table)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    again = frame.iloc[[0]].copy()
    other = [c for c in frame.columns if c not in SPEC.tables[table].primary_key and c != "notes"]
    if other:  # the rest of the row differs, so only the key repeats
        again[other[-1]] = frame[other[-1]].iloc[-1]
    pd.concat([frame, again]).to_csv(path, index=False, lineterminator="\n")
    assert not clears(root)
    assert validate(root, screen=False) != []  # the exact path names it


@settings(deadline=None)  # about correctness: no time limit to trip on a loaded machine
@given(
    st.lists(st.integers(0, 2**64 - 1), max_size=50),
    st.lists(st.integers(0, 2**64 - 1), max_size=5),
)
def test_the_repeated_hashes_are_those_more_than_one_row_has(
    once: list[int], twice: list[int]
) -> None:
    """Any 64-bit values, in any order: numpy sorts them unsigned, as polars hashes them."""
    hashes = pl.Series("h", once + twice + twice[::-1], dtype=pl.UInt64).shuffle(seed=0)
    counts = pl.DataFrame({"h": hashes}).group_by("h").len()
    expected = set(counts.filter(pl.col("len") > 1)["h"])
    assert set(screen._repeated(hashes)) == expected


# Each kind of damage a column check can see, and the columns it can be done to.
DAMAGES: dict[str, Callable[[FieldSpec, TableSpec], bool]] = {
    "missing": lambda f, t: f.constraints.required or f.name in t.primary_key,
    "not in the vocabulary": lambda f, t: f.constraints.enum is not None,
    "against the pattern": lambda f, t: f.constraints.pattern is not None,
    "too long": lambda f, t: f.constraints.max_length is not None,
    "below the minimum": lambda f, t: f.type == "integer" and f.constraints.minimum is not None,
}


def _damages(spec: Spec) -> list[tuple[str, str]]:
    """(table, damage) for every damage a table's checks can see, and each table undamaged."""
    cases = []
    for name, table in spec.tables.items():
        cases.append((name, "none"))
        cases += [
            (name, d) for d, can in DAMAGES.items() if any(can(f, table) for f in table.fields)
        ]
        if table.primary_key:
            cases.append((name, "repeated key"))
    return cases


def _damaged(table: str, damage: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with one cell of the first column the damage applies to damaged, or a key repeated."""
    spec = SPEC.tables[table]
    if damage == "repeated key":
        return pd.concat([frame, frame.iloc[[0]]], ignore_index=True)
    frame = frame.copy()
    if damage in DAMAGES:
        field = next(f for f in spec.fields if DAMAGES[damage](f, spec))
        c, column = field.constraints, frame[field.name].astype(object)
        column.iloc[0] = {
            "missing": None,
            "not in the vocabulary": "no-such-value",
            "against the pattern": " !",
            "too long": "x" * ((c.max_length or 0) + 1),
            "below the minimum": (c.minimum or 0) - 1,
        }[damage]
        frame[field.name] = column.astype(frame[field.name].dtype, errors="ignore")
    return frame


@pytest.mark.parametrize(("table", "damage"), _damages(SPEC))
def test_the_column_checks_and_pandera_agree(
    exact_frames: dict[str, dict[str, pd.DataFrame]], table: str, damage: str
) -> None:
    """The exact path skips pandera when `columns_hold` says every check holds: the two must agree
    on the real tables, and on each kind of damage a table's checks can see."""
    import pandera.pandas as pandera

    from pressure_tracker.validation.frames import columns_hold, pandera_schema

    frame = _damaged(table, damage, exact_frames["real"][table])
    try:
        pandera_schema(SPEC.tables[table]).validate(frame, lazy=True)
        passes = True
    except pandera.errors.SchemaErrors:
        passes = False
    assert passes is (damage == "none")
    assert columns_hold(SPEC.tables[table], frame) is passes


def test_a_sole_key_is_unique_without_a_unique_flag(
    exact_frames: dict[str, dict[str, pd.DataFrame]],
) -> None:
    """A primary key of one column must be unique even where its schema does not say `unique`."""
    import pandera.pandas as pandera

    from pressure_tracker.validation.frames import columns_hold, pandera_schema

    events = SPEC.tables["events"]
    key = events.primary_key[0]
    fields = tuple(
        f.model_copy(update={"constraints": f.constraints.model_copy(update={"unique": False})})
        if f.name == key
        else f
        for f in events.fields
    )
    table = events.model_copy(update={"fields": fields})
    frame = exact_frames["real"]["events"]
    repeated = pd.concat([frame, frame.iloc[[0]]], ignore_index=True)
    assert columns_hold(table, frame)
    assert not columns_hold(table, repeated)
    with pytest.raises(pandera.errors.SchemaErrors):
        pandera_schema(table).validate(repeated, lazy=True)


# Cells an integer or date column may hold, well formed or not: Arrow types a column only when
# every cell has the stricter form its cast takes; any other column goes pandas' way.
TYPED_CELLS = [
    "",
    "+5",
    "-3",
    "007",
    "9223372036854775807",
    "9223372036854775808",
    "١٢",
    "5.0",
    " 5",
    "2025-02-30",
    "2024-02-29",
    "1677-09-21",
    "1677-09-22",
    "2262-04-11",
    "2262-04-12",
    "2025-1-05",
    "20250105",
    "x",
]


@pytest.mark.parametrize("cell", TYPED_CELLS)
def test_arrow_and_pandas_type_a_column_alike(
    root: Path, monkeypatch: pytest.MonkeyPatch, cell: str
) -> None:
    """An integer or date column typed by Arrow's cast is the column pandas' way types, with the
    same problems, whatever cell one of its rows holds."""
    import csv
    import io

    from pressure_tracker.validation import read

    spec = Spec(root)
    for table in spec.tables.values():
        path = csv_path(root, table.name)
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        for i, field in enumerate(table.fields):
            if field.type not in ("integer", "date"):
                continue
            rows[1][i] = cell
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        path.write_text(out.getvalue(), encoding="utf-8")
        fast = read.read_table(root, table)
        with monkeypatch.context() as slow_only:
            slow_only.setattr(read, "_every_cell_held", lambda *_: None)
            slow = read.read_table(root, table)
        assert fast.problems == slow.problems, (table.name, cell)
        if slow.frame is not None:
            pd.testing.assert_frame_equal(fast.frame, slow.frame, check_exact=True)


@pytest.mark.parametrize(
    ("kind", "cells", "by_arrow"),
    [
        ("integer", ["-3", "007", None], True),
        ("integer", ["+5"], False),  # a sign Arrow's cast refuses: pandas' way takes it
        ("integer", ["9223372036854775808"], False),  # past 64 bits: named by pandas' way
        ("date", ["2024-02-29", "2262-04-11", None], True),
        ("date", ["2025-02-30"], False),  # the form of a date, but no day
        ("date", ["2262-04-12"], False),  # beyond what a datetime64[ns] column holds
    ],
)
def test_arrow_types_only_columns_whose_every_cell_it_can(
    kind: str, cells: list[str | None], by_arrow: bool
) -> None:
    from pressure_tracker.validation.read import _every_cell_held, typed_dtype

    column = pd.Series(cells, dtype=typed_dtype("string"))
    typed = _every_cell_held(column, kind)
    assert (typed is not None) is by_arrow
    if typed is not None:
        assert typed.dtype == typed_dtype(kind) and typed.isna().tolist() == column.isna().tolist()
