"""`fmt`: one canonical form for every CSV, so diffs between versions show only real changes.

Canonical: rows sorted by primary key, minimal quoting (only cells with a comma, quote or line
break are quoted), LF line endings, UTF-8 without BOM, Unicode NFC. Files are rewritten atomically
and only when they validate: a file with problems is left exactly as it is.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

from pressure_tracker.schema.files import write_atomic
from pressure_tracker.schema.spec import Spec, TableSpec
from pressure_tracker.validation.problems import Problem
from pressure_tracker.validation.run import validate


def canonical(text: str, table: TableSpec) -> str:
    """The canonical form of a table's CSV text (which must parse)."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], [r for r in rows[1:] if r]
    positions = [header.index(k) for k in table.primary_key]
    body.sort(key=lambda row: [row[i] for i in positions])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows([[unicodedata.normalize("NFC", cell) for cell in row] for row in body])
    return out.getvalue()


def fmt(root: Path, check: bool = False) -> tuple[list[str], list[Problem]]:
    """Files not in canonical form (rewritten unless `check`), and the problems of files left alone."""
    root = Path(root)
    problems = validate(root)
    broken = {p.file for p in problems}
    spec = Spec(root)
    changed = []
    for name, table in spec.tables.items():
        rel = f"data/{name}.csv"
        if rel in broken:
            continue
        path = root / rel
        text = path.read_bytes().decode("utf-8")
        wanted = canonical(text, table)
        if text != wanted:
            changed.append(rel)
            if not check:
                write_atomic(path, wanted)
    return changed, problems
