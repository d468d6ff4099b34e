"""Publishing: dist/ outputs, verify, reproducibility, read-only SQL, the DuckDB database."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import pressure_tracker as pt
from pressure_tracker.cli import app
from pressure_tracker.publish import build as build_module
from pressure_tracker.publish.build import build
from pressure_tracker.publish.versions import version_key
from pressure_tracker.schema.spec import TABLES, Spec, project_version

from .conftest import REPO, copy_of, snapshot
from .test_bad_input import replace

pytestmark = pytest.mark.slow  # end to end: builds, subprocesses, other readers


def zip_of(root: Path) -> Path:
    return root / "dist" / f"pressure-tracker-{project_version(root)}.zip"


def _rewrite_zip(source: Path, target: Path, edit) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = edit(info.filename, old.read(info.filename))
            if data is not None:
                new.writestr(info, data)


def _verify(target: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["verify", str(target)])
    return result.exit_code, result.stdout


def test_release_archive_holds_every_format(built: Path) -> None:
    names = zipfile.ZipFile(zip_of(built)).namelist()
    prefix = f"pressure-tracker-{project_version(built)}/"
    for table in TABLES:
        assert f"{prefix}data/{table}.csv" in names
        assert f"{prefix}parquet/{table}.parquet" in names
    for name in (
        "datapackage.json",
        "pressure-tracker.duckdb",
        "pressure-tracker.sqlite",
        "README.md",
        "reports/quality.json",
        "reports/qa.json",
    ):
        assert prefix + name in names
    document = json.loads(zipfile.ZipFile(zip_of(built)).read(prefix + "datapackage.json"))
    listed = {f["path"] for f in document["release_files"]}
    assert listed == {n.removeprefix(prefix) for n in names} - {"datapackage.json"}


def test_verify_accepts_an_untouched_archive(built: Path) -> None:
    assert _verify(zip_of(built)) == (0, "")


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda name, data: (
                data[:-2] + bytes([data[-2] ^ 1]) + data[-1:]
                if name.endswith("data/events.csv")
                else data
            ),
            "data/events.csv: changed",
        ),
        (
            lambda name, data: None if name.endswith("parquet/sources.parquet") else data,
            "parquet/sources.parquet: missing",
        ),
    ],
    ids=["one-byte-changed", "file-removed"],
)
def test_verify_names_the_tampered_file(built: Path, tmp_path: Path, edit, expected: str) -> None:
    tampered = tmp_path / "tampered.zip"
    _rewrite_zip(zip_of(built), tampered, edit)
    status, output = _verify(tampered)
    assert status == 1 and output.startswith(expected)


def test_verify_reports_an_added_file(built: Path, tmp_path: Path) -> None:
    tampered = tmp_path / "tampered.zip"
    shutil.copy2(zip_of(built), tampered)
    with zipfile.ZipFile(tampered, "a") as archive:
        archive.writestr(f"pressure-tracker-{project_version(built)}/data/extra.csv", "a,b\n")
    status, output = _verify(tampered)
    assert status == 1 and output.startswith("data/extra.csv: extra")


def test_verify_an_extracted_release_directory(built: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(zip_of(built)).extractall(tmp_path)
    folder = tmp_path / f"pressure-tracker-{project_version(built)}"
    assert _verify(folder)[0] == 0
    (folder / "data" / "sources.csv").write_text("changed\n", encoding="utf-8")
    status, output = _verify(folder)
    assert status == 1 and "data/sources.csv: changed" in output


def test_interrupted_build_leaves_previous_outputs_whole(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = copy_of(built, tmp_path / "package")
    before = snapshot(built / "dist")

    def crash(_root: Path, _spec: object, stage: Path, *_: object) -> None:
        (stage / "quality").mkdir()
        (stage / "quality" / "index.html").write_text("half written", encoding="utf-8")
        raise KeyboardInterrupt

    # mid-build: the new build's folder holds a half-written quality suite, dist is untouched (the
    # stop at each later stage is test_reliability's killed builds)
    monkeypatch.setattr(build_module, "_quality", crash)
    with pytest.raises(KeyboardInterrupt):
        build(built)
    assert snapshot(built / "dist") == before
    assert list((built / ".builds").iterdir()) == [(built / "dist").resolve()]


def test_sqlite_edition_has_every_row_its_keys_and_full_text_search(built: Path) -> None:
    import sqlite3

    con = sqlite3.connect(f"file:{built / 'dist' / 'pressure-tracker.sqlite'}?mode=ro", uri=True)
    spec = Spec(built)
    for name, table in spec.tables.items():
        with (built / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            rows = sum(1 for _ in csv.reader(handle)) - 1
        assert con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == rows
        keys = [r[1] for r in con.execute(f"PRAGMA table_info({name})") if r[5]]
        assert keys == list(table.primary_key)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert (
        con.execute("SELECT count(*) FROM pragma_foreign_key_list('measures')").fetchone()[0] >= 2
    )
    found = con.execute(
        "SELECT s.statement_id FROM statements s JOIN statements_fts f ON f.rowid = s.rowid "
        "WHERE statements_fts MATCH 'Tomahawk'"
    ).fetchall()
    assert ("st-2063",) in found
    typed = con.execute("SELECT typeof(quantity) FROM measures WHERE quantity IS NOT NULL LIMIT 1")
    assert typed.fetchone() == ("real",)


def test_database_has_keys_comments_and_views(built: Path) -> None:
    spec = Spec(built)
    con = duckdb.connect(str(built / "dist" / "pressure-tracker.duckdb"), read_only=True)
    constraints = con.execute(
        "SELECT table_name, constraint_type, count(*) FROM duckdb_constraints() GROUP BY ALL"
    ).fetchall()
    kinds = {(t, k) for t, k, _ in constraints}
    for name, table in spec.tables.items():
        assert (name, "PRIMARY KEY") in kinds
        with (built / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            rows = sum(1 for _ in csv.reader(handle)) - 1
        assert con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == rows
        if table.foreign_keys:
            assert (name, "FOREIGN KEY") in kinds
    missing = con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE comment IS NULL AND NOT internal AND table_name IN (SELECT table_name FROM duckdb_tables())"
    ).fetchall()
    assert missing == []
    assert (
        con.execute("SELECT count(*) FROM duckdb_tables() WHERE comment IS NULL").fetchone()[0] == 0
    )
    views = {
        row[0]: row[1]
        for row in con.execute(
            "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal"
        ).fetchall()
    }
    assert set(views) == {
        "timeline",
        "pressure_panel",
        "package_panel",
        "follow_through",
        "record_evidence",
        "measure_validity",
    } and all(views.values())
    macros = {
        r[0]
        for r in con.execute(
            "SELECT function_name FROM duckdb_functions() WHERE function_type = 'table_macro' AND NOT internal"
        ).fetchall()
    }
    assert macros == {"in_force"}


def test_record_history_gives_each_row_its_first_and_last_release(built: Path) -> None:
    """Record time comes from releases/: a row the oldest release holds unchanged reports it as
    both; a row of the working copy that no release holds has neither; every row has an entry,
    in the DuckDB file and in the Parquet file alike."""
    con = duckdb.connect(str(built / "dist" / "pressure-tracker.duckdb"), read_only=True)
    spec = Spec(built)
    for name in spec.tables:
        held = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
        history = con.execute(
            "SELECT count(*) FROM record_history WHERE table_name = ?", [name]
        ).fetchone()[0]
        assert history == held, name
    first = con.execute(
        "SELECT first_release, last_changed_release FROM record_history "
        "WHERE table_name = 'sectors' AND record_id = 'oil'"
    ).fetchone()
    assert first == ("1.0.0", "1.0.0")
    # Zelenskyy's count of the New Year 2024 exchange was first released in 2.0.0.
    new = con.execute(
        "SELECT first_release FROM record_history "
        "WHERE record_id = 'ev-1044/prisoners_released/RU/ukraine'"
    ).fetchone()
    assert new == ("2.0.0",)
    archive = next((built / "dist").glob("pressure-tracker-*.zip"))
    with zipfile.ZipFile(archive) as zf:
        name = next(n for n in zf.namelist() if n.endswith("parquet/record_history.parquet"))
        with zf.open(name) as handle:
            table = pq.read_table(handle)
    assert table.num_rows == con.execute("SELECT count(*) FROM record_history").fetchone()[0]
    assert table.schema.field("first_release").metadata[b"description"]


def test_a_row_changed_since_the_last_release_has_no_last_release(package: Path) -> None:
    """Record time of the working copy: a row edited after the last release keeps its first
    release and has no last one (it is not released yet); a new row has neither."""
    from pressure_tracker.publish.history import record_history

    shutil.copytree(REPO / "releases", package / "releases")
    replace(package, "sectors", "oil,Oil,", "oil,Crude oil,")
    rows = {(t, r): (first, last) for t, r, first, last in record_history(package, Spec(package))}
    assert rows[("sectors", "oil")] == ("1.0.0", None)
    assert rows[("sectors", "gold")] == ("1.0.0", "1.0.0")


def test_each_stored_record_history_is_what_the_releases_give(tmp_path: Path) -> None:
    """A release's stored record history (releases/X.Y.Z/record_history.csv) is what folding every
    release up to it gives, read again from the releases' files alone."""
    from pressure_tracker.publish.history import CHECKPOINT, write_checkpoint

    stored = sorted(REPO.glob(f"releases/*/{CHECKPOINT}"))
    assert stored, "the newest release stores its record history"
    for path in stored:
        release = path.parent
        scratch = tmp_path / release.name
        for earlier in REPO.glob("releases/*/datapackage.json"):  # every release up to this one
            if version_key(earlier.parent.name) <= version_key(release.name):
                folder = scratch / "releases" / earlier.parent.name
                folder.mkdir(parents=True)
                for name in ("datapackage.json", "data", "schemas"):  # not the stored history
                    (folder / name).symlink_to(earlier.parent / name)
        assert write_checkpoint(scratch, Spec(release)).read_bytes() == path.read_bytes(), path


