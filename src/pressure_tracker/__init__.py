"""Sanctions & Pressure Tracker: Russia's war against Ukraine, as a typed, citable data package.

    import pressure_tracker as pt
    pt.load("statements")                                  # a typed pandas DataFrame
    pt.connect().sql("select count(*) from statements")    # DuckDB over the CSVs

Heavy libraries (pandas, duckdb, pandera) are imported on first use, so importing stays fast.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pressure_tracker.validation.problems import DataError, Problem

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

    from pressure_tracker.publish.citations import Citation

__all__ = ["DataError", "Problem", "citation", "connect", "load", "load_all", "validate"]


def load(
    table: str,
    package: Path | str | None = None,
    version: str | None = None,
    as_of: str | date | None = None,
) -> pd.DataFrame:
    """One table as a typed pandas DataFrame; `version="1.0.0"` reads that release, and
    `as_of="2024-06-30"` keeps the measures (or the packages and acts with a measure) in force on
    that day."""
    from pressure_tracker.loaders import load as _load

    return _load(table, package, version, as_of)


def load_all(
    package: Path | str | None = None, version: str | None = None
) -> dict[str, pd.DataFrame]:
    """Every table as a typed DataFrame, keyed by table name."""
    from pressure_tracker.loaders import load_all as _load_all

    return _load_all(package, version)


def connect(
    package: Path | str | None = None, version: str | None = None
) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one typed view per table and the analytic views."""
    from pressure_tracker.loaders import connect as _connect

    return _connect(package, version)


def citation(version: str | None = None, package: Path | str | None = None) -> Citation:
    """How to cite the data last loaded (or `version`): `.text` and `.bibtex`; str() gives the text."""
    from pressure_tracker.publish.citations import cite

    from . import loaders

    if version is not None or package is not None:
        root = loaders.resolve_root(package, version)
    else:
        root = loaders.last_loaded or loaders.resolve_root()
    return cite(root)


def validate(package: Path | str | None = None) -> list[Problem]:
    """Every problem in the package, located by file, line and column (empty when valid)."""
    from pressure_tracker.schema.paths import package_root
    from pressure_tracker.validation.run import validate as _validate

    return _validate(package_root(package))


def __dir__() -> list[str]:
    """The public API only: what `__all__` names, and the version."""
    return sorted([*__all__, "__version__"])


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("pressure-tracker")
    raise AttributeError(name)
