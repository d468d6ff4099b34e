"""`pip install .` ships the data: a wheel unpacked away from the checkout still loads every table."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pressure_tracker.schema.spec import TABLES

from .conftest import REPO

pytestmark = pytest.mark.slow  # end to end: builds, subprocesses, other readers


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return next(out.glob("pressure_tracker-*.whl"))


def test_wheel_contains_data_schemas_and_descriptor(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "pressure_tracker/_package/datapackage.json" in names
    for table in TABLES:
        assert f"pressure_tracker/_package/data/{table}.csv" in names
        assert f"pressure_tracker/_package/schemas/{table}.yaml" in names


def test_installed_copy_loads_its_own_data(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import pressure_tracker as pt; "
        f"assert pt.__file__.startswith({str(site)!r}), pt.__file__; "
        "print(sum(len(f) for f in pt.load_all().values()), pt.connect().execute('select count(*) from statements').fetchone()[0])"
    )
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    rows, statements = map(int, run.stdout.split())
    assert rows > 0 and statements == len(__import__("pressure_tracker").load("statements"))


def test_the_command_works_outside_a_checkout(wheel: Path, tmp_path: Path) -> None:
    """A researcher who pip-installed the package runs the command from a notebook folder."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    installed = site / "pressure_tracker" / "_package"
    release_zip = shutil.make_archive(
        str(notebooks / "release"), "zip", installed / "releases", "1.0.2"
    )
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "pressure_tracker.cli", *args]
        return subprocess.run(
            command, cwd=notebooks, env=env, capture_output=True, text=True, timeout=300
        )

    statements = str(len(__import__("pressure_tracker").load("statements")))
    for args in (
        ["stats"],
        ["validate"],
        ["sql", "select count(*) as n from statements", "--format", "csv"],
    ):
        result = cli(*args)
        assert result.returncode == 0, (args, result.stderr)
        assert f"using the installed package ({installed})" in result.stderr
    assert result.stdout.splitlines()[1] == statements  # the sql command, the last one run
    changed = cli("diff", "1.0.0", "1.0.2")
    assert changed.returncode == 0 and "statements: " in changed.stdout, changed.stderr
    from_zip = cli("sql", "select count(*) as n from statements", release_zip, "--format", "csv")
    assert from_zip.returncode == 0 and from_zip.stdout.splitlines()[1] == str(
        len(__import__("pressure_tracker").load("statements", version="1.0.2"))
    )
