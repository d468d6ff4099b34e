"""datapackage.json: the Frictionless descriptor of a package, with each file's hash and size."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pressure_tracker.schema.files import json_text
from pressure_tracker.schema.spec import Spec, project_version


def file_facts(path: Path) -> dict[str, object]:
    """sha256 and size, read in chunks so that a large file costs no memory."""
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while block := handle.read(1024**2):
            digest.update(block)
            size += len(block)
    return {"hash": f"sha256:{digest.hexdigest()}", "bytes": size}


def descriptor(root: Path, spec: Spec | None = None) -> dict[str, object]:
    spec = spec or Spec(root)
    files = {name: file_facts(root / "data" / f"{name}.csv") for name in spec.tables}
    return spec.to_frictionless(project_version(root), files)


def descriptor_text(root: Path, spec: Spec | None = None) -> str:
    return json_text(descriptor(root, spec))
