"""`build`: datapackage.json, the docs, and dist/ with the release archive, the DuckDB database
and the reports.

Every output is reproducible (same inputs, same bytes) and written atomically: a build is made in a
folder of its own under .builds/, and dist (a link) is switched to it only when it is complete.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from pressure_tracker.publish.descriptor import descriptor, descriptor_text, file_facts
from pressure_tracker.publish.parquet import write_parquet
from pressure_tracker.publish.sqlite import write_sqlite
from pressure_tracker.schema.files import json_text, write_atomic
from pressure_tracker.schema.spec import Spec, SpecError, project_version
from pressure_tracker.validation.problems import DataError

NAME = "pressure-tracker"
BUILDS = ".builds"  # dist is a link to the newest complete build in here
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest zip timestamp: no build time leaks into the archive


def write_zip(folder: Path, target: Path) -> None:
    """Zip `folder` (as its own top-level directory) with fixed timestamps, modes and order."""
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(
                f"{folder.name}/{path.relative_to(folder).as_posix()}", date_time=ZIP_TIME
            )
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            # zlib's level 4: on the 39 MB of a release, half the time of the default level 6
            # (0.40 s against 0.83 s) for an archive 4% larger (8.2 MB against 7.9 MB); level 9
            # took twice as long as 6 for an archive 0.4% smaller.
            archive.writestr(info, path.read_bytes(), compresslevel=4)


def _write_changes(root: Path, spec: Spec, version: str, folder: Path) -> None:
    from pressure_tracker.publish.diff import diff_packages, summary_lines, write_changes
    from pressure_tracker.publish.versions import previous_release, releases_dir

    previous = previous_release(root, before=version)
    if previous is None:
        return  # the first release: nothing to compare with
    diffs = diff_packages(releases_dir(root) / previous, root, spec)
    write_changes(diffs, folder)
    (folder / "SUMMARY.txt").write_text(
        f"Changes from {previous} to {version}\n\n" + "\n".join(summary_lines(diffs)) + "\n",
        encoding="utf-8",
    )


def _release_tree(
    root: Path, spec: Spec, tree: Path, database: Path, version: str, reports: list[Path]
) -> None:
    """The release folder: CSVs, Parquet, DuckDB, changes, reports, README, citation, hashed descriptor."""
    shutil.copytree(root / "data", tree / "data")
    shutil.copytree(root / "schemas", tree / "schemas")
    write_parquet(database, tree / "parquet", spec, version)
    shutil.copy2(database, tree / database.name)
    shutil.copy2(database.with_suffix(".sqlite"), tree / f"{database.stem}.sqlite")
    _write_changes(root, spec, version, tree / "changes")
    for name in ("CITATION.cff", "LICENSE", "CHANGELOG.md"):
        if (root / name).is_file():
            shutil.copy2(root / name, tree / name)
    shutil.copy2(root / "docs" / "data-dictionary.md", tree / "data-dictionary.md")
    (tree / "README.md").write_text(
        _archive_readme(root, spec, version, (tree / "changes").is_dir()), encoding="utf-8"
    )
    (tree / "reports").mkdir()
    shutil.copy2(reports[0], tree / "reports" / "quality.json")
    shutil.copy2(reports[1], tree / "reports" / "qa.json")
    document = descriptor(root, spec) | _release_date(root, spec, version)
    listed = sorted(p for p in tree.rglob("*") if p.is_file())
    document["release_files"] = [
        {"path": p.relative_to(tree).as_posix(), **file_facts(p)} for p in listed
    ]
    (tree / "datapackage.json").write_text(json_text(document), encoding="utf-8")


def _archive_readme(root: Path, spec: Spec, version: str, has_changes: bool) -> str:
    from pressure_tracker.publish.archive_readme import archive_readme
    from pressure_tracker.publish.citations import cite

    citation = cite(root, spec)
    return archive_readme(
        spec, version, {"text": citation.text, "bibtex": citation.bibtex}, has_changes
    )


def _release_date(root: Path, spec: Spec, version: str) -> dict[str, str]:
    """`created` for a build of a recorded release, so the archive cites itself with its date."""
    from pressure_tracker.publish.citations import release_date, unreleased_changes

    date = release_date(root, version)
    return (
        {"created": f"{date}T00:00:00Z"}
        if date and not unreleased_changes(root, version, spec)
        else {}
    )


def _swap_in(stage: Path, dist: Path) -> None:
    """Point dist at the finished build in one atomic rename, then drop older builds.

    dist is a symbolic link to a folder in .builds/; replacing a link is atomic, so a build killed
    at any moment leaves dist pointing at a complete build, the old one or the new one.
    """
    link = dist.with_name(f".{dist.name}-link-{os.getpid()}")
    link.unlink(missing_ok=True)
    link.symlink_to(stage.relative_to(dist.parent))
    if (
        dist.exists() and not dist.is_symlink()
    ):  # a dist/ folder from before: keep it until replaced
        os.replace(dist, stage.with_name(f"legacy-{os.getpid()}"))
    os.replace(link, dist)
    _drop_old_builds(stage.parent, keep=stage)


def _drop_old_builds(builds: Path, keep: Path | None) -> None:
    for folder in builds.iterdir():
        if folder != keep:
            shutil.rmtree(folder, ignore_errors=True)


Step = Callable[[str], AbstractContextManager[None]]


@contextmanager
def quiet_step(_: str) -> Iterator[None]:
    """A build step that shows nothing (the default, and the CLI's choice off a terminal)."""
    yield


def build(root: Path, step: Step = quiet_step) -> list[Path]:
    """Validate, then write datapackage.json, the docs and dist/; returns the files written.

    `step(name)` wraps each stage, so a caller can show progress. Invalid data raises DataError and a
    failing quality suite raises QualityFailed, in both cases before anything in dist/ is replaced.
    The tables are read once, by validation, and its frames feed the quality suite and QA report.
    """
    from pressure_tracker.publish.database import write_database
    from pressure_tracker.reports.dictionary import data_dictionary
    from pressure_tracker.reports.qa import markdown, report
    from pressure_tracker.validation.exact import validate_frames
    from pressure_tracker.validation.problems import spec_problems

    root = Path(root).resolve()  # Great Expectations' Data Docs need an absolute folder
    version = project_version(root)
    try:
        spec = Spec(root)  # parsed once for the whole build, and handed to every step
    except SpecError as exc:
        raise DataError(spec_problems(exc)) from None
    with step("validation"):
        problems, frames = validate_frames(root, spec)
    if problems:
        raise DataError(problems)
    with step("datapackage.json and data dictionary"):
        write_atomic(root / "datapackage.json", descriptor_text(root, spec))
        (root / "docs").mkdir(exist_ok=True)
        write_atomic(root / "docs" / "data-dictionary.md", data_dictionary(spec))
        _write_readme_figures(root, spec, frames)
    builds = root / BUILDS
    builds.mkdir(exist_ok=True)
    current = (root / "dist").resolve() if (root / "dist").is_symlink() else None
    _drop_old_builds(builds, keep=current)  # leftovers of an interrupted build
    stage = Path(tempfile.mkdtemp(dir=builds, prefix="build-"))
    stage.chmod(
        0o755
    )  # mkdtemp makes it private; outputs are for everyone who can read the checkout
    try:
        with step("quality suite (Great Expectations)"):
            quality = _quality(root, spec, stage, version, frames)
        with step("QA summary"):
            qa = report(root, qa_baseline(root, spec), frames, spec=spec)
            (stage / "qa.json").write_text(json_text(qa), encoding="utf-8")
        with step("DuckDB database"):
            database = stage / f"{NAME}.duckdb"
            write_database(root, database, spec)
        with step("SQLite edition"):
            write_sqlite(root, stage / f"{NAME}.sqlite", spec)
        with step("release archive (CSV, Parquet, DuckDB, changes)"):
            tree = stage / f"{NAME}-{version}"
            _release_tree(root, spec, tree, database, version, [quality, stage / "qa.json"])
            write_zip(tree, stage / f"{NAME}-{version}.zip")
            shutil.rmtree(tree)
        write_atomic(root / "docs" / "qa.md", markdown(qa))
        with step("charts"):
            _write_charts(root, spec, frames)
        _swap_in(stage, dist := root / "dist")
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    docs = [
        root / "docs" / "data-dictionary.md",
        root / "docs" / "qa.md",
        *sorted((root / "docs" / "charts").iterdir()),
    ]
    return [root / "datapackage.json", *docs, *sorted(p for p in dist.iterdir())]


def _write_readme_figures(root: Path, spec: Spec, frames: dict) -> None:
    """The README's generated block (its figures), when the README has one."""
    from pressure_tracker.reports.readme import coverage_block, with_block

    readme = root / "README.md"
    if readme.is_file():
        text = readme.read_text(encoding="utf-8")
        updated = with_block(text, coverage_block(spec, frames))
        if updated != text:
            write_atomic(readme, updated)


def _write_charts(root: Path, spec: Spec, frames: dict) -> None:
    """docs/charts/: drawn in a scratch folder, then each file renamed into place."""
    from pressure_tracker.publish.citations import cite
    from pressure_tracker.reports.charts import draw_all

    folder = root / "docs" / "charts"
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=root / "docs", prefix=".charts-") as scratch:
        for drawn in draw_all(frames, cite(root, spec).version, Path(scratch)):
            os.replace(drawn, folder / drawn.name)