@pytest.mark.parametrize("stored", [None, "1.0.0", "1.1.0", "1.2.0", "1.3.0", "unreadable"])
def test_history_from_a_stored_release_is_the_history_from_the_first(
    package: Path, stored: str | None
) -> None:
    """A stored record history only saves reading: a key removed and added again, rows changed
    before and after the stored release, and a row changed since the last one come out the same
    whichever release stores its history, or none, or one that cannot be read."""
    from pressure_tracker.publish.history import record_history, write_checkpoint

    path = package / "data" / "sectors.csv"
    header, *rows = path.read_text(encoding="utf-8").splitlines(keepends=True)
    changed = [rows[0], rows[1], rows[2].replace(",", ",Changed ", 1), *rows[3:]]
    releases = {
        "1.0.0": rows,
        "1.1.0": rows[1:],  # the first key removed
        "1.2.0": rows,  # ... and added again, as it was
        "1.3.0": changed,  # the third row changed
    }
    for version, held in releases.items():
        folder = package / "releases" / version
        (folder / "data").mkdir(parents=True)
        (folder / "datapackage.json").write_text("{}\n", encoding="utf-8")
        (folder / "data" / "sectors.csv").write_text(header + "".join(held), encoding="utf-8")
        if version == stored:
            write_checkpoint(package, Spec(package))
    if stored == "unreadable":  # passed over: the releases before it give the answer
        (package / "releases" / "1.3.0" / "record_history.csv").write_text("not,a,history\n")
    path.write_text(header + "".join([*changed[:-1], changed[-1].replace(",", ",New ", 1)]))
    history = {
        record_id: (first, last)
        for table, record_id, first, last in record_history(package, Spec(package))
        if table == "sectors"
    }
    key = [row.split(",", 1)[0] for row in rows]
    assert history[key[0]] == ("1.0.0", "1.2.0")  # back after a gap: added again in 1.2.0
    assert history[key[1]] == ("1.0.0", "1.0.0")
    assert history[key[2]] == ("1.0.0", "1.3.0")
    assert history[key[-1]] == ("1.0.0", None)  # changed since the last release


