"""docs/data-dictionary.md, generated from schemas/: every table, column, constraint and vocabulary."""

from __future__ import annotations

from pressure_tracker.schema.spec import FieldSpec, Spec, TableSpec

HEADER = """# Data dictionary

Generated from `schemas/` by `pressure-tracker build`; do not edit by hand (a test fails when it is
stale). Types are Frictionless Table Schema types: `string`, `integer`, `number`, `date`
(`YYYY-MM-DD`). An empty cell means the value is unknown or does not apply.
"""


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _constraints(field: FieldSpec, table: TableSpec) -> str:
    c = field.constraints
    parts = []
    if field.name in table.primary_key:
        parts.append("primary key" if len(table.primary_key) == 1 else "part of the primary key")
    if c.required or field.name in table.primary_key:
        parts.append("required")
    if c.unique:
        parts.append("unique")
    for fk in table.foreign_keys:
        if fk.fields[0] == field.name:
            target = fk.reference.resource or table.name
            parts.append(f"references [`{target}`](#{target}).`{fk.reference.fields[0]}`")
    if c.pattern:
        parts.append(f"pattern `{c.pattern}`")
    if c.minimum is not None:
        parts.append(f"minimum {c.minimum}")
    if c.maximum is not None:
        parts.append(f"maximum {c.maximum}")
    if c.max_length is not None:
        parts.append(f"at most {c.max_length} characters")
    if c.enum:
        parts.append("one of " + ", ".join(f"`{v}`" for v in c.enum))
    return "; ".join(parts)


def _table(table: TableSpec) -> list[str]:
    lines = [f"## {table.name}", "", f"**{table.title}.** {_cell(table.description)}", ""]
    lines.append(
        f"File `data/{table.name}.csv`; primary key ({', '.join(f'`{k}`' for k in table.primary_key)})."
    )
    lines += ["", "| column | type | constraints | description |", "| --- | --- | --- | --- |"]
    lines += [
        f"| `{f.name}` | {f.type} | {_cell(_constraints(f, table))} | {_cell(f.description)} |"
        for f in table.fields
    ]
    return [*lines, ""]


def data_dictionary(spec: Spec) -> str:
    contents = (
        ["## Tables", ""]
        + [f"- [`{name}`](#{name}): {t.title}" for name, t in spec.tables.items()]
        + [""]
    )
    body = [line for table in spec.tables.values() for line in _table(table)]
    return "\n".join([HEADER, *contents, *body]).rstrip("\n") + "\n"
