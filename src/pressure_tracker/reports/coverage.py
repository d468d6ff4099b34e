"""The coverage table beside what the data holds: per jurisdiction, scope and year, the actions
known to exist (data/coverage.csv) and the packages the data holds, counted by the date each
package is dated by (its `dated_by` column)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from pressure_tracker.schema.views import PACKAGE_DATES

COLUMNS = ["jurisdiction_id", "scope", "year", "held", "known", "completeness"]


def package_dates(packages: pd.DataFrame) -> pd.Series:
    """The date each package is dated by: the column its `dated_by` names (NaT when it has none).
    A release made before packages named it is dated by the first of PACKAGE_DATES it has."""
    if "dated_by" not in packages.columns:
        return packages[list(PACKAGE_DATES)].bfill(axis=1).iloc[:, 0]
    chosen = packages["dated_by"].astype("string")
    dates = pd.Series(pd.NaT, index=packages.index, dtype="datetime64[ns]")
    for column in PACKAGE_DATES:
        dates = dates.mask(chosen == column, packages[column])
    return dates


def held_and_known(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every coverage row with `held`, the number of packages in its cell."""
    packages = frames["sanctions_packages"]
    dated = packages.assign(
        year=package_dates(packages).dt.year.astype("Int64"),
        numbered=packages["number"].notna(),
        jurisdiction_id=packages["jurisdiction_id"].astype(str),
    )
    coverage = frames["coverage"].assign(
        jurisdiction_id=lambda d: d["jurisdiction_id"].astype(str),
        scope=lambda d: d["scope"].astype(str),
    )

    def held(row: pd.Series) -> int:
        cell = dated[
            (dated["jurisdiction_id"] == row["jurisdiction_id"]) & (dated["year"] == row["year"])
        ]
        if row["scope"] == "numbered_packages":
            cell = cell[cell["numbered"]]
        elif row["scope"] == "other_actions":
            cell = cell[~cell["numbered"]]
        return len(cell)

    held_counts = coverage.apply(held, axis=1) if len(coverage) else pd.Series(dtype="int64")
    return coverage.assign(held=held_counts.astype("int64"))


def short_by(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per cell marked complete, with whether the data holds at least what it claims."""
    table = held_and_known(frames)
    complete = table[table["completeness"].astype(str) == "complete"]
    return complete.assign(holds_what_it_claims=complete["held"] >= complete["known"].fillna(0))[
        ["jurisdiction_id", "scope", "year", "held", "known", "holds_what_it_claims"]
    ].reset_index(drop=True)


def records(frames: dict[str, pd.DataFrame]) -> list[dict[str, Any]]:
    """The coverage rows with `held`, as plain values (None where nothing is known)."""
    table = held_and_known(frames)[COLUMNS].astype(object)
    rows = table.where(table.notna(), None).to_dict("records")
    return [
        {
            "jurisdiction": str(r["jurisdiction_id"]),
            "scope": str(r["scope"]),
            "year": int(r["year"]),
            "held": int(r["held"]),
            "known": None if r["known"] is None else int(r["known"]),
            "completeness": str(r["completeness"]),
        }
        for r in rows
    ]
