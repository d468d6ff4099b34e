"""The coverage table beside what the data holds: per jurisdiction, scope and year, the actions or
events known to exist (data/coverage.csv) and those the data holds: packages counted by the date
each is dated by (its `dated_by` column), events by the day each starts."""

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


ACTION_SCOPES = ("numbered_packages", "other_actions", "all_actions")
CALL_SCOPES = {"leader_calls_with_russia": "RU", "leader_calls_with_ukraine": "UA"}


def held_events(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per event the event scopes count: scope, jurisdiction_id and year. An exchange
    counts for Ukraine; a call for each jurisdiction one of its participants represents, when
    another represents the counterpart the scope names."""
    events = frames["events"].assign(
        year=lambda d: d["starts_on"].dt.year.astype("Int64"),
        event_type=lambda d: d["event_type"].astype(str),
    )
    figures = frames["event_figures"].assign(figure=lambda d: d["figure"].astype(str))
    only_bodies = figures.groupby("event_id", observed=True)["figure"].agg(
        lambda f: set(f) == {"bodies_returned"}
    )
    exchanges = events[events["event_type"] == "prisoner_exchange"]
    bodies = exchanges["event_id"].map(only_bodies).fillna(False).astype(bool)
    rows = [
        exchanges[~bodies].assign(scope="prisoner_exchanges", jurisdiction_id="ua"),
        exchanges[bodies].assign(scope="body_repatriations", jurisdiction_id="ua"),
    ]
    calls = events[events["event_type"] == "leader_call"][["event_id", "year"]]
    countries = (
        frames["event_participants"]
        .merge(frames["actors"], on="actor_id")[["event_id", "country"]]
        .dropna()
        .astype(str)
    )
    for scope, counterpart in CALL_SCOPES.items():
        with_counterpart = countries[countries["country"] == counterpart]["event_id"]
        parties = countries[
            countries["event_id"].isin(with_counterpart) & (countries["country"] != counterpart)
        ].drop_duplicates()
        rows.append(
            calls.merge(parties, on="event_id").assign(
                scope=scope, jurisdiction_id=lambda d: d["country"].str.lower()
            )
        )
    return pd.concat(rows)[["scope", "jurisdiction_id", "year"]]


def held_and_known(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every coverage row with `held`, the number of packages or events in its cell."""
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

    events = (
        held_events(frames)
        if {"events", "event_figures", "event_participants", "actors"} <= frames.keys()
        else pd.DataFrame(columns=["scope", "jurisdiction_id", "year"])
    )
    per_cell = events.groupby(["scope", "jurisdiction_id", "year"]).size()
    # Packages per jurisdiction, year and numbered or not, counted once (not filtered per row).
    packages_per_cell = dated.groupby(["jurisdiction_id", "year", "numbered"]).size()

    def held(row: pd.Series) -> int:
        if row["scope"] not in ACTION_SCOPES:
            return int(per_cell.get((row["scope"], row["jurisdiction_id"], row["year"]), 0))
        numbered, other = (
            int(packages_per_cell.get((row["jurisdiction_id"], row["year"], kind), 0))
            for kind in (True, False)
        )
        if row["scope"] == "numbered_packages":
            return numbered
        return other if row["scope"] == "other_actions" else numbered + other

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
