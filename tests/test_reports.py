"""Quality suite, QA summary, data dictionary, charts and build progress."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pressure_tracker as pt
from pressure_tracker.cli import app
from pressure_tracker.publish.build import qa_baseline
from pressure_tracker.reports.dictionary import data_dictionary
from pressure_tracker.reports.qa import markdown, report
from pressure_tracker.schema.spec import Spec

from .conftest import REPO, shared
from .test_bad_input import csv_path

sys.path.insert(0, str(REPO / "scripts"))
from synthetic import make_package


def _quality(root: Path) -> tuple[int, str, dict]:
    result = CliRunner().invoke(app, ["quality", str(root)])
    summary = json.loads((root / "dist" / "quality" / "summary.json").read_text(encoding="utf-8"))
    return result.exit_code, result.stdout, summary


@pytest.mark.slow
def test_quality_suite_passes_on_the_real_data(built: Path) -> None:
    """The suite as the session's build of the real package ran it (a build stops when it fails;
    the command itself runs below, on the real data with a future date and on faulted copies)."""
    summary = json.loads((built / "dist" / "quality" / "summary.json").read_text(encoding="utf-8"))
    assert summary["success"] and summary["expectations"] >= 150 and summary["failed"] == 0
    assert (built / "dist" / "quality" / "index.html").is_file()
    reasons = {r["notes"] for r in summary["results"]}
    assert "at least 90% of sources have an address a reader can follow" in reasons


def _drop_every_fifth_url(package: Path) -> None:
    path = csv_path(package, "sources")
    lines = path.read_text(encoding="utf-8").split("\n")
    # Every fifth source loses its url, unless that would leave it the same as another source
    # (two copies of one article at two addresses), which validation refuses before the suite runs.
    content = Counter(_without_url_and_id(line) for line in lines[1:] if line)
    path.write_text(
        "\n".join(
            _drop_url(line)
            if i % 5 == 0 and line and i and content[_without_url_and_id(line)] == 1
            else line
            for i, line in enumerate(lines)
        ),
        encoding="utf-8",
    )


def _add_an_unused_sector_and_an_uncited_source(package: Path) -> None:
    path = csv_path(package, "sectors")
    path.write_text(
        path.read_text(encoding="utf-8") + "space,Space industry,,Launchers and satellites.\n",
        encoding="utf-8",
    )
    sources = csv_path(package, "sources")
    orphan = (
        "src-99999,Example,A page no row cites,https://example.org/uncited,,2026-12-06,en,news,\n"
    )
    sources.write_text(sources.read_text(encoding="utf-8") + orphan, encoding="utf-8")


def _mark_a_short_coverage_cell_complete(package: Path) -> None:
    path = csv_path(package, "coverage")
    text = path.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("eu,numbered_packages,2022,"))
    path.write_text(text.replace(line, line.replace(",2022,9,", ",2022,10,")), encoding="utf-8")


def _raise_the_found_floors(package: Path) -> None:
    """Floors above what the excerpts give (99%)."""
    settings = package / "schemas" / "package.yaml"
    text = settings.read_text(encoding="utf-8")
    for key in ("numbers_found", "dates_found"):
        line = next(x for x in text.splitlines() if x.startswith(f"{key}:"))
        text = text.replace(line, f'{key}: {{at_least: 0.99, why: "a bar no excerpt set meets"}}')
    settings.write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def faulted(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str]:
    """The quality command on the real package with four independent faults, each failing a bar of
    its own: one run of the suite (seconds each) for the four tests below."""

    def make(package: Path) -> None:
        for folder in ("schemas", "data"):
            shutil.copytree(REPO / folder, package / folder)
        for name in ("pyproject.toml", "datapackage.json"):
            shutil.copy2(REPO / name, package / name)
        for fault in (
            _drop_every_fifth_url,
            _add_an_unused_sector_and_an_uncited_source,
            _mark_a_short_coverage_cell_complete,
            _raise_the_found_floors,
        ):
            fault(package)
        status, stdout, _ = _quality(package)
        (package / "outcome.json").write_text(json.dumps([status, stdout]), encoding="utf-8")

    folder = shared(tmp_path_factory, "faulted-quality", make)
    status, stdout = json.loads((folder / "outcome.json").read_text(encoding="utf-8"))
    return status, stdout


@pytest.mark.slow
def test_quality_names_a_failed_fill_rate(faulted: tuple[int, str]) -> None:
    status, stdout = faulted
    assert status == 1
    assert (
        "failed: sources: expect_column_values_to_not_be_null on url (at least 90% of sources"
        in stdout
    )


def _without_url_and_id(line: str) -> tuple[str, ...]:
    row = next(csv.reader(io.StringIO(line)))
    return tuple(row[1:3] + row[4:-1])  # the id, the url and the notes aside


def _drop_url(line: str) -> str:
    """Empty the url cell of one sources row."""
    row = next(csv.reader(io.StringIO(line)))
    row[3] = ""
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(row)
    return out.getvalue()


@pytest.mark.slow
def test_quality_names_an_unused_sector_and_an_uncited_source(faulted: tuple[int, str]) -> None:
    status, stdout = faulted
    assert status == 1
    assert "failed: sector_usage: expect_column_values_to_be_between on uses" in stdout
    assert "failed: source_citations: expect_column_values_to_be_between on cited_by" in stdout


def test_data_dictionary_is_up_to_date() -> None:
    committed = (REPO / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert committed == data_dictionary(Spec(REPO)), (
        "docs/data-dictionary.md is stale: run `make build`"
    )


def test_data_dictionary_lists_every_column_and_vocabulary(spec: Spec) -> None:
    text = data_dictionary(spec)
    for table in spec.tables.values():
        assert f"## {table.name}" in text
        for f in table.fields:
            assert f"| `{f.name}` | {f.type} |" in text
            for value in f.constraints.enum or ():
                assert f"`{value}`" in text


def test_qa_counts_the_values_a_foreign_key_cannot_find(spec: Spec) -> None:
    """Dangling keys per column: a value no row of the referenced table has is counted, an empty
    one is not; a table's own key (replaces_measure_id) is looked up in the table itself."""
    from pressure_tracker.reports.qa import measure
    from pressure_tracker.validation.frames import typed_frames

    frames = typed_frames(REPO, spec)
    measures = frames["measures"].copy()
    measures.loc[0, "package_id"] = "no-such-package"
    measures.loc[1, "package_id"] = None
    measures.loc[2, "replaces_measure_id"] = "no-such-measure"
    counted = measure(REPO, frames | {"measures": measures}, spec, checkable=False)
    assert counted["tables"]["measures"]["dangling_foreign_keys"] == {
        "replaces_measure_id": 1,
        "package_id": 1,
        "sector_id": 0,
        "source_id": 0,
    }
    assert set(counted["tables"]["statements"]["dangling_foreign_keys"].values()) == {0}


