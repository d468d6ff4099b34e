"""How to cite one version: CITATION.cff, .zenodo.json, and plain-text and BibTeX citations.

All of them are made from schemas/package.yaml, the version and its release date, so they agree.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from pressure_tracker.schema.files import json_text
from pressure_tracker.schema.spec import Spec, project_version


def release_date(root: Path, version: str) -> str | None:
    """The date a version was released, from its recorded snapshot; None if it was never released."""
    from pressure_tracker.publish.versions import releases_dir

    snapshot = releases_dir(root) / version / "datapackage.json"
    document = Path(root) / "datapackage.json"  # a snapshot's own descriptor carries its date
    for path in (snapshot, document):
        if path.is_file():
            created = json.loads(path.read_text(encoding="utf-8")).get("created")
            if created:
                return created[:10]
    return None


def _authors(spec: Spec) -> list[str]:
    return [c.title for c in spec.package.contributors if c.role == "author"]


def cff_text(spec: Spec, version: str, date: str) -> str:
    document = {
        "cff-version": "1.2.0",
        "message": "If you use this dataset, please cite this version as below.",
        "type": "dataset",
        "title": spec.package.title,
        "version": version,
        "date-released": date,
        "authors": [{"name": name} for name in _authors(spec)],
        "license": next(lic.name for lic in spec.package.licenses if lic.name.startswith("CC-")),
        "keywords": list(spec.package.keywords),
        "abstract": spec.package.description,
    }
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


def zenodo_text(spec: Spec, version: str, date: str) -> str:
    document = {
        "title": spec.package.title,
        "description": spec.package.description,
        "version": version,
        "publication_date": date,
        "upload_type": "dataset",
        "license": "cc-by-4.0",
        "creators": [{"name": name} for name in _authors(spec)],
        "keywords": list(spec.package.keywords),
    }
    return json_text(document)


def citation_text(spec: Spec, version: str, date: str | None) -> dict[str, str]:
    authors = " and ".join(_authors(spec))
    when = f"released {date}" if date else "not a release"
    year = date[:4] if date else "n.d."
    plain = f"{', '.join(_authors(spec))} ({year}). {spec.package.title}. Dataset, version {version} ({when})."
    key = "pressure_tracker_" + re.sub(r"[^0-9a-z]+", "_", version.lower())
    bibtex = "\n".join(
        [
            f"@misc{{{key},",
            f"  author = {{{{{authors}}}}},",
            f"  title = {{{{{spec.package.title}}}}},",
            f"  year = {{{year}}},",
            f"  version = {{{version}}},",
            f"  note = {{Dataset, version {version}, {when}}}",
            "}",
        ]
    )
    return {"text": plain, "bibtex": bibtex}


@dataclass(frozen=True)
class Citation:
    version: str
    date: str | None
    text: str
    bibtex: str

    def __str__(self) -> str:
        return self.text


def unreleased_changes(root: Path, version: str, spec: Spec | None = None) -> bool:
    """True when `root` holds data that differs from the recorded release of its version."""
    from pressure_tracker.publish.descriptor import descriptor
    from pressure_tracker.publish.versions import releases_dir

    snapshot = releases_dir(root) / version / "datapackage.json"
    if (
        not snapshot.is_file()
        or (Path(root) / "releases").resolve() != snapshot.parent.parent.resolve()
    ):
        return False
    released = {
        r["name"]: r["hash"] for r in json.loads(snapshot.read_text(encoding="utf-8"))["resources"]
    }
    resources: list[dict[str, object]] = descriptor(root, spec)["resources"]  # type: ignore[assignment]
    current = {r["name"]: r["hash"] for r in resources}
    return released != current


def modified_since_described(root: Path) -> bool:
    """True when a file differs from the hash its own datapackage.json lists for it: an edited copy
    of a release must not be cited as the release."""
    from pressure_tracker.publish.verify import verify

    if (Path(root) / "pyproject.toml").is_file():
        return (
            False  # a checkout: its descriptor is rewritten by build; unreleased_changes judges it
        )
    if not (Path(root) / "datapackage.json").is_file():
        return False  # nothing to compare with
    return any(problem.message.startswith("changed") for problem in verify(root))


def cite(root: Path, spec: Spec | None = None) -> Citation:
    """The citation of the package at `root`: a release snapshot, a release zip or a checkout.

    A copy whose files differ from its own datapackage.json is cited as `X.Y.Z+modified`; a checkout
    whose data differs from the recorded release of its version as `X.Y.Z+unreleased`. Neither has
    a release date."""
    spec = spec or Spec(root)
    version = project_version(root)
    date = release_date(root, version)
    if modified_since_described(root):
        version, date = f"{version}+modified", None
    elif date is None or unreleased_changes(root, version, spec):
        version, date = f"{version}+unreleased", None
    parts = citation_text(spec, version, date)
    return Citation(version, date, parts["text"], parts["bibtex"])


def cffconvert_executable(root: Path) -> str | None:
    """cffconvert lives in its own environment (it pins an old jsonschema that frictionless cannot use)."""
    configured = os.environ.get("PRESSURE_TRACKER_CFFCONVERT")
    if configured:
        return configured
    local = Path(root) / ".venv" / "cffconvert" / "bin" / "cffconvert"
    return str(local) if local.is_file() else shutil.which("cffconvert")


def validate_cff(path: Path, root: Path) -> str | None:
    """None when cffconvert accepts the file, else its message."""
    executable = cffconvert_executable(root)
    if executable is None:
        return "cffconvert is not installed (run `make test` or `make release-tools` to create .venv/cffconvert)"
    run = subprocess.run(
        [executable, "--validate", "-i", str(path)], capture_output=True, text=True
    )
    return None if run.returncode == 0 else (run.stdout + run.stderr).strip()
