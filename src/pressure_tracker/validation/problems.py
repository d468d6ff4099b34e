"""A problem found in the package, located as an editor shows it: file, line, column, with a
stable code (as frictionless-py's) that tools filter on without parsing the message."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pressure_tracker.schema.spec import SpecError


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    column: str | None
    message: str
    code: str  # one of CODES

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column:
                # A column name comes from the file: never let control characters reach a terminal.
                where += f":{self.column}" if self.column.isprintable() else f":{self.column!r}"
        return f"{where}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


# Every kind of problem, by stable code; the message beside it is written for people.
CODES = {
    "schema-error": "a schema file is missing or not a valid schema",
    "file-missing": "a table's CSV file is missing",
    "extra-file": "a CSV file in data/ has no schema",
    "file-empty": "a file is empty, or has a header and no rows",
    "encoding-error": "a file is not UTF-8 without a byte-order mark",
    "control-character": "a file holds a NUL byte",
    "header-error": "the header row is not the schema's columns, in order",
    "source-error": "a file cannot be parsed as CSV",
    "row-structure": "a row has more or fewer fields than the header",
    "type-error": "a cell is not of its column's type",
    "missing-cell": "a required cell is empty",
    "constraint-error": "a cell breaks its column's constraint (vocabulary, pattern, length, range)",
    "unique-error": "a value repeats in a column that must be unique",
    "primary-key": "a row repeats the primary key of an earlier row",
    "foreign-key": "a value is not a key of the table it refers to",
    "rule-error": "a row breaks a rule a schema cannot state (validation/rules.py)",
    "hash-missing": "a file listed in datapackage.json is missing",
    "hash-changed": "a file differs from the hash datapackage.json gives",
    "hash-extra": "a release holds a file its datapackage.json does not list",
}


class DataError(Exception):
    """Raised by loaders when the data does not parse; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(str(p) for p in problems[:20])
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} problem(s) in the data:\n{shown}{more}")


def quoted(value: object, limit: int = 60) -> str:
    """A cell value as shown in a message: repr-quoted and cut when long."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return repr(text)


def spec_problems(exc: SpecError) -> list[Problem]:
    return [Problem(file, None, None, message, "schema-error") for file, message in exc.problems]
