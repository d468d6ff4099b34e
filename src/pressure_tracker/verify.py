"""`verify`: check a release zip or a package directory against the hashes in its datapackage.json."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

from .problems import Problem


def _listed(document: dict) -> dict[str, str]:
    """path -> expected sha256 hex, from the resources and (in a release) every other file."""
    expected = {r["path"]: r["hash"] for r in document.get("resources", []) if "hash" in r}
    expected |= {f["path"]: f["hash"] for f in document.get("release_files", [])}
    return {path: digest.removeprefix("sha256:") for path, digest in expected.items()}


def _zip_files(path: Path) -> Iterator[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if not n.endswith("/")]
        prefix = min((n.rsplit("datapackage.json", 1)[0] for n in names if n.endswith("datapackage.json")), key=len, default="")
        for name in names:
            yield name.removeprefix(prefix), archive.read(name)


def _dir_files(root: Path, paths: set[str]) -> Iterator[tuple[str, bytes]]:
    for path in sorted(paths):
        if (root / path).is_file():
            yield path, (root / path).read_bytes()


def verify(target: Path) -> list[Problem]:
    """Every file changed, missing or (in a release) added since its datapackage.json was written."""
    target = Path(target)
    if target.is_dir():
        document = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
        expected = _listed(document)
        files = dict(_dir_files(target, set(expected)))
        strict = "release_files" in document  # a checkout holds many other files; a release none
        if strict:
            files |= {p.relative_to(target).as_posix(): p.read_bytes() for p in target.rglob("*") if p.is_file()}
    else:
        files = dict(_zip_files(target))
        if "datapackage.json" not in files:
            return [Problem(target.name, None, None, "no datapackage.json in the archive")]
        expected, strict = _listed(json.loads(files["datapackage.json"])), True
    files.pop("datapackage.json", None)
    problems = [Problem(path, None, None, "missing: listed in datapackage.json but not present") for path in sorted(set(expected) - set(files))]
    for path in sorted(set(expected) & set(files)):
        if hashlib.sha256(files[path]).hexdigest() != expected[path]:
            problems.append(Problem(path, None, None, "changed: its sha256 differs from datapackage.json"))
    if strict:
        problems += [Problem(path, None, None, "extra: present but not listed in datapackage.json") for path in sorted(set(files) - set(expected))]
    return problems
