"""Read one table's CSV once and type it by its schema, reporting every cell that does not parse.

Parsing is done by pyarrow (fast, all columns as strings); Python's csv module is only used on
the slow path, to locate structural errors and to map rows to editor lines when quoted cells
span several lines.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from pressure_tracker.schema.spec import BOOLEANS, PANDAS_DATES, TYPE_PATTERNS, FieldType, TableSpec
from pressure_tracker.validation.problems import Problem, quoted

# How a cell that is well formed can still not be held, by type (see _out_of_range).
OUT_OF_RANGE = {
    "integer": "outside the integers this dataset can hold (64-bit)",
    "date": f"outside the dates this dataset can hold ({PANDAS_DATES[0]} to {PANDAS_DATES[1]})",
}
INT64 = (-(2**63), 2**63 - 1)
BOM = b"\xef\xbb\xbf"


def typed_dtype(kind: FieldType | str) -> Any:
    """The pandas dtype of a schema type in the frames that are checked: nullable, Arrow-backed strings."""
    return {
        "string": pd.StringDtype("pyarrow"),
        "integer": pd.Int64Dtype(),
        "number": pd.Float64Dtype(),
        "date": "datetime64[ns]",
        "boolean": pd.BooleanDtype(),
    }[kind]


@dataclass
class ReadResult:
    """A table as read: its typed frame (None when the file could not be parsed) and problems."""

    rel: str
    frame: pd.DataFrame | None = None
    problems: list[Problem] = field(default_factory=list)
    _lines: list[int] | None = None

    def line(self, row: int) -> int:
        """Editor line of data row `row` (0-based): row + 2 unless quoted cells span lines."""
        if self._lines is None:
            return row + 2
        return self._lines[row]

    def problem(self, row: int | None, column: str | None, message: str, code: str) -> Problem:
        line = 1 if row is None else self.line(row)
        return Problem(self.rel, line, column, message, code)


def read_table(root: Path, table: TableSpec) -> ReadResult:
    rel = f"data/{table.name}.csv"
    result = ReadResult(rel)
    try:
        raw = (Path(root) / rel).read_bytes()
    except FileNotFoundError:
        result.problems.append(Problem(rel, None, None, "file is missing", "file-missing"))
        return result
    # The file stays bytes: decoding all of it to str would cost up to four times its size.
    if not _bytes_ok(raw, result) or not header_ok(raw, table, result):
        return result
    strings = _parse(raw, table, result)
    if strings is None:
        return result
    if strings.empty:
        result.problems.append(
            Problem(rel, 1, None, "file has a header but no data rows", "file-empty")
        )
        return result
    _map_lines(raw, len(strings), result)
    result.frame = _typed(strings, table, result)
    return result


def _bytes_ok(raw: bytes, result: ReadResult) -> bool:
    if re.fullmatch(rb"\s*", raw):
        result.problems.append(
            Problem(result.rel, 1, None, "file is empty: expected a header row", "file-empty")
        )
        return False
    if raw.startswith(BOM):
        result.problems.append(
            Problem(
                result.rel,
                1,
                None,
                "file starts with a byte-order mark; save as UTF-8 without BOM",
                "encoding-error",
            )
        )
        return False
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        result.problems.append(
            Problem(result.rel, line, None, "file contains a NUL byte", "control-character")
        )
        return False
    return True


def _decoded(raw: bytes, result: ReadResult) -> str | None:
    """The whole file as text, for the slow paths only; None after reporting where UTF-8 breaks."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start : exc.start + 1].hex()
        message = f"file is not valid UTF-8: byte 0x{byte} at offset {exc.start}"
        result.problems.append(Problem(result.rel, line, None, message, "encoding-error"))
        return None