def test_qa_summary_is_up_to_date() -> None:
    committed = (REPO / "docs" / "qa.md").read_text(encoding="utf-8")
    assert committed == markdown(report(REPO, qa_baseline(REPO))), (
        "docs/qa.md is stale: run `make build`"
    )


def test_qa_summary_lists_every_value_not_found_in_its_excerpts(spec: Spec) -> None:
    """The QA figures of checkability add up: per column, found plus listed-as-missing is all."""
    qa = report(REPO, None)
    listed: dict[tuple[str, str], int] = {}
    for cell in qa["not_found"]:
        listed[(cell["table"], cell["column"])] = listed.get((cell["table"], cell["column"]), 0) + 1
    assert qa["found"] and qa["evidence"]
    for row in qa["found"]:
        assert row["found"] + listed.get((row["table"], row["column"]), 0) == row["values"]
    text = markdown(qa)
    assert "## How checkable the facts are" in text
    assert f"The {len(qa['not_found'])} values not found" in text


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("small") / "package"
    make_package(root, 200)
    return root


@pytest.mark.slow
def test_charts_from_a_small_package_are_valid_images_and_reproducible(
    small: Path, tmp_path: Path
) -> None:
    import matplotlib.image

    drawn = []
    for folder in (tmp_path, tmp_path / "again"):
        result = CliRunner().invoke(app, ["charts", str(small), "--output", str(folder)])
        assert result.exit_code == 0, result.output
        drawn.append({p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()})
    assert drawn[0] == drawn[1]  # the same data draws the same bytes
    names = {
        "packages-timeline",
        "shadow-fleet-vessels",
        "sector-jurisdiction-heatmap",
        "statements-per-month",
    }
    for name in names:
        png, svg = tmp_path / f"{name}.png", tmp_path / f"{name}.svg"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        height, width = matplotlib.image.imread(png).shape[:2]
        assert width >= 900 and height >= 500
        root = ET.parse(svg).getroot()
        assert root.tag.endswith("svg") and len(root) > 0
        assert "data version" in svg.read_text(encoding="utf-8")


def _set_cell(root: Path, table: str, column: str, value: str) -> None:
    import pandas as pd

    path = csv_path(root, table)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[0, column] = value
    frame.to_csv(path, index=False, lineterminator="\n")


@pytest.mark.parametrize(
    ("table", "column"),
    [(t, f.name) for t, s in Spec(REPO).tables.items() for f in s.fields if f.type == "date"],
)
def test_validate_and_the_quality_suite_allow_the_same_future_dates(
    spec: Spec, table: str, column: str
) -> None:
    """One list (schemas/package.yaml, future_dates) decides for both: a rule refusing future dates
    exists for a column exactly when the quality suite caps that column at today."""
    import great_expectations as gx
    import pandas as pd

    from pressure_tracker.reports.quality import _quality_expectations
    from pressure_tracker.validation.rules import rules

    refused_by_validate = any(
        r.table == table and r.column == column and "in the future" in str(r.message)
        for r in rules(spec)
    )
    expectations = _quality_expectations(gx, spec, spec.tables[table], pd.Timestamp("2026-01-01"))
    capped = [
        e for e in expectations if getattr(e, "column", None) == column and hasattr(e, "max_value")
    ]
    assert len(capped) == 1
    assert (
        refused_by_validate
        == (capped[0].max_value is not None)
        == (not spec.may_lie_ahead(table, column))
    )


