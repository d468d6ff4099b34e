"""Loaders give typed frames and typed DuckDB views; importing the package stays light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import pressure_tracker as pt
from pressure_tracker.schema.spec import TABLES, Spec

from .conftest import REPO


@pytest.mark.parametrize("table", TABLES)
def test_load_gives_the_schema_dtypes(spec: Spec, table: str) -> None:
    frame = pt.load(table)
    assert list(frame.columns) == spec.tables[table].field_names
    assert len(frame) > 0
    for f in spec.tables[table].fields:
        dtype = frame[f.name].dtype
        if f.constraints.enum:
            assert isinstance(dtype, pd.CategoricalDtype)
        elif f.type == "date":
            assert pd.api.types.is_datetime64_any_dtype(dtype)
        elif f.type == "integer":
            assert dtype == pd.Int64Dtype()
        elif f.type == "number":
            assert dtype == pd.Float64Dtype()
        else:
            assert dtype == pd.StringDtype("pyarrow")


def test_load_all_returns_every_table() -> None:
    frames = pt.load_all()
    assert list(frames) == list(TABLES)


def test_load_reads_another_package_by_path(package: Path) -> None:
    path = package / "data" / "jurisdictions.csv"
    path.write_text(path.read_text(encoding="utf-8") + "xx,Example,state,\n", encoding="utf-8")
    assert "xx" in set(pt.load("jurisdictions", package=package)["jurisdiction_id"])
    assert "xx" not in set(pt.load("jurisdictions")["jurisdiction_id"])


def test_load_raises_a_located_error_for_bad_data(package: Path) -> None:
    path = package / "data" / "events.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("2025-05-16", "2025-02-30", 1), encoding="utf-8"
    )
    with pytest.raises(pt.DataError) as caught:
        pt.load("events", package=package)
    assert "data/events.csv:2:starts_on" in str(caught.value)


def test_unknown_table_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="unknown table"):
        pt.load("sanctions")


@pytest.mark.parametrize("table", TABLES)
def test_duckdb_views_are_typed_and_match_pandas(spec: Spec, table: str) -> None:
    con = pt.connect()
    described = dict(
        con.execute(f"SELECT column_name, column_type FROM (DESCRIBE {table})").fetchall()
    )
    assert described == spec.duckdb_types(table)
    assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == len(pt.load(table))


def test_duckdb_dates_and_numbers_are_values_not_text() -> None:
    con = pt.connect()
    row = con.sql(
        "SELECT adopted_on, number FROM sanctions_packages WHERE package_id = 'eu-17'"
    ).fetchall()[0]
    assert str(row[0]) == "2025-05-20" and row[1] == 17


def test_import_does_not_load_heavy_libraries() -> None:
    code = "import sys, pressure_tracker; print(sorted(m for m in ('pandas', 'duckdb', 'pandera', 'pyarrow', 'frictionless') if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    ).stdout
    assert out.strip() == "[]"


def test_the_timeline_holds_only_the_dates_of_facts() -> None:
    con = pt.connect(package=REPO)
    tables = {row[0] for row in con.sql("SELECT DISTINCT table_name FROM timeline").fetchall()}
    assert tables == {"sanctions_packages", "legal_acts", "measures", "events", "statements"}


def test_the_package_panel_counts_each_package_once() -> None:
    """Summed over months, package_panel gives each jurisdiction's dated packages; the sector panel
    counts a package once per sector, so its sum is larger wherever a package spans sectors."""
    con = pt.connect(package=REPO)
    packages = pt.load("sanctions_packages", package=REPO)
    dates = ["adopted_on", "agreed_on", "announced_on", "published_on", "in_force_on"]
    dated = packages[packages[dates].notna().any(axis=1)]
    expected = dated["jurisdiction_id"].astype(str).value_counts().to_dict()
    panel = dict(
        con.sql("SELECT jurisdiction_id, sum(packages) FROM package_panel GROUP BY ALL").fetchall()
    )
    assert {j: int(n) for j, n in panel.items()} == expected
    by_sector = con.sql("SELECT sum(packages) FROM pressure_panel WHERE jurisdiction_id = 'eu'")
    assert by_sector.fetchall()[0][0] > panel["eu"]


def test_as_of_keeps_what_was_in_force_and_chains_price_caps() -> None:
    """The EU's crude cap was USD 60 until 2 September 2025, 47.6 from 3 September, 44.1 from
    1 February 2026 (each level replaces the last): on each day exactly one applies."""
    caps = {}
    for day in ("2024-06-30", "2025-10-01", "2026-03-01"):
        measures = pt.load("measures", package=REPO, as_of=day)
        packages = pt.load("sanctions_packages", package=REPO)[["package_id", "jurisdiction_id"]]
        crude = measures.merge(packages, on="package_id").query(
            "jurisdiction_id == 'eu' and measure_type == 'price_cap' and quantity < 70"
            " and sector_id == 'oil' and quantity != 45"
        )
        caps[day] = sorted(crude["quantity"].tolist())
    assert caps == {"2024-06-30": [60.0], "2025-10-01": [47.6], "2026-03-01": [44.1]}
    every = pt.load("measures", package=REPO)
    assert len(pt.load("measures", package=REPO, as_of="2026-03-01")) < len(every)
    with pytest.raises(ValueError, match="as_of applies to"):
        pt.load("events", package=REPO, as_of="2025-01-01")


def test_panels_count_the_bounds_they_add_up() -> None:
    """A sum that adds a "more than" count says so: listings_inexact counts such summands."""
    con = pt.connect(package=REPO)
    inexact = con.sql(
        "SELECT count(*) FROM measures WHERE quantity_qualifier <> 'exact'"
        " AND unit IN ('individuals', 'entities', 'listings', 'banks', 'vessels')"
    ).fetchall()[0][0]
    panel = con.sql(
        "SELECT sum(listings_inexact) + sum(vessels_inexact) FROM package_panel"
    ).fetchall()[0][0]
    assert inexact > 0 and panel == inexact
