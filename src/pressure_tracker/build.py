"""`build`: validate, then write datapackage.json (inline schemas, version, hashes)."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from .spec import TABLES, Spec, project_version


def file_facts(path: Path) -> dict[str, object]:
    data = path.read_bytes()
    return {"hash": f"sha256:{hashlib.sha256(data).hexdigest()}", "bytes": len(data)}


def descriptor(root: Path) -> dict[str, object]:
    spec = Spec(root)
    files = {name: file_facts(root / "data" / f"{name}.csv") for name in TABLES}
    return spec.to_frictionless(project_version(root), files)


def descriptor_text(root: Path) -> str:
    return json.dumps(descriptor(root), indent=2, ensure_ascii=False) + "\n"


def write_atomic(path: Path, text: str) -> None:
    """Write beside the target, then rename: a crash leaves the old file whole."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def build(root: Path) -> list[Path]:
    """Write the build outputs of a package that validated; returns the files written."""
    target = root / "datapackage.json"
    write_atomic(target, descriptor_text(root))
    return [target]
