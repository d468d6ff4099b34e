"""The README of a release archive: what the zip holds, how to open each format, how to cite it.

The repository's README links to files that are not in the archive, so the archive gets its own,
made from the schemas and the version; every link in it is relative to the archive's folder.
"""

from __future__ import annotations

from pressure_tracker.schema.spec import Spec


def archive_readme(spec: Spec, version: str, citation: dict[str, str], has_changes: bool) -> str:
    name = f"pressure-tracker-{version}"
    tables = "\n".join(
        f"| `{t.name}` | [CSV](data/{t.name}.csv) | [Parquet](parquet/{t.name}.parquet) | {t.title}: {t.description} |"
        for t in spec.tables.values()
    )
    changes = (
        "- [`changes/`](changes/SUMMARY.txt): every row added, removed or modified since the previous release\n"
        "  (`changes/<table>.csv`: change, key, field, old and new value).\n"
        if has_changes
        else ""
    )
    return f"""# {spec.package.title}: release {version}

{spec.package.description}

This archive is one exact, citable version of the data. Every file in it is listed with its sha256
hash in [`datapackage.json`](datapackage.json); `pressure-tracker verify {name}.zip` checks them.

## What is in it

- [`datapackage.json`](datapackage.json): the Frictionless data package descriptor (tables, column
  types, keys, licences, hashes).
- `data/`: the tables as CSV (UTF-8, comma-separated, header row, empty cell = unknown).
- `schemas/`: each table's Frictionless Table Schema, as YAML.
- `parquet/`: the tables as Parquet, with descriptions, the primary key and the version in the
  file metadata; columns with a fixed vocabulary are categories.
- [`pressure-tracker.duckdb`](pressure-tracker.duckdb): a DuckDB database with keys, column comments,
  the analytic views `timeline`, `pressure_panel`, `package_panel`, `measure_validity`,
  `follow_through` and `record_evidence`, the table macro `in_force(day)` and the table
  `record_history` (each row's first and last release).
- [`pressure-tracker.sqlite`](pressure-tracker.sqlite): the tables as SQLite, with keys and full-text
  search on statements, events, packages, measures and excerpts: `pressure-tracker serve` opens it
  in Datasette.
{changes}- [`data-dictionary.md`](data-dictionary.md): every table and column, with types and constraints.
- [`CHANGELOG.md`](CHANGELOG.md): what changed in each release.
- `reports/`: the quality suite's results ([`quality.json`](reports/quality.json)) and the QA
  summary ([`qa.json`](reports/qa.json)).
- [`CITATION.cff`](CITATION.cff) and [`LICENSE`](LICENSE).

| table | CSV | Parquet | one row is |
| --- | --- | --- | --- |
{tables}

## How to open it

Python, with the library (`pip install pressure-tracker`), straight from the zip:

```python
import pressure_tracker as pt
statements = pt.load("statements", version="{name}.zip")
```

pandas or polars, without the library:

```python
import pandas as pd
statements = pd.read_parquet("{name}/parquet/statements.parquet")
```

DuckDB (any version from 1.3):

```sh
duckdb -readonly {name}/pressure-tracker.duckdb "select * from follow_through limit 5"
```

R, Julia, JavaScript or any Frictionless tool: read `datapackage.json`, for example
`frictionless::read_package("{name}/datapackage.json")` in R.

## How to cite this version

{citation["text"]}

```bibtex
{citation["bibtex"]}
```
"""
