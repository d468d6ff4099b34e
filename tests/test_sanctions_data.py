"""Invariants of the sanctions tables on the real data, so a later edit cannot silently break them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import pressure_tracker as pt
from pressure_tracker.validation.run import validate

from .test_bad_input import line_of, located, replace

REQUIRED_SECTORS = {
    "banking",
    "finance",
    "oil",
    "gas-lng",
    "energy",
    "metallurgy",
    "steel",
    "aluminium",
    "shadow-fleet",
    "military-industrial",
    "dual-use-technology",
    "diamonds",
}


@pytest.fixture(scope="module")
def t() -> dict[str, pd.DataFrame]:
    return pt.load_all()


def test_eu_packages_are_numbered_one_to_latest(t: dict[str, pd.DataFrame]) -> None:
    eu = t["sanctions_packages"].query("jurisdiction_id == 'eu' and number.notna()")
    numbers = sorted(eu["number"].astype(int))
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 19
    assert (eu["package_id"] == "eu-" + eu["number"].astype(str)).all()
    adopted = eu[eu["status"] == "adopted"]
    assert adopted["adopted_on"].notna().all()


@pytest.mark.parametrize(
    ("jurisdictions", "minimum"),
    [(["us"], 12), (["gb"], 12), (["ca", "jp", "ch", "au", "no", "nz"], 8)],
)
def test_major_actions_per_jurisdiction(
    t: dict[str, pd.DataFrame], jurisdictions: list[str], minimum: int
) -> None:
    packages = t["sanctions_packages"]
    actions = packages[
        packages["jurisdiction_id"].isin(jurisdictions)
        & ~packages["package_id"].str.endswith("-price-cap")
    ]
    assert len(actions) >= minimum


def test_price_cap_history_for_each_coalition_member(t: dict[str, pd.DataFrame]) -> None:
    caps = (
        t["measures"]
        .query("measure_type == 'price_cap'")
        .merge(t["sanctions_packages"], on="package_id")
    )
    assert {"eu", "us", "gb", "ca", "jp", "au", "g7"} <= set(caps["jurisdiction_id"])
    crude_60 = caps[(caps["quantity"] == 60) & (caps["unit"] == "usd_per_barrel")]
    assert {"eu", "us", "gb", "g7"} <= set(crude_60["jurisdiction_id"])
    assert (caps["quantity"].dropna() > 0).all()


def test_packages_have_measures_and_enough_measures(t: dict[str, pd.DataFrame]) -> None:
    """Every EU numbered package has its measures; of the other actions, a few are known only as a
    dated round (a statutory instrument, a designation round whose sources give no count)."""
    packages = t["sanctions_packages"]
    with_measures = packages["package_id"].isin(t["measures"]["package_id"])
    assert with_measures[packages["package_id"].str.match(r"^eu-\d+$")].all()
    assert with_measures.mean() >= 0.95
    assert len(t["measures"]) >= 200


def test_vessel_listings_carry_vessel_counts(t: dict[str, pd.DataFrame]) -> None:
    listings = t["measures"].query("measure_type == 'vessel_listing'")
    assert len(listings) >= 20
    assert listings["quantity"].notna().all() and (listings["unit"] == "vessels").all()
    eu = listings[listings["package_id"].str.match(r"^eu-\d+$")]
    assert eu.sort_values("reported_total")["reported_total"].is_monotonic_increasing


def test_sector_hierarchy_covers_what_researchers_ask_for(t: dict[str, pd.DataFrame]) -> None:
    sectors = t["sectors"].set_index("sector_id")
    assert set(sectors.index) >= REQUIRED_SECTORS
    assert sectors.loc["oil", "parent_sector_id"] == "energy"
    assert sectors.loc["shadow-fleet", "parent_sector_id"] == "maritime"


def test_ninety_percent_of_sanctions_rows_have_a_source_url(t: dict[str, pd.DataFrame]) -> None:
    urls = t["sources"].set_index("source_id")["url"]
    for table in ("sanctions_packages", "legal_acts", "measures"):
        share = t[table]["source_id"].map(urls).notna().mean()
        assert share >= 0.9, f"{table}: only {share:.0%} of rows cite a source with a url"


def _rule_located(package: Path) -> set[tuple[str, int | None, str | None]]:
    status, problems = located(package)
    assert status == 1
    return problems


def test_gap_in_eu_numbering_is_caught(package: Path) -> None:
    replace(package, "sanctions_packages", "eu-12,eu,12,", "eu-12,eu,22,")
    assert (
        "data/sanctions_packages.csv",
        line_of(package, "sanctions_packages", "eu-12,eu,22,"),
        "number",
    ) in _rule_located(package)
    assert (
        "data/sanctions_packages.csv",
        line_of(package, "sanctions_packages", "eu-13,"),
        "number",
    ) in _rule_located(package)


def test_measure_effective_before_adoption_is_caught(package: Path) -> None:
    replace(
        package,
        "measures",
        ",189,exact,vessels,342,exact,,",
        ",189,exact,vessels,342,exact,2025-05-01,",
    )
    expected = (
        "data/measures.csv",
        line_of(package, "measures", ",189,exact,vessels,342,"),
        "effective_on",
    )
    assert _rule_located(package) == {expected}


def test_decreasing_vessel_total_is_caught(package: Path) -> None:
    replace(package, "measures", ",105,exact,vessels,444,", ",105,exact,vessels,324,")
    expected = (
        "data/measures.csv",
        line_of(package, "measures", ",105,exact,vessels,324,"),
        "reported_total",
    )
    assert _rule_located(package) == {expected}


def test_real_data_is_valid(repo: Path) -> None:
    assert validate(repo) == []


def test_coverage_counts_what_the_data_holds(t: dict[str, pd.DataFrame]) -> None:
    """Held is counted from the packages: the EU numbered cells add up to the numbered packages,
    and every cell of a jurisdiction adds up to its dated packages."""
    from pressure_tracker.reports.coverage import ACTION_SCOPES, held_and_known

    cells = held_and_known(t)
    numbered = cells[(cells["jurisdiction_id"] == "eu") & (cells["scope"] == "numbered_packages")]
    eu = t["sanctions_packages"].query("jurisdiction_id == 'eu'")
    assert numbered["held"].sum() == eu["number"].notna().sum() == 20
    us = t["sanctions_packages"].query("jurisdiction_id == 'us'")
    actions = cells[cells["scope"].isin(ACTION_SCOPES)]
    assert actions[actions["jurisdiction_id"] == "us"]["held"].sum() == len(us) >= 55


def test_every_dated_package_names_the_date_it_is_dated_by(t: dict[str, pd.DataFrame]) -> None:
    """dated_by names a filled date of its row, and the reports date a package by it."""
    from pressure_tracker.reports.coverage import package_dates

    packages = t["sanctions_packages"]
    dated = package_dates(packages)
    assert dated.notna().sum() == packages["dated_by"].notna().sum() >= 200
    for column in packages["dated_by"].dropna().unique():
        chosen = packages["dated_by"] == column
        assert (dated[chosen] == packages.loc[chosen, column]).all()


def test_dated_by_must_name_a_filled_date(package: Path) -> None:
    from pressure_tracker.validation.run import validate

    from .test_bad_input import csv_path

    path = csv_path(package, "sanctions_packages")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    dates = ["adopted_on", "agreed_on", "announced_on", "published_on", "in_force_on"]
    row, empty = next(
        (i, c)
        for i in frame.index
        for c in dates
        if frame.loc[i, c] == "" and frame.loc[i, "dated_by"]
    )
    frame.loc[row, "dated_by"] = empty
    frame.to_csv(path, index=False, lineterminator="\n")
    problems = validate(package)
    assert [(p.file, p.line, p.column) for p in problems] == [
        ("data/sanctions_packages.csv", int(row) + 2, "dated_by")
    ]
