"""The web explorer (`pressure-tracker serve`, Datasette over the SQLite edition), tested in a real
browser: headless Chromium loads the pages from a server this test starts on loopback, and the
tests assert what the rendered page shows. Screenshots are kept in the test's temporary folder."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from pressure_tracker.schema.spec import project_version

from .conftest import REPO

pytestmark = pytest.mark.slow  # end to end: a server and a browser

CLI = str(Path(sys.executable).parent / "pressure-tracker")


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.fail("headless Chromium is needed: apt-get install chromium (.ci/run does)")
    return found


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with socket.socket() as probe:  # a free port on loopback
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [CLI, "serve", str(REPO), "--port", str(port)], stdout=out, stderr=out
        )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/-/versions.json", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail(f"the server did not start: {log.read_text()}")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
    # Stopped by a signal, the command stops Datasette too: nothing answers on the port any more.
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"{base}/-/versions.json", timeout=1)


def _browser(url: str, *extra: str) -> str:
    run = subprocess.run(
        [
            _chromium(),
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--virtual-time-budget=5000",
            "--window-size=1280,1000",
            *extra,
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return run.stdout


def _page(url: str, screenshot: Path) -> str:
    """The page as the browser rendered it (its DOM), with a screenshot saved beside: one load of
    the page gives both."""
    dom = _browser(url, f"--screenshot={screenshot}", "--dump-dom")
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return dom


def test_the_home_page_names_the_release(server: str, tmp_path: Path) -> None:
    dom = _page(f"{server}/", tmp_path / "home.png")
    assert "Sanctions &amp; Pressure Tracker" in dom
    assert project_version(REPO) in dom
    # The home page shows the largest tables only; the database page lists every one.
    tables = _page(f"{server}/pressure-tracker", tmp_path / "database.png")
    assert (
        "/pressure-tracker/statements" in tables
        and "/pressure-tracker/sanctions_packages" in tables
    )


def test_statements_faceted_by_actor_show_the_actors_names(server: str, tmp_path: Path) -> None:
    dom = _page(f"{server}/pressure-tracker/statements?_facet=actor_id", tmp_path / "facet.png")
    assert "actor_id" in dom
    assert "Volodymyr Zelenskyy" in dom  # the actor's label, not only its ID


def test_full_text_search_finds_a_known_statement(server: str, tmp_path: Path) -> None:
    dom = _page(f"{server}/pressure-tracker/statements?_search=Tomahawk", tmp_path / "search.png")
    assert "st-2063" in dom and "Tomahawk" in dom


def test_a_package_page_reaches_its_measures_acts_and_evidence(server: str, tmp_path: Path) -> None:
    dom = _page(f"{server}/pressure-tracker/sanctions_packages/eu-18", tmp_path / "package.png")
    assert "EU 18th sanctions package" in dom or "eu-18" in dom
    for linked in ("measures", "legal_acts", "sanctions_packages_evidence"):
        assert f"{linked}?package_id=eu-18" in dom
    evidence = _page(
        f"{server}/pressure-tracker/sanctions_packages_evidence?package_id=eu-18",
        tmp_path / "evidence.png",
    )
    assert "evid-" in evidence


def test_a_canned_query_answers(server: str, tmp_path: Path) -> None:
    dom = _page(f"{server}/pressure-tracker/follow_through", tmp_path / "query.png")
    assert "lag_days" in dom and "st-" in dom


def test_the_json_api_returns_rows(server: str) -> None:
    url = f"{server}/pressure-tracker/sanctions_packages.json?_shape=array&jurisdiction_id=eu&number=18"
    rows = json.loads(urllib.request.urlopen(url, timeout=30).read())
    assert [r["package_id"] for r in rows] == ["eu-18"]
    assert rows[0]["adopted_on"] == "2025-07-18"


def test_the_metadata_for_publishing_describes_every_table(tmp_path: Path) -> None:
    target = tmp_path / "metadata.json"
    run = subprocess.run(
        [CLI, "serve", str(REPO), "--write-metadata", str(target)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    meta = json.loads(target.read_text(encoding="utf-8"))
    tables = meta["databases"]["pressure-tracker"]["tables"]
    assert tables["statements"]["fts_table"] == "statements_fts"
    assert tables["actors"]["label_column"] == "name"
    assert all(t.get("description") for t in tables.values())
    assert project_version(REPO) in meta["title"]
