"""`release`: propose the next version from the diff, then record it everywhere it must appear."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pressure_tracker.publish.citations import cff_text, validate_cff, zenodo_text
from pressure_tracker.publish.descriptor import descriptor
from pressure_tracker.publish.diff import (
    TableDiff,
    bumped,
    diff_packages,
    proposed_bump,
    summary_lines,
)
from pressure_tracker.publish.history import write_checkpoint
from pressure_tracker.publish.versions import previous_release, releases_dir
from pressure_tracker.schema.files import json_text, write_atomic
from pressure_tracker.schema.spec import Spec
from pressure_tracker.validation.frames import typed_frame

FIRST_VERSION = "1.0.0"
CHANGELOG_HEADER = "# Changelog\n\nEvery release of the data, newest first. Versions follow semantic versioning of the data:\nMAJOR when a table or column is removed, renamed or retyped; MINOR when rows, columns or tables\nare added (or rows removed); PATCH when existing values are corrected.\n"


class ReleaseError(Exception):
    """The release cannot be made; nothing was written."""


@dataclass
class Proposal:
    previous: str | None
    version: str
    bump: str | None
    diffs: list[TableDiff]


def propose(root: Path, bump: str | None = None) -> Proposal:
    previous = previous_release(root)
    if previous is None:
        return Proposal(None, FIRST_VERSION, None, [])
    diffs = diff_packages(releases_dir(root) / previous, root)
    found = proposed_bump(diffs)
    if found is None:
        raise ReleaseError(f"nothing changed since {previous}: no release needed")
    chosen = bump or found
    order = ("patch", "minor", "major")
    if order.index(chosen) < order.index(found):
        raise ReleaseError(f"the changes need a {found} release; {chosen} is too small")
    return Proposal(previous, bumped(previous, chosen), chosen, diffs)


def _set_project_version(root: Path, version: str) -> None:
    path = root / "pyproject.toml"
    text = path.read_text(encoding="utf-8")
    updated, count = re.subn(r'(?m)^version = "[^"]*"$', f'version = "{version}"', text, count=1)
    if count != 1:
        raise ReleaseError('pyproject.toml has no `version = "..."` line to update')
    write_atomic(path, updated)


def changelog_entry(proposal: Proposal, date: str, counts: dict[str, int]) -> str:
    lines = [f"## [{proposal.version}] - {date}", ""]
    if proposal.previous is None:
        lines.append(f"First release: {sum(counts.values())} rows in {len(counts)} tables.")
        lines.append("")
        lines += [f"- {table}: {n} rows" for table, n in counts.items()]
    else:
        lines.append(
            f"A {proposal.bump} release: changes since {proposal.previous}, row counts by table."
        )
        lines.append("")
        lines += [
            f"- {line.strip()}" if not line.startswith("  ") else f"  - {line.strip()}"
            for line in summary_lines(proposal.diffs)
        ]
    return "\n".join(lines) + "\n"


def _prepend_changelog(root: Path, entry: str) -> None:
    path = root / "CHANGELOG.md"
    body = (
        path.read_text(encoding="utf-8").removeprefix(CHANGELOG_HEADER).lstrip("\n")
        if path.is_file()
        else ""
    )
    write_atomic(path, CHANGELOG_HEADER + "\n" + entry + ("\n" + body if body else ""))


def _snapshot(root: Path, version: str, date: str) -> Path:
    """releases/<version>/: the package as released, readable without git."""
    target = releases_dir(root) / version
    if target.exists():
        raise ReleaseError(f"releases/{version} already exists")
    stage = Path(tempfile.mkdtemp(dir=root, prefix=".release-"))
    shutil.copytree(root / "data", stage / "data")
    shutil.copytree(root / "schemas", stage / "schemas")
    document = descriptor(root) | {"created": f"{date}T00:00:00Z"}
    (stage / "datapackage.json").write_text(json_text(document), encoding="utf-8")
    target.parent.mkdir(exist_ok=True)
    stage.replace(target)
    return target


def release(root: Path, proposal: Proposal, date: str | None = None) -> list[Path]:
    """Record `proposal`: version, CITATION.cff, .zenodo.json, CHANGELOG.md, releases/<version>/
    (with its record history)."""
    date = date or dt.date.today().isoformat()
    spec = Spec(root)
    cff = cff_text(spec, proposal.version, date)
    with tempfile.TemporaryDirectory() as scratch:  # validate before anything is written
        candidate = Path(scratch) / "CITATION.cff"
        candidate.write_text(cff, encoding="utf-8")
        message = validate_cff(candidate, root)
        if message:
            raise ReleaseError(f"CITATION.cff does not validate: {message}")
    _set_project_version(root, proposal.version)
    write_atomic(root / "datapackage.json", json_text(descriptor(root)))
    write_atomic(root / "CITATION.cff", cff)
    write_atomic(root / ".zenodo.json", zenodo_text(spec, proposal.version, date))
    counts = {name: len(typed_frame(root, spec, name)) for name in spec.tables}
    _prepend_changelog(root, changelog_entry(proposal, date, counts))
    snapshot = _snapshot(root, proposal.version, date)
    # Its record history, once the folder is in place (a crash before this costs later builds only
    # time: they fold this release in from the one before).
    write_checkpoint(root, spec)
    return [
        root / n
        for n in (
            "pyproject.toml",
            "datapackage.json",
            "CITATION.cff",
            ".zenodo.json",
            "CHANGELOG.md",
        )
    ] + [snapshot]
