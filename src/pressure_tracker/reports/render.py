"""Query results as text: a terminal table, CSV, JSON or Markdown."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal


def _plain(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)  # counts are stored as numbers: show 27, not 27.0
    return value


def render(columns: list[str], rows: list[tuple], fmt: str) -> str:
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([["" if v is None else _plain(v) for v in row] for row in rows])
        return buffer.getvalue()
    if fmt == "json":
        return (
            json.dumps(
                [dict(zip(columns, map(_plain, row), strict=False)) for row in rows],
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
    cells = [
        [("" if v is None else str(_plain(v))).replace("|", "\\|").replace("\n", " ") for v in row]
        for row in rows
    ]
    if fmt == "markdown":
        lines = ["| " + " | ".join(columns) + " |", "|" + "|".join(" --- " for _ in columns) + "|"]
        return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in cells]) + "\n"
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    return (
        "\n".join([line(columns), line(["-" * w for w in widths]), *map(line, cells)])
        + f"\n({len(rows)} rows)\n"
    )