def test_analytic_views_answer(built: Path) -> None:
    con = duckdb.connect(str(built / "dist" / "pressure-tracker.duckdb"), read_only=True)
    dated_cells = con.execute("SELECT count(*) FROM timeline").fetchone()[0]
    assert (
        dated_cells
        == con.execute("SELECT count(*) FROM (SELECT * FROM timeline ORDER BY date)").fetchone()[0]
        > 0
    )
    vessels = con.execute(
        "SELECT sum(vessels) FROM pressure_panel WHERE jurisdiction_id = 'eu'"
    ).fetchone()[0]
    assert (
        vessels
        == con.execute(
            "SELECT sum(quantity) FROM measures JOIN sanctions_packages USING (package_id) WHERE jurisdiction_id = 'eu' AND unit = 'vessels'"
        ).fetchone()[0]
    )
    lags = con.execute("SELECT min(lag_days) FROM follow_through").fetchone()[0]
    assert lags is None or lags > 0


def _sql(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["sql", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("UPDATE sources SET url = NULL", "read-only"),
        ("COPY sources TO 'stolen.csv'", "disabled by configuration"),
        ("ATTACH 'other.duckdb' AS other", "disabled by configuration"),
        ("SELECT * FROM read_csv('/etc/passwd')", "disabled by configuration"),
        ("SET enable_external_access = true", "locked"),
    ],
)
def test_sql_is_read_only(package: Path, query: str, message: str) -> None:
    before = snapshot(package)
    status, stdout, stderr = _sql(query, str(package))
    assert status == 1 and message in stderr and stdout == ""
    assert snapshot(package) == before
    assert not (package / "stolen.csv").exists()


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("csv", "package_id,number\neu-1,1\neu-2,2\n"),
        ("markdown", "| package_id | number |\n| --- | --- |\n| eu-1 | 1 |\n| eu-2 | 2 |\n"),
    ],
)
def test_sql_output_formats(fmt: str, expected: str) -> None:
    query = "SELECT package_id, number FROM sanctions_packages WHERE jurisdiction_id = 'eu' AND number <= 2 ORDER BY number"
    status, stdout, _ = _sql(query, str(REPO), "--format", fmt)
    assert status == 0 and stdout == expected