def header_ok(raw: bytes, table: TableSpec, result: ReadResult) -> bool:
    first = re.split(rb"\r\n|\n|\r", raw[:65536], maxsplit=1)[0]  # a header never spans lines
    text = _decoded(first, result)
    if text is None:
        return False
    try:
        header = next(csv.reader([text]), [])
    except csv.Error as exc:
        result.problems.append(
            Problem(result.rel, 1, None, f"the header row is not valid CSV: {exc}", "header-error")
        )
        return False
    expected = table.field_names
    if header == expected:
        return True

    def problem(column: str | None, message: str) -> None:
        result.problems.append(Problem(result.rel, 1, column, message, "header-error"))

    seen: set[str] = set()
    for name in header:
        if name in seen:
            problem(name, f"column {name!r} appears more than once in the header")
        seen.add(name)
    for name in expected:
        if name not in seen:
            problem(name, f"column {name!r} is missing from the header")
    for name in header:
        if name not in expected:
            problem(name, f"column {name!r} is not in schemas/{table.name}.yaml")
    if not result.problems:
        problem(None, f"columns are out of order: expected {', '.join(expected)}")
    return False


def _parse(raw: bytes, table: TableSpec, result: ReadResult) -> pd.DataFrame | None:
    """All cells as Arrow strings (empty cell = null); None after reporting a structural error."""
    names = table.field_names
    # An odd number of quote characters may mean a quoted field never closes, and pyarrow would
    # silently swallow the rest of the file into that cell: the csv module looks first. (A lone
    # quote inside an unquoted cell is text to the csv module, pyarrow and DuckDB alike.)
    if raw.count(b'"') % 2 and _structure_problems(raw, len(names), result):
        return None
    try:
        parsed = pacsv.read_csv(
            io.BytesIO(raw),
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                null_values=[""],
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
            ),
        )
        # Straight to the typed frames' string dtype: a text column then needs no conversion.
        return parsed.to_pandas(types_mapper={pa.string(): typed_dtype("string")}.get)
    except pa.ArrowInvalid:  # invalid UTF-8 or a row of the wrong width: find where, below
        pass
    if not _structure_problems(
        raw, len(names), result
    ):  # pyarrow refused something the csv module accepts
        result.problems.append(
            Problem(result.rel, 1, None, "file could not be parsed as CSV", "source-error")
        )
    return None


def _structure_problems(raw: bytes, width: int, result: ReadResult) -> bool:
    """Report where the file breaks as CSV or UTF-8; True if it does."""
    text = _decoded(raw, result)
    if text is not None:
        result.problems += _locate_structure_errors(text, width, result.rel)
    return bool(result.problems)


def _locate_structure_errors(text: str, width: int, rel: str) -> list[Problem]:
    problems = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    try:
        for record in reader:
            if record and len(record) != width:
                message = f"row has {len(record)} fields, the header has {width}"
                problems.append(Problem(rel, start, None, message, "row-structure"))
            start = reader.line_num + 1
    except csv.Error as exc:
        if "unexpected end of data" in str(exc) or "EOF" in str(exc):
            message = "a quoted field opened on this line never closes"
        else:
            message = f"malformed CSV: {exc}"
        problems.append(Problem(rel, start, None, message, "source-error"))
    return problems


def _map_lines(raw: bytes, rows: int, result: ReadResult) -> None:
    """Only when physical lines and records differ, find each record's first line."""
    physical = _line_breaks(raw) + (0 if raw.endswith((b"\n", b"\r")) else 1)
    if physical == rows + 1:
        return
    reader = csv.reader(io.StringIO(raw.decode("utf-8"), newline=""))
    lines, start = [], 1
    for record in reader:
        if record:
            lines.append(start)
        start = reader.line_num + 1
    result._lines = lines[1:]  # drop the header


def _line_breaks(raw: bytes) -> int:
    """Line breaks as an editor counts them: LF, CRLF, or a lone CR."""
    return raw.count(b"\n") + raw.count(b"\r") - raw.count(b"\r\n")


