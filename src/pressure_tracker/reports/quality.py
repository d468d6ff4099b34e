"""`quality`: a Great Expectations suite over the loaded tables, its Data Docs and a JSON summary.

Expectations come from two places: the schemas (types, required, unique, vocabularies, patterns,
ranges), and data-quality bars a schema cannot state, each with its reason in `notes`. Great
Expectations is slow to import (about 2 s), so only this module imports it, and only when called.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pressure_tracker.schema.files import json_text
from pressure_tracker.schema.spec import Spec, TableSpec

COVERED_FROM = pd.Timestamp("2014-01-01")  # Crimea: the first sanctions over Ukraine


@dataclass(frozen=True)
class Outcome:
    asset: str
    expectation: str
    column: str | None
    success: bool
    unexpected: int | None
    notes: str | None


def _schema_expectations(gx: Any, table: TableSpec) -> list[Any]:
    """What the schema says, in Great Expectations' words."""
    e = gx.expectations
    why = "schema: schemas/" + table.name + ".yaml"
    out = [e.ExpectTableColumnsToMatchOrderedList(column_list=table.field_names, notes=why)]
    if len(table.primary_key) > 1:
        out.append(
            e.ExpectCompoundColumnsToBeUnique(
                column_list=list(table.primary_key), notes=why + " (primary key)"
            )
        )
    for f in table.fields:
        c, name = f.constraints, f.name
        if c.required or name in table.primary_key:
            out.append(e.ExpectColumnValuesToNotBeNull(column=name, notes=why))
        if c.unique or list(table.primary_key) == [name]:
            out.append(e.ExpectColumnValuesToBeUnique(column=name, notes=why))
        if c.enum:
            out.append(
                e.ExpectColumnValuesToBeInSet(column=name, value_set=list(c.enum), notes=why)
            )
        if c.pattern:
            out.append(e.ExpectColumnValuesToMatchRegex(column=name, regex=c.pattern, notes=why))
        if c.max_length is not None:
            out.append(
                e.ExpectColumnValueLengthsToBeBetween(
                    column=name, max_value=c.max_length, notes=why
                )
            )
        if f.type in ("integer", "number") and (c.minimum is not None or c.maximum is not None):
            out.append(
                e.ExpectColumnValuesToBeBetween(
                    column=name, min_value=c.minimum, max_value=c.maximum, notes=why
                )
            )
    return out


def _quality_expectations(gx: Any, spec: Spec, table: TableSpec, today: pd.Timestamp) -> list[Any]:
    """Bars the schema cannot state, each with its reason."""
    e = gx.expectations
    out = []
    bounds = spec.package.row_counts.get(table.name)
    if bounds is not None:
        low, high, why = bounds.min, bounds.max, bounds.why
        out.append(e.ExpectTableRowCountToBeBetween(min_value=low, max_value=high, notes=why))
    for rate in spec.package.fill_rates:
        name, _, column = rate.column.partition(".")
        mostly, why = rate.at_least, rate.why
        if name == table.name:
            out.append(e.ExpectColumnValuesToNotBeNull(column=column, mostly=mostly, notes=why))
    for f in table.fields:
        if f.type == "date":
            latest = None if spec.may_lie_ahead(table.name, f.name) else today
            why = "dates fall in the covered period: from 2014 (Crimea) to today, save the columns schemas/package.yaml lets lie ahead"
            out.append(
                e.ExpectColumnValuesToBeBetween(
                    column=f.name, min_value=COVERED_FROM, max_value=latest, notes=why
                )
            )
    return out


def _evidence_bar(
    spec: Spec, frames: dict[str, pd.DataFrame]
) -> dict[str, tuple[pd.DataFrame, list[tuple[str, dict[str, Any], str]]]]:
    """The share of fact rows with evidence, and of their numbers and dates found in the excerpts
    that support them, each held to its floor in schemas/package.yaml."""
    if "evidence" not in frames:
        return {}
    from pressure_tracker.reports.verifiable import NUMBER_COLUMNS, checked_cells, evidenced

    def bar(column: str, floor: Any) -> tuple[str, dict[str, Any], str]:
        kwargs = {"column": column, "value_set": [True], "mostly": floor.at_least}
        return ("ExpectColumnValuesToBeInSet", kwargs, floor.why)

    meta = spec.package
    bars = {}
    if meta.evidence is not None:
        bars["fact_row_evidence"] = (evidenced(spec, frames), [bar("has_evidence", meta.evidence)])
    cells = pd.DataFrame(
        [(c.column in NUMBER_COLUMNS, c.found) for c in checked_cells(spec, frames)],
        columns=["is_number", "found"],
    )
    for name, floor, rows in (
        ("numbers_found", meta.numbers_found, cells[cells["is_number"]]),
        ("dates_found", meta.dates_found, cells[~cells["is_number"]]),
    ):
        if floor is not None and len(rows):
            bars[name] = (rows[["found"]].reset_index(drop=True), [bar("found", floor)])
    return bars


def _coverage_bar(
    frames: dict[str, pd.DataFrame],
) -> dict[str, tuple[pd.DataFrame, list[tuple[str, dict[str, Any], str]]]]:
    """A coverage cell marked complete holds at least the actions known to exist in it."""
    if "coverage" not in frames:
        return {}
    from pressure_tracker.reports.coverage import short_by

    cells = short_by(frames)
    if cells.empty:
        return {}
    bar = (
        "ExpectColumnValuesToBeInSet",
        {"column": "holds_what_it_claims", "value_set": [True]},
        "a cell of data/coverage.csv marked complete holds every action known to exist in it",
    )
    return {"coverage_complete_cells": (cells, [bar])}


