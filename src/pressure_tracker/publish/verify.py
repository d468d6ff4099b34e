"""`verify`: check a release zip or a package directory against the hashes in its datapackage.json."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pressure_tracker.validation.problems import Problem


def _listed(document: object) -> dict[str, str]:
    """path -> expected sha256 hex, from the resources and (in a release) every other file."""
    if not isinstance(document, dict):
        raise ValueError("its datapackage.json is not a JSON object")
    entries = [*document.get("resources", []), *document.get("release_files", [])]
    if not all(isinstance(e, dict) and isinstance(e.get("path"), str) for e in entries):
        raise ValueError("its datapackage.json lists a file without a path")
    return {e["path"]: str(e["hash"]).removeprefix("sha256:") for e in entries if "hash" in e}


def _zip_hashes(path: Path) -> tuple[dict, dict[str, str]]:
    """The archive's descriptor and the sha256 of every other member, read in chunks."""
    from pressure_tracker.publish.archive import open_archive, package_prefix, read_small, sha256

    with open_archive(path) as archive:
        prefix = package_prefix(archive)
        members = {i.filename.removeprefix(prefix): i for i in archive.infolist() if not i.is_dir()}
        try:
            document = json.loads(read_small(archive, members.pop("datapackage.json")))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"its datapackage.json is not JSON ({exc})") from None
        return document, {name: sha256(archive, info) for name, info in members.items()}


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1024**2):
            digest.update(block)
    return digest.hexdigest()


def verify(target: Path) -> list[Problem]:
    """Every file changed, missing or (in a release) added since its datapackage.json was written.

    Hashes are computed in chunks, so memory stays small whatever the size of the files."""
    target = Path(target)
    if target.is_dir():
        document = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
        expected = _listed(document)
        strict = "release_files" in document  # a checkout holds many other files; a release none
        present = (
            {p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()}
            if strict
            else {p for p in expected if (target / p).is_file()}
        )
        present.discard("datapackage.json")
        files = {path: _file_hash(target / path) for path in sorted(present)}
    else:
        document, files = _zip_hashes(target)
        expected, strict = _listed(document), True
    problems = [
        Problem(
            path, None, None, "missing: listed in datapackage.json but not present", "hash-missing"
        )
        for path in sorted(set(expected) - set(files))
    ]
    for path in sorted(set(expected) & set(files)):
        if files[path] != expected[path]:
            problems.append(
                Problem(
                    path,
                    None,
                    None,
                    "changed: its sha256 differs from datapackage.json",
                    "hash-changed",
                )
            )
    if strict:
        problems += [
            Problem(
                path, None, None, "extra: present but not listed in datapackage.json", "hash-extra"
            )
            for path in sorted(set(files) - set(expected))
        ]
    return problems
