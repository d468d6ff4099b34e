"""The schemas are the one source of truth: each is complete, consistent and matches its CSV."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest
import yaml

from pressure_tracker import load
from pressure_tracker.schema.spec import TABLES, Spec, SpecError
from pressure_tracker.validation.frames import pandas_dtypes, pandera_schema

from .conftest import REPO


@pytest.mark.parametrize("table", TABLES)
def test_schema_and_csv_exist(table: str) -> None:
    assert (REPO / "schemas" / f"{table}.yaml").is_file()
    assert (REPO / "data" / f"{table}.csv").is_file()


@pytest.mark.parametrize("table", TABLES)
def test_csv_header_matches_schema_in_order(spec: Spec, table: str) -> None:
    with (REPO / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == spec.tables[table].field_names


@pytest.mark.parametrize("table", TABLES)
def test_every_field_is_described(spec: Spec, table: str) -> None:
    schema = spec.tables[table]
    assert schema.description.strip()
    assert all(f.description.strip() for f in schema.fields)


@pytest.mark.parametrize("table", TABLES)
def test_keys_point_at_real_tables_and_columns(spec: Spec, table: str) -> None:
    schema = spec.tables[table]
    assert schema.primary_key and set(schema.primary_key) <= set(schema.field_names)
    for fk in schema.foreign_keys:
        target = spec.tables[fk.reference.resource or table]
        assert fk.fields[0] in schema.field_names
        assert fk.reference.fields[0] in target.field_names
        assert target.field(fk.reference.fields[0]).type == schema.field(fk.fields[0]).type


def test_shared_columns_have_one_type_and_meaning(spec: Spec) -> None:
    seen: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for schema in spec.tables.values():
        for f in schema.fields:
            seen[f.name].add((f.type, f.description))
    conflicting = {name: variants for name, variants in seen.items() if len(variants) > 1}
    assert not conflicting


@pytest.mark.parametrize("table", TABLES)
def test_each_schema_file_is_a_valid_table_schema(table: str) -> None:
    from frictionless import Schema

    descriptor = yaml.safe_load((REPO / "schemas" / f"{table}.yaml").read_text(encoding="utf-8"))
    assert Schema.validate_descriptor(descriptor).valid


@pytest.mark.parametrize("table", TABLES)
def test_loaded_frames_satisfy_their_pandera_schema(spec: Spec, table: str) -> None:
    frame = load(table)
    pandera_schema(spec.tables[table]).validate(frame)


@pytest.mark.parametrize("table", TABLES)
def test_pandas_and_duckdb_types_follow_the_schema(spec: Spec, table: str) -> None:
    dtypes = pandas_dtypes(spec.tables[table])
    duck = spec.duckdb_types(table)
    for f in spec.tables[table].fields:
        if f.constraints.enum:
            assert isinstance(dtypes[f.name], pd.CategoricalDtype)
            assert list(dtypes[f.name].categories) == list(f.constraints.enum)
        expected = {
            "string": "VARCHAR",
            "integer": "BIGINT",
            "number": "DOUBLE",
            "date": "DATE",
            "boolean": "BOOLEAN",
        }
        assert duck[f.name] == expected[f.type]


def test_unknown_schema_key_is_an_error(tmp_path: Path) -> None:
    for folder in ("schemas",):
        (tmp_path / folder).mkdir()
        for source in (REPO / folder).iterdir():
            (tmp_path / folder / source.name).write_bytes(source.read_bytes())
    path = tmp_path / "schemas" / "events.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("primaryKey:", "primaryKeys: [x]\nprimaryKey:"),
        encoding="utf-8",
    )
    with pytest.raises(SpecError) as caught:
        Spec(tmp_path)
    assert any(
        file == "schemas/events.yaml" and "primaryKeys" in message
        for file, message in caught.value.problems
    )


def test_tables_are_read_from_schemas_in_dependency_order(spec: Spec) -> None:
    assert list(spec.tables) == list(TABLES)
    seen: set[str] = set()
    for name, table in spec.tables.items():
        assert all(fk.reference.resource in seen | {"", name} for fk in table.foreign_keys)
        seen.add(name)