@pytest.mark.slow
def test_a_future_effective_date_passes_validate_and_the_quality_suite(package: Path) -> None:
    """The defect of 1.0.2: validate let it through, then the quality suite stopped the build."""
    _set_cell(package, "measures", "effective_on", "2099-01-01")
    assert CliRunner().invoke(app, ["validate", str(package)]).exit_code == 0
    status, stdout, _ = _quality(package)
    assert status == 0, stdout


def test_a_future_adoption_date_is_refused_by_both(package: Path) -> None:
    _set_cell(package, "sanctions_packages", "adopted_on", "2099-01-01")
    result = CliRunner().invoke(app, ["validate", str(package)])
    assert (
        result.exit_code == 1
        and "adopted_on" in result.stdout
        and "is in the future" in result.stdout
    )


def test_a_schema_that_declares_other_missing_values_is_refused(package: Path) -> None:
    path = package / "schemas" / "events.yaml"
    text = path.read_text(encoding="utf-8")
    assert "missingValues: ['']" in text
    path.write_text(
        text.replace("missingValues: ['']", "missingValues: ['', 'NA']"), encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["validate", str(package)])
    assert result.exit_code == 1
    assert "schemas/events.yaml" in result.stdout and 'only [""] is supported' in result.stdout


def test_future_dates_must_name_date_columns(package: Path) -> None:
    path = package / "schemas" / "package.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "sanctions_packages.in_force_on", "sanctions_packages.title"
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["validate", str(package)])
    assert (
        result.exit_code == 1 and "future_dates names 'sanctions_packages.title'" in result.stdout
    )


@pytest.mark.slow
def test_committed_charts_are_what_build_draws(tmp_path: Path) -> None:
    """The charts carry the data version in their footer: a build after any change redraws them."""
    from pressure_tracker.publish.citations import cite
    from pressure_tracker.reports.charts import draw_all

    drawn = {
        p.name: p.read_bytes() for p in draw_all(pt.load_all(REPO), cite(REPO).version, tmp_path)
    }
    committed = {p.name: p.read_bytes() for p in (REPO / "docs" / "charts").iterdir()}
    assert drawn.keys() == committed.keys()
    stale = sorted(name for name in drawn if drawn[name] != committed[name])
    assert stale == [], f"docs/charts is stale ({', '.join(stale)}): run `make build` and commit it"
    assert all(
        f"data version {cite(REPO).version}." in drawn[n].decode()
        for n in drawn
        if n.endswith(".svg")
    )


@pytest.mark.slow
def test_quality_holds_the_share_of_rows_with_evidence_to_its_floor(package: Path) -> None:
    """Without the evidence of the participants (16% of fact rows), the share of fact rows with
    evidence falls below the floor in schemas/package.yaml (every row, as validation asks too)."""
    import pandas as pd

    evidence = pd.read_csv(csv_path(package, "evidence"), dtype=str, keep_default_na=False)
    kept = evidence[evidence["table_name"] != "event_participants"]
    kept.to_csv(csv_path(package, "evidence"), index=False, lineterminator="\n")
    columns = pd.read_csv(csv_path(package, "evidence_columns"), dtype=str, keep_default_na=False)
    columns = columns[columns["evidence_id"].isin(kept["evidence_id"])]
    columns.to_csv(csv_path(package, "evidence_columns"), index=False, lineterminator="\n")
    # The command refuses such a package (validation requires the evidence): run the suite itself.
    from pressure_tracker.reports.quality import run_quality

    failed = {
        (o.asset, o.expectation, o.column)
        for o in run_quality(package, package / "docs")
        if not o.success
    }
    assert ("fact_row_evidence", "expect_column_values_to_be_in_set", "has_evidence") in failed


@pytest.mark.slow
def test_quality_fails_a_coverage_cell_marked_complete_that_holds_fewer_than_known(
    faulted: tuple[int, str],
) -> None:
    status, stdout = faulted
    assert status == 1
    assert "failed: coverage_complete_cells: expect_column_values_to_be_in_set" in stdout


def test_a_complete_coverage_cell_needs_its_known_count(package: Path) -> None:
    from pressure_tracker.validation.run import validate

    path = csv_path(package, "coverage")
    text = path.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("eu,numbered_packages,2023,"))
    path.write_text(text.replace(line, line.replace(",2023,3,", ",2023,,")), encoding="utf-8")
    problems = validate(package)
    assert [(p.file, p.column) for p in problems] == [("data/coverage.csv", "known")]
    assert "complete needs the number" in problems[0].message


@pytest.mark.slow
def test_quality_holds_the_numbers_and_dates_found_to_their_floors(
    faulted: tuple[int, str],
) -> None:
    """Floors above what the excerpts give fail, each named; the real floors pass (above)."""
    status, stdout = faulted
    assert status == 1
    for asset in ("numbers_found", "dates_found"):
        assert f"failed: {asset}: expect_column_values_to_be_in_set on found" in stdout
