"""Sanctions & Pressure Tracker: Russia's war against Ukraine, as a typed, citable data package.

    import pressure_tracker as pt
    pt.load("statements")                                  # a typed pandas DataFrame
    pt.connect().sql("select count(*) from statements")    # DuckDB over the CSVs

Heavy libraries (pandas, duckdb, pandera) are imported on first use, so importing stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .problems import DataError, Problem

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

__all__ = ["DataError", "Problem", "connect", "load", "load_all", "validate"]


def load(table: str, package: Path | str | None = None) -> pd.DataFrame:
    """One table as a typed pandas DataFrame (see `pressure_tracker.loaders.load`)."""
    from .loaders import load as _load

    return _load(table, package)


def load_all(package: Path | str | None = None) -> dict[str, pd.DataFrame]:
    """Every table as a typed DataFrame, keyed by table name."""
    from .loaders import load_all as _load_all

    return _load_all(package)


def connect(package: Path | str | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one typed view per table."""
    from .loaders import connect as _connect

    return _connect(package)


def validate(package: Path | str | None = None) -> list[Problem]:
    """Every problem in the package, located by file, line and column (empty when valid)."""
    from .paths import package_root
    from .validate import validate as _validate

    return _validate(package_root(package))


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("pressure-tracker")
    raise AttributeError(name)
