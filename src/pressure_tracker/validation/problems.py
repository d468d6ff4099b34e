"""A problem found in the package, located as an editor shows it: file, line, column."""

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
    return [Problem(file, None, None, message) for file, message in exc.problems]