def test_sql_json_has_iso_dates() -> None:
    status, stdout, _ = _sql(
        "SELECT adopted_on FROM sanctions_packages WHERE package_id = 'eu-17'",
        str(REPO),
        "--format",
        "json",
    )
    assert status == 0 and json.loads(stdout) == [{"adopted_on": "2025-05-20"}]


# Every column of every table and view, as one DuckDB reads the file: non-null count and a digest.
CONTENT = """
import duckdb, json, sys
con = duckdb.connect(sys.argv[1], read_only=True)
names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()]
out = {"version": duckdb.__version__}
for name in sorted(names):
    columns = [r[0] for r in con.execute(f"DESCRIBE {name}").fetchall()]
    cells = [f"CAST(\\"{c}\\" AS VARCHAR)" for c in columns]
    digests = ", ".join(f"count({x}), md5(string_agg({x}, '|' ORDER BY {x}))" for x in cells)
    out[name] = [str(v) for v in con.execute(f"SELECT count(*), {digests} FROM {name}").fetchall()[0]]
print(json.dumps(out))
"""


def test_database_reads_the_same_in_the_oldest_supported_duckdb(built: Path) -> None:
    """pyproject.toml allows DuckDB 1.3; `make test` installs 1.3.2 beside the newest. Every cell of
    every table and view must read the same in both (not only open)."""
    oldest = REPO / ".venv" / "duckdb-min" / "bin" / "python"
    assert oldest.is_file(), "the oldest DuckDB is not installed: run `make test`"
    database = str(built / "dist" / "pressure-tracker.duckdb")
    runs = [
        subprocess.run(
            [python, "-c", CONTENT, database], capture_output=True, text=True, timeout=300
        )
        for python in (str(oldest), sys.executable)
    ]
    assert all(run.returncode == 0 for run in runs), [run.stderr for run in runs]
    old, new = (json.loads(run.stdout) for run in runs)
    assert old.pop("version").startswith("1.3.") and new.pop("version") != "1.3.2"
    assert set(old) == set(new) >= set(TABLES) | {"timeline", "pressure_panel", "follow_through"}
    differing = sorted(name for name in new if old[name] != new[name])
    assert differing == []


