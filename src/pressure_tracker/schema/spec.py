"""The schemas in schemas/*.yaml, loaded strictly, and converted to every other form.

Each schemas/<table>.yaml is a Frictionless Table Schema and the only place a column is defined.
This module turns them into the Frictionless descriptor, pandera schemas, pandas dtypes and DuckDB
types with our own small mapper (pandera's frictionless reader loses dates, nullable integers and
foreign keys).
"""

from __future__ import annotations

import json
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

# The tables of this version, in dependency order (a table only references tables before it or
# itself). A package's own schemas/ folder is what Spec reads; this list is what tests expect.
TABLES: tuple[str, ...] = (
    "jurisdictions",
    "sectors",
    "sources",
    "actors",
    "coverage",
    "events",
    "evidence",
    "sanctions_packages",
    "event_figures",
    "event_participants",
    "evidence_columns",
    "legal_acts",
    "measures",
    "statements",
    "statement_sectors",
)

# How a record of a table whose key has several columns is named in one cell (evidence.record_id):
# its key's values joined by this, in the key's order (event_figures: ev-0001/prisoners_agreed/RU).
RECORD_ID_SEPARATOR = "/"

FieldType = Literal["string", "integer", "number", "date", "boolean"]
# What a cell of each typed column must look like before it is converted, and how to say so.
TYPE_PATTERNS = {
    "integer": (r"^[+-]?\d+$", "an integer"),
    "number": (r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$", "a number"),
    "date": (r"^\d{4}-\d{2}-\d{2}$", "a valid date (YYYY-MM-DD)"),
    "boolean": ("^(true|false)$", "true or false"),
}
BOOLEANS = {"true": True, "false": False}
# The first and last whole days a pandas datetime64[ns] column can hold: the dates a table can have.
PANDAS_DATES = ("1677-09-22", "2262-04-11")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class Constraints(_Strict):
    required: bool = False
    unique: bool = False
    pattern: str | None = None
    enum: tuple[str, ...] | None = None
    minimum: str | int | float | None = None
    maximum: str | int | float | None = None
    min_length: int | None = Field(None, alias="minLength")
    max_length: int | None = Field(None, alias="maxLength")


class FieldSpec(_Strict):
    name: str
    type: FieldType
    description: str = Field(min_length=1)
    constraints: Constraints = Constraints()


class Reference(_Strict):
    resource: str
    fields: tuple[str, ...]


class ForeignKey(_Strict):
    fields: tuple[str, ...]
    reference: Reference

    @field_validator("fields")
    @classmethod
    def _single_column(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        # Every key in the data model is one column; multi-column keys would need a tuple join.
        if len(value) != 1:
            raise ValueError("foreign keys must have exactly one field")
        return value


class TableSpec(_Strict):
    """One table's schema: schemas/<name>.yaml plus the name it was loaded under."""

    name: str
    title: str
    description: str = Field(min_length=1)
    fields: tuple[FieldSpec, ...]
    missing_values: tuple[str, ...] = Field(("",), alias="missingValues")

    @field_validator("missing_values")
    @classmethod
    def _only_empty_is_missing(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        # Every reader (the screen, the exact pass, pandas, DuckDB) treats only the empty cell as
        # missing; a schema that declared more would be read differently by other tools.
        if value != ("",):
            raise ValueError('only [""] is supported: an empty cell is the one missing value')
        return value

    primary_key: tuple[str, ...] = Field(alias="primaryKey")
    foreign_keys: tuple[ForeignKey, ...] = Field((), alias="foreignKeys")

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> FieldSpec:
        return next(f for f in self.fields if f.name == name)

    def table_schema(self) -> dict[str, Any]:
        """The Table Schema as written in the YAML file (camelCase keys, no empty defaults).

        `foreignKeys` is left out when there are none: the Table Schema profile requires at least
        one item, and strict readers (the JavaScript one) refuse an empty list.
        """
        exclude = {"name"} | ({"foreign_keys"} if not self.foreign_keys else set())
        return self.model_dump(by_alias=True, exclude_none=True, exclude=exclude, mode="json")


class License(_Strict):
    name: str
    title: str
    path: str


class Contributor(_Strict):
    title: str
    role: str


class RowCount(_Strict):
    min: int = Field(ge=0)
    max: int = Field(ge=0)
    why: str = Field(min_length=1)


class FillRate(_Strict):
    column: str  # table.column
    at_least: float = Field(ge=0, le=1)
    why: str = Field(min_length=1)


class EvidenceFloor(_Strict):
    at_least: float = Field(ge=0, le=1)
    why: str = Field(min_length=1)


class PackageMeta(_Strict):
    name: str
    title: str
    description: str
    keywords: tuple[str, ...]
    licenses: tuple[License, ...]
    contributors: tuple[Contributor, ...]
    # The settings that describe the data, with their reasons (schemas/package.yaml):
    future_dates: tuple[str, ...] = ()  # "table.column" of date columns that may lie ahead
    row_counts: dict[str, RowCount] = {}  # the quality suite's bounds on a table's rows
    fill_rates: tuple[FillRate, ...] = ()  # the quality suite's floors on a column's filled share
    evidence: EvidenceFloor | None = None  # the quality suite's floor on fact rows with evidence
    evidence_required: tuple[str, ...] = ()  # tables whose every row must have evidence (a rule)
    # table -> column: a row with that column empty states no fact (a gap) and needs no evidence
    evidence_not_needed: dict[str, str] = {}
    # ... and on the numbers and dates of those rows found by machine in their supporting excerpts
    numbers_found: EvidenceFloor | None = None
    dates_found: EvidenceFloor | None = None


class SpecError(Exception):
    """A schema file is missing or not a valid schema; carries (file, message) pairs."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__("; ".join(f"{f}: {m}" for f, m in problems))


def _dependency_order(tables: dict[str, TableSpec]) -> dict[str, TableSpec]:
    """Referenced tables first, so tables can be created and checked in this order; ties by name."""
    ordered: dict[str, TableSpec] = {}
    pending = dict(sorted(tables.items()))
    while pending:
        ready = [
            name
            for name, t in pending.items()
            if all(
                fk.reference.resource in ("", name)
                or fk.reference.resource in ordered
                or fk.reference.resource not in tables
                for fk in t.foreign_keys
            )
        ]
        if not ready:  # a reference cycle: keep the rest in name order, the key checks still run
            ready = list(pending)
        for name in ready:
            ordered[name] = pending.pop(name)
    return ordered


# libyaml's loader where PyYAML was built with it: every command reads a dozen schemas first.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# A schema's model, parsed once per text: a session (the tests, a notebook) reads the same schemas
# many times, and parsing was most of the cost of a Spec. The models are frozen, so one is shared.
@lru_cache(maxsize=256)
def _table_spec(name: str, text: str) -> TableSpec:
    return TableSpec.model_validate({"name": name, **(yaml.load(text, Loader=SAFE_LOADER) or {})})


@lru_cache(maxsize=16)
def _package_meta(text: str) -> PackageMeta:
    return PackageMeta.model_validate(yaml.load(text, Loader=SAFE_LOADER))


def _pydantic_messages(error: ValidationError) -> list[str]:
    return [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()]


# How `fmt` writes every CSV, declared so that no reader has to sniff it (the JavaScript reader
# guesses a wrong delimiter for some files when no dialect is given).
CSV_DIALECT: dict[str, Any] = {
    "csvddfVersion": 1.2,
    "delimiter": ",",
    "lineTerminator": "\n",
    "quoteChar": '"',
    "doubleQuote": True,
    "skipInitialSpace": False,
    "header": True,
}


class Spec:
    """All schemas of one package directory (the folder holding schemas/ and data/)."""

    def __init__(self, root: Path):
        self.root = Path(root)
        problems: list[tuple[str, str]] = []
        tables: dict[str, TableSpec] = {}
        names = sorted(
            p.stem for p in (self.root / "schemas").glob("*.yaml") if p.stem != "package"
        )
        if not names:
            problems.append(("schemas/", "no table schemas found"))
        for name in names:
            rel = f"schemas/{name}.yaml"
            try:
                tables[name] = _table_spec(name, (self.root / rel).read_text(encoding="utf-8"))
            except yaml.YAMLError as exc:
                problems.append((rel, f"not valid YAML: {exc}"))
            except ValidationError as exc:
                problems.extend((rel, m) for m in _pydantic_messages(exc))
        try:
            self.package = _package_meta(
                (self.root / "schemas/package.yaml").read_text(encoding="utf-8")
            )
        except (FileNotFoundError, yaml.YAMLError, ValidationError) as exc:
            problems.append(("schemas/package.yaml", str(exc)))
        self.tables = _dependency_order(tables)
        problems += self._reference_problems()
        if problems:
            raise SpecError(problems)

    def may_lie_ahead(self, table: str, column: str) -> bool:
        """Whether a date column may hold dates after today (schemas/package.yaml, future_dates)."""
        return f"{table}.{column}" in self.package.future_dates

    def _reference_problems(self) -> list[tuple[str, str]]:
        """Keys must name columns that exist, in tables that exist; so must future_dates."""
        problems = []
        package = getattr(self, "package", None)
        for name in getattr(package, "row_counts", {}):
            if name not in self.tables:
                problems.append(
                    ("schemas/package.yaml", f"row_counts names unknown table {name!r}")
                )
        for rate in getattr(package, "fill_rates", ()):
            name, _, column = rate.column.partition(".")
            if name not in self.tables or column not in self.tables[name].field_names:
                message = f"fill_rates names {rate.column!r}, which is not a column"
                problems.append(("schemas/package.yaml", message))
        for entry in getattr(package, "future_dates", ()):
            table, _, column = entry.partition(".")
            known = self.tables.get(table)
            if (
                known is None
                or column not in known.field_names
                or known.field(column).type != "date"
            ):
                problems.append(
                    (
                        "schemas/package.yaml",
                        f"future_dates names {entry!r}, which is not a date column",
                    )
                )
        for table in self.tables.values():
            rel = f"schemas/{table.name}.yaml"
            names = set(table.field_names)
            problems += [
                (rel, f"primaryKey names unknown field {k!r}")
                for k in table.primary_key
                if k not in names
            ]
            for fk in table.foreign_keys:
                target = self.tables.get(fk.reference.resource or table.name)
                if fk.fields[0] not in names:
                    problems.append((rel, f"foreignKey names unknown field {fk.fields[0]!r}"))
                if target is None:
                    problems.append(
                        (rel, f"foreignKey references unknown table {fk.reference.resource!r}")
                    )
                elif fk.reference.fields[0] not in target.field_names:
                    problems.append(
                        (rel, f"foreignKey references unknown field {fk.reference.fields[0]!r}")
                    )
        return problems

    # --- Frictionless -------------------------------------------------------------------------

    def to_frictionless(self, version: str, files: dict[str, dict[str, Any]]) -> dict[str, Any]:
        """The datapackage.json descriptor; `files` maps table name to its {hash, bytes}."""
        meta = self.package.model_dump(mode="json")
        resources = []
        for name, table in self.tables.items():
            resources.append(
                {
                    "name": name,
                    "path": f"data/{name}.csv",
                    "profile": "tabular-data-resource",
                    "title": table.title,
                    "description": table.description,
                    "format": "csv",
                    "mediatype": "text/csv",
                    "encoding": "utf-8",
                    "dialect": CSV_DIALECT,
                    **files[name],
                    "schema": table.table_schema(),
                }
            )
        return {
            "profile": "tabular-data-package",
            "name": meta["name"],
            "title": meta["title"],
            "description": meta["description"],
            "version": version,
            "keywords": meta["keywords"],
            "licenses": meta["licenses"],
            "contributors": meta["contributors"],
            "resources": resources,
        }

    # --- DuckDB ---------------------------------------------------------------------------------

    def duckdb_types(self, table: str) -> dict[str, str]:
        return {f.name: DUCKDB_TYPES[f.type] for f in self.tables[table].fields}


DUCKDB_TYPES: dict[str, str] = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "number": "DOUBLE",
    "date": "DATE",
    "boolean": "BOOLEAN",
}


def project_version(root: Path) -> str:
    """The version lives in pyproject.toml; an installed copy reads its datapackage.json."""
    from pressure_tracker.schema.paths import PackageNotFound

    pyproject = Path(root) / "pyproject.toml"
    try:
        if pyproject.exists():
            version = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
        else:
            version = json.loads((Path(root) / "datapackage.json").read_text(encoding="utf-8"))[
                "version"
            ]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        where = "pyproject.toml" if pyproject.exists() else "datapackage.json"
        raise PackageNotFound(
            f"{Path(root) / where}: no version can be read from it ({type(exc).__name__}: {exc})"
        ) from None
    return str(version)
