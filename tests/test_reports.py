"""Quality suite, QA summary, data dictionary, charts and build progress."""

from __future__ import annotations

import csv
import io
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pressure_tracker.cli import app
from pressure_tracker.dictionary import data_dictionary
from pressure_tracker.qa import markdown, report
from pressure_tracker.spec import Spec

from .conftest import REPO
from .test_bad_input import csv_path

sys.path.insert(0, str(REPO / "scripts"))
from synthetic import make_package  # noqa: E402


def _quality(root: Path) -> tuple[int, str, dict]:
    result = CliRunner().invoke(app, ["quality", str(root)])
    summary = json.loads((root / "dist" / "quality" / "summary.json").read_text(encoding="utf-8"))
    return result.exit_code, result.stdout, summary


def test_quality_suite_passes_on_the_real_data(package: Path) -> None:
    status, stdout, summary = _quality(package)
    assert status == 0, stdout
    assert summary["success"] and summary["expectations"] >= 150 and summary["failed"] == 0
    assert (package / "dist" / "quality" / "index.html").is_file()
    reasons = {r["notes"] for r in summary["results"]}
    assert "at least 90% of sources have an address a reader can follow" in reasons


def test_quality_names_a_failed_fill_rate(package: Path) -> None:
    path = csv_path(package, "sources")
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(_drop_url(line) if i % 5 == 0 and line and i else line for i, line in enumerate(lines)), encoding="utf-8")
    status, stdout, _ = _quality(package)
    assert status == 1
    assert "failed: sources: expect_column_values_to_not_be_null on url (at least 90% of sources" in stdout


def _drop_url(line: str) -> str:
    """Empty the url cell of one sources row."""
    row = next(csv.reader(io.StringIO(line)))
    row[3] = ""
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(row)
    return out.getvalue()


def test_quality_names_an_unused_sector(package: Path) -> None:
    path = csv_path(package, "sectors")
    path.write_text(path.read_text(encoding="utf-8") + "space,Space industry,,Launchers and satellites.\n", encoding="utf-8")
    status, stdout, _ = _quality(package)
    assert status == 1
    assert "failed: sector_usage: expect_column_values_to_be_between on uses" in stdout


def test_data_dictionary_is_up_to_date() -> None:
    committed = (REPO / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert committed == data_dictionary(Spec(REPO)), "docs/data-dictionary.md is stale: run `make build`"


def test_data_dictionary_lists_every_column_and_vocabulary(spec: Spec) -> None:
    text = data_dictionary(spec)
    for table in spec.tables.values():
        assert f"## {table.name}" in text
        for f in table.fields:
            assert f"| `{f.name}` | {f.type} |" in text
            for value in f.constraints.enum or ():
                assert f"`{value}`" in text


def test_qa_summary_is_up_to_date() -> None:
    committed = (REPO / "docs" / "qa.md").read_text(encoding="utf-8")
    assert committed == markdown(report(REPO)), "docs/qa.md is stale: run `make build`"


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("small") / "package"
    make_package(root, 200)
    return root


def test_charts_from_a_small_package_are_valid_images(small: Path, tmp_path: Path) -> None:
    import matplotlib.image

    result = CliRunner().invoke(app, ["charts", str(small), "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    names = {"packages-timeline", "shadow-fleet-vessels", "sector-jurisdiction-heatmap", "statements-per-month"}
    for name in names:
        png, svg = tmp_path / f"{name}.png", tmp_path / f"{name}.svg"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        height, width = matplotlib.image.imread(png).shape[:2]
        assert width >= 900 and height >= 500
        root = ET.parse(svg).getroot()
        assert root.tag.endswith("svg") and len(root) > 0
        assert "data version" in svg.read_text(encoding="utf-8")


def test_build_is_quiet_when_not_on_a_terminal(package: Path) -> None:
    result = CliRunner().invoke(app, ["build", str(package)])
    assert result.exit_code == 0, result.output
    assert "quality suite" not in result.output and "━" not in result.output