def _parquet(built: Path, table: str) -> Path:
    folder = built / "unzipped"
    if not folder.is_dir():
        zipfile.ZipFile(zip_of(built)).extractall(folder)
    return folder / f"pressure-tracker-{project_version(built)}" / "parquet" / f"{table}.parquet"


@pytest.mark.parametrize("table", TABLES)
def test_parquet_describes_itself(built: Path, table: str) -> None:
    spec = Spec(built).tables[table]
    schema = pq.read_schema(_parquet(built, table))
    meta = json.loads(schema.metadata[b"pressure_tracker"])
    assert meta == {
        "table": table,
        "title": spec.title,
        "description": spec.description,
        "primary_key": list(spec.primary_key),
        "version": project_version(built),
    }
    for field in spec.fields:
        assert schema.field(field.name).metadata[b"description"].decode() == field.description


@pytest.mark.parametrize(
    "table", [t for t in TABLES if any(f.constraints.enum for f in Spec(REPO).tables[t].fields)]
)
def test_parquet_vocabularies_read_as_categories(built: Path, table: str) -> None:
    spec = Spec(built).tables[table]
    frame = pd.read_parquet(_parquet(built, table))
    lazy = pl.read_parquet(_parquet(built, table))
    csv_frame = pd.read_csv(built / "data" / f"{table}.csv", dtype=str, keep_default_na=False)
    for field in (f for f in spec.fields if f.constraints.enum):
        assert isinstance(frame[field.name].dtype, pd.CategoricalDtype)
        assert list(frame[field.name].cat.categories) == list(field.constraints.enum)
        assert lazy.schema[field.name] == pl.Categorical
        assert (
            frame[field.name].astype(object).fillna("").tolist() == csv_frame[field.name].tolist()
        )


def _archive_files(built: Path) -> dict[str, bytes]:
    prefix = f"pressure-tracker-{project_version(built)}/"
    with zipfile.ZipFile(zip_of(built)) as archive:
        return {n.removeprefix(prefix): archive.read(n) for n in archive.namelist()}


def test_archive_has_its_own_readme_dictionary_and_changelog(built: Path) -> None:
    files = _archive_files(built)
    assert {"README.md", "data-dictionary.md", "CHANGELOG.md", "CITATION.cff", "LICENSE"} <= set(
        files
    )
    readme = files["README.md"].decode()
    assert readme != (REPO / "README.md").read_text(encoding="utf-8")
    assert f"release {project_version(built)}" in readme and "How to cite this version" in readme
    assert files["data-dictionary.md"] == (built / "docs" / "data-dictionary.md").read_bytes()


def test_no_relative_link_in_the_archive_points_to_a_missing_file(built: Path) -> None:
    files = _archive_files(built)
    folders = {str(Path(name).parent) + "/" for name in files}
    broken = []
    for name in (n for n in files if n.endswith(".md")):
        for target in re.findall(r"\]\(([^)\s]+)\)", files[name].decode()):
            if re.match(r"^[a-z]+:|^#", target):
                continue  # a web address or an anchor in the same file
            path = (Path(name).parent / target.split("#")[0]).as_posix().removeprefix("./")
            if path not in files and path not in folders:
                broken.append(f"{name}: {target}")
    assert broken == []


def test_an_edited_copy_of_a_release_is_cited_as_modified(built: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(zip_of(built)).extractall(tmp_path)
    folder = tmp_path / f"pressure-tracker-{project_version(built)}"
    pt.load("events", package=folder)
    assert not pt.citation().version.endswith(
        "+modified"
    )  # this build is no recorded release: +unreleased
    path = folder / "data" / "events.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Istanbul", "Istambul", 1), encoding="utf-8"
    )
    pt.load("events", package=folder)
    cited = pt.citation()
    assert cited.version == f"{project_version(built)}+modified" and cited.date is None