def _derived(
    frames: dict[str, pd.DataFrame],
) -> dict[str, tuple[pd.DataFrame, list[tuple[str, dict[str, Any], str]]]]:
    """Frames built from several tables, for bars that span them: (frame, [(expectation, kwargs, reason)])."""
    packages = frames["sanctions_packages"]
    eu = packages[(packages["jurisdiction_id"] == "eu") & packages["number"].notna()][
        ["package_id", "number"]
    ]
    used = pd.concat(
        [
            frames["measures"]["sector_id"],
            frames["statement_sectors"]["sector_id"],
            frames["sectors"]["parent_sector_id"],
        ]
    )
    usage = frames["sectors"][["sector_id"]].assign(
        uses=lambda d: d["sector_id"].map(used.value_counts()).fillna(0).astype(int)
    )
    # A source is there to support facts: one that no row and no piece of evidence cites is a
    # leftover of a removed row or excerpt.
    cited = pd.concat(
        [f["source_id"] for name, f in frames.items() if name != "sources" and "source_id" in f]
    )
    citations = frames["sources"][["source_id"]].assign(
        cited_by=lambda d: d["source_id"].map(cited.value_counts()).fillna(0).astype(int)
    )
    n = len(eu)
    return {
        "eu_package_numbers": (
            eu,
            [
                (
                    "ExpectColumnValuesToBeUnique",
                    {"column": "number"},
                    "EU packages are numbered as the EU numbers them: no number twice",
                ),
                (
                    "ExpectColumnMinToBeBetween",
                    {"column": "number", "min_value": 1, "max_value": 1},
                    "EU numbering starts at the 1st package",
                ),
                (
                    "ExpectColumnMaxToBeBetween",
                    {"column": "number", "min_value": n, "max_value": n},
                    "unique numbers from 1 to the count: no package is missing",
                ),
            ],
        ),
        "sector_usage": (
            usage,
            [
                (
                    "ExpectColumnValuesToBeBetween",
                    {"column": "uses", "min_value": 1},
                    "every sector in the hierarchy is used by a measure, a statement or a sub-sector",
                )
            ],
        ),
        "source_citations": (
            citations,
            [
                (
                    "ExpectColumnValuesToBeBetween",
                    {"column": "cited_by", "min_value": 1},
                    "every source is cited by a row or a piece of evidence",
                )
            ],
        ),
    }


def _context(gx: Any, docs: Path) -> Any:
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    context.add_data_docs_site(
        site_name="quality",
        site_config={
            "class_name": "SiteBuilder",
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": str(docs),
            },
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    return context


def _run_asset(
    gx: Any, context: Any, name: str, frame: pd.DataFrame, expectations: list[Any]
) -> list[Outcome]:
    asset = context.data_sources.get("package").add_dataframe_asset(name)
    suite = context.suites.add(gx.ExpectationSuite(name=name, expectations=expectations))
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(
            name=name, data=asset.add_batch_definition_whole_dataframe("all"), suite=suite
        )
    )
    # The definition runs without a Checkpoint around it: it stores its result for Data Docs all
    # the same, and a Checkpoint added only serialisation and freshness checks (a tenth of the time).
    # BASIC gives each failed expectation its count and up to 20 of the values that fail it, for
    # Data Docs; SUMMARY added counts of those values, a sixth of the suite's time, for a page that
    # only a failing suite fills (and a build that fails its suite publishes nothing).
    run = definition.run(
        batch_parameters={"dataframe": frame}, result_format={"result_format": "BASIC"}
    )
    return [
        Outcome(
            name,
            r.expectation_config.type,
            r.expectation_config.kwargs.get("column")
            or ", ".join(r.expectation_config.kwargs.get("column_list", []))
            or None,
            bool(r.success),
            r.result.get("unexpected_count"),
            r.expectation_config.notes,
        )
        for r in run.results
    ]


def run_quality(
    root: Path,
    docs: Path,
    frames: dict[str, pd.DataFrame] | None = None,
    today: dt.date | None = None,
    spec: Spec | None = None,
) -> list[Outcome]:
    """Validate every table and the cross-table bars; write Data Docs to `docs`; return the outcomes.

    `frames` are the package's typed tables when the caller has read them already.
    """
    import great_expectations as gx

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    stamp = pd.Timestamp(today or dt.date.today())
    spec = spec or Spec(root)
    if frames is None:
        from pressure_tracker.validation.frames import typed_frames

        frames = typed_frames(root, spec)
    context = _context(gx, docs)
    context.data_sources.add_pandas("package")
    outcomes = []
    for name, table in spec.tables.items():
        expectations = _schema_expectations(gx, table) + _quality_expectations(
            gx, spec, table, stamp
        )
        outcomes += _run_asset(gx, context, name, frames[name], expectations)
    derived = _derived(frames) | _evidence_bar(spec, frames) | _coverage_bar(frames)
    for name, (frame, bars) in derived.items():
        expectations = [
            getattr(gx.expectations, kind)(**kwargs, notes=why) for kind, kwargs, why in bars
        ]
        outcomes += _run_asset(gx, context, name, frame, expectations)
    # Data Docs once, from every stored result: rebuilding the site after each table re-rendered
    # all earlier results each time (half the suite's time).
    context.build_data_docs(site_names=["quality"])
    return outcomes


def summary(outcomes: list[Outcome], version: str) -> dict[str, Any]:
    """A machine-readable summary with no timestamps, so a release archive stays reproducible."""
    failed = [o for o in outcomes if not o.success]
    return {
        "version": version,
        "expectations": len(outcomes),
        "passed": len(outcomes) - len(failed),
        "failed": len(failed),
        "success": not failed,
        "results": [o.__dict__ for o in outcomes],
    }


def write_summary(outcomes: list[Outcome], version: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json_text(summary(outcomes, version)), encoding="utf-8")
