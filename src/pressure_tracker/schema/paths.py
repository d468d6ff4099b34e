"""Where a package lives: the directory holding datapackage.json, schemas/ and data/."""

from __future__ import annotations

from pathlib import Path

_LIBRARY = (
    Path(__file__).resolve().parents[1]
)  # src/pressure_tracker (or site-packages/pressure_tracker)


class PackageNotFound(Exception):
    """The path given is not a package directory (nor a datapackage.json inside one)."""


def installed_root() -> Path:
    """The package this library was installed with: bundled in the wheel, or the source checkout."""
    bundled = _LIBRARY / "_package"
    if (bundled / "schemas").is_dir():
        return bundled
    checkout = _LIBRARY.parents[1]  # src/pressure_tracker -> repository root
    if (checkout / "schemas").is_dir():
        return checkout
    raise PackageNotFound("no data package was installed with pressure_tracker")


def default_root() -> tuple[Path, str]:
    """The package a command acts on when given none: the one in the current folder if there is
    one, else the installed one; with a phrase saying which, for the user."""
    here = Path.cwd()
    if (here / "schemas").is_dir():
        return here, f"the package in the current folder ({here})"
    installed = installed_root()
    return installed, f"the installed package ({installed})"


def package_root(path: Path | str | None = None) -> Path:
    """Resolve a user's path (a directory or its datapackage.json) to the package directory."""
    if path is None:
        return installed_root()
    candidate = Path(path)
    if candidate.is_file() and candidate.name == "datapackage.json":
        candidate = candidate.parent
    if not (candidate / "schemas").is_dir():
        raise PackageNotFound(f"{path}: not a package directory (no schemas/ folder found)")
    return candidate.resolve()