def _typed(strings: pd.DataFrame, table: TableSpec, result: ReadResult) -> pd.DataFrame:
    """Convert each column to its schema type; cells that do not parse are reported and left empty."""
    columns = {}
    for spec in table.fields:
        column = strings[spec.name]
        if spec.type == "string":
            columns[spec.name] = column
            continue
        held = _every_cell_held(column, spec.type)
        if held is not None:
            columns[spec.name] = held
            continue
        pattern, label = TYPE_PATTERNS[spec.type]
        valid = column.str.fullmatch(pattern).fillna(True).astype(bool)
        unheld = _out_of_range(column.where(valid), spec.type)
        typed = _convert(column.where(valid & ~unheld), spec.type)
        # A date like 2025-02-30 matches the pattern but does not exist.
        bad = ~valid | (typed.isna() & column.notna() & ~unheld)
        for row in bad[bad].index:
            result.problems.append(
                result.problem(
                    row, spec.name, f"{quoted(column[row])} is not {label}", "type-error"
                )
            )
        for row in unheld[unheld].index:
            result.problems.append(
                result.problem(
                    row,
                    spec.name,
                    f"{quoted(column[row])} is {OUT_OF_RANGE[spec.type]}",
                    "type-error",
                )
            )
        columns[spec.name] = typed
    return pd.DataFrame(columns, index=strings.index)


# Arrow's casts, for a column whose every cell is well formed (and a date, in range): these ASCII
# patterns accept less than the Python ones of TYPE_PATTERNS, and a cast refuses what they let by
# (a 30 February, an integer over 64 bits), so whatever the fast way takes, the slow way types alike.
ARROW_TYPES = {
    "integer": (r"^-?[0-9]+$", pa.int64()),
    "date": (r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", pa.date32()),
}


def _every_cell_held(column: pd.Series, kind: str) -> pd.Series | None:
    """The typed column, when Arrow can type every cell: pandas' way, which names each cell it
    cannot type, cost more than the rest of reading a small table. None: the column goes that way."""
    if kind not in ARROW_TYPES:
        return None
    pattern, arrow_type = ARROW_TYPES[kind]
    cells = pa.array(column)
    if not pc.all(pc.match_substring_regex(cells, pattern), min_count=0).as_py():
        return None
    if kind == "date":
        low, high = PANDAS_DATES
        if pc.any(pc.or_(pc.less(cells, low), pc.greater(cells, high))).as_py():
            return None
    try:
        typed = pc.cast(cells, arrow_type)
    except pa.ArrowInvalid:
        return None
    if kind == "date":
        typed = pc.cast(typed, pa.timestamp("ns"))
    return pd.Series(
        typed.to_pandas(types_mapper={pa.int64(): typed_dtype("integer")}.get).array,
        index=column.index,
    )


def _out_of_range(column: pd.Series, kind: str) -> pd.Series:
    """Well-formed cells that a typed column cannot hold; converting them would wrap or raise."""
    if kind == "date":  # datetime64[ns]; YYYY-MM-DD text sorts as its dates do
        low, high = PANDAS_DATES
        return ((column < low) | (column > high)).fillna(False).astype(bool)
    unheld = pd.Series(False, index=column.index)
    if (
        kind == "integer"
    ):  # int64; only 19 or more digits can overflow, so only those go through int()
        long = (column.str.len() >= 19).fillna(False).astype(bool)
        for row in long[long].index:
            unheld[row] = not INT64[0] <= int(column[row]) <= INT64[1]
    return unheld


def _convert(column: pd.Series, kind: str) -> pd.Series:
    if kind in ("integer", "number"):
        converted = pd.to_numeric(column, errors="coerce")
    elif kind == "date":
        converted = pd.to_datetime(column, format="%Y-%m-%d", errors="coerce")
    else:
        converted = column.map(BOOLEANS, na_action="ignore")
    return converted.astype(typed_dtype(kind))