def qa_baseline(root: Path, spec: Spec | None = None) -> Path | None:
    """The release to compare with: the one before this version, or this version's if data changed since."""
    from pressure_tracker.publish.citations import unreleased_changes
    from pressure_tracker.publish.versions import previous_release, releases_dir

    version = project_version(root)
    recorded = (releases_dir(root) / version / "datapackage.json").is_file()
    previous = (
        version
        if recorded and unreleased_changes(root, version, spec)
        else previous_release(root, before=version)
    )
    return releases_dir(root) / previous if previous else None


class QualityFailed(Exception):
    """The quality suite found failing expectations; carries their descriptions."""

    def __init__(self, failures: list[str]):
        self.failures = failures
        super().__init__("; ".join(failures))


def _quality(root: Path, spec: Spec, stage: Path, version: str, frames: dict) -> Path:
    """Run the suite into stage/quality (Data Docs) and return its summary file."""
    from pressure_tracker.reports.quality import run_quality, write_summary

    outcomes = run_quality(root, stage / "quality", frames, spec=spec)
    summary = stage / "quality" / "summary.json"
    write_summary(outcomes, version, summary)
    failed = [
        f"{o.asset}: {o.expectation}"
        + (f" on {o.column}" if o.column else "")
        + (f" ({o.notes})" if o.notes else "")
        for o in outcomes
        if not o.success
    ]
    if failed:
        raise QualityFailed(failed)
    return summary
