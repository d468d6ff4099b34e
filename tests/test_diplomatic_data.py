"""Invariants of the diplomatic tables on the real data, so a later edit cannot silently break them."""

from __future__ import annotations

import pandas as pd
import pytest

import pressure_tracker as pt


@pytest.fixture(scope="module")
def t() -> dict[str, pd.DataFrame]:
    return pt.load_all()


def test_coverage_targets(t: dict[str, pd.DataFrame]) -> None:
    assert len(t["events"]) >= 60
    assert len(t["statements"]) >= 200
    assert t["statements"]["actor_id"].nunique() >= 40
    years = set(t["statements"]["made_on"].dt.year)
    assert {2022, 2023, 2024, 2025} <= years


def test_every_direct_talks_round_is_there(t: dict[str, pd.DataFrame]) -> None:
    rounds = t["events"].query("event_type == 'negotiation_round'")
    days = set(rounds["starts_on"].dt.strftime("%Y-%m-%d"))
    for day in (
        "2022-02-28",
        "2022-03-03",
        "2022-03-07",
        "2022-03-29",
        "2025-05-16",
        "2025-06-02",
        "2025-07-23",
    ):
        assert day in days, f"no negotiation round starting on {day}"


def test_the_1000_for_1000_exchange_was_carried_out(t: dict[str, pd.DataFrame]) -> None:
    exchanges = t["events"].query("event_type == 'prisoner_exchange'")
    may = exchanges[exchanges["starts_on"].between("2025-05-23", "2025-05-25")]
    released = t["event_figures"].query("figure == 'prisoners_released'").merge(may, on="event_id")
    totals = released.groupby("party")["value"].sum()
    assert totals.to_dict() == {"RU": 1000, "UA": 1000}


def test_every_exchange_figure_has_both_sides(t: dict[str, pd.DataFrame]) -> None:
    sides = t["event_figures"].groupby(["event_id", "figure"])["party"].nunique()
    assert (sides >= 2).all()
    missing = t["event_figures"][t["event_figures"]["value"].isna()]
    assert missing["notes"].notna().all()


def test_leader_calls_and_summits_are_covered(t: dict[str, pd.DataFrame]) -> None:
    kinds = t["events"]["event_type"].value_counts()
    assert kinds["leader_call"] >= 5 and kinds["summit"] >= 10 and kinds["prisoner_exchange"] >= 12
    participants = t["event_participants"].merge(t["events"], on="event_id")
    calls = (
        participants.query("event_type == 'leader_call'").groupby("event_id")["actor_id"].nunique()
    )
    assert (calls >= 2).mean() >= 0.9  # a call has at least two sides


def test_sanction_demands_name_their_sectors(t: dict[str, pd.DataFrame]) -> None:
    demands = t["statements"].query("topic == 'sanctions' and statement_type == 'demand'")
    named = demands["statement_id"].isin(t["statement_sectors"]["statement_id"])
    assert named.sum() >= 15
    follow = (
        pt.connect()
        .sql("SELECT count(*) FILTER (WHERE package_id IS NOT NULL) FROM follow_through")
        .fetchall()[0][0]
    )
    assert follow > 0


def test_ninety_percent_of_diplomatic_rows_have_a_source_url(t: dict[str, pd.DataFrame]) -> None:
    urls = t["sources"].set_index("source_id")["url"]
    for table in ("events", "event_participants", "event_figures", "statements"):
        share = t[table]["source_id"].map(urls).notna().mean()
        assert share >= 0.9, f"{table}: only {share:.0%} of rows cite a source with a url"


def test_quotes_are_short_and_summaries_are_not_quotes(t: dict[str, pd.DataFrame]) -> None:
    statements = t["statements"]
    quotes = statements["quote"].dropna()
    assert (quotes.str.split().str.len() <= 30).all()
    same = statements["quote"].notna() & (statements["quote"] == statements["summary"])
    assert not same.any()


def test_every_person_speaks_from_an_office_level_and_offices_have_one_spelling(
    t: dict[str, pd.DataFrame],
) -> None:
    """A person's statement says the kind of office held (an institution's does not), and one
    office is spelled one way: no two role texts differ only in word order or a prefix."""
    statements = t["statements"].merge(t["actors"][["actor_id", "actor_type"]], on="actor_id")
    person = statements["actor_type"].astype(str) == "person"
    assert statements.loc[person, "office_level"].notna().all()
    assert (
        statements.loc[
            ~person & (statements["actor_type"].astype(str) != "anonymous_source"), "office_level"
        ]
        .isna()
        .all()
    )
    roles = set(statements["role_at_time"].astype(str))
    for spelled in (
        "German Chancellor",
        "Kremlin spokesman",
        "Kremlin spokesperson",
        "US Secretary of State",
    ):
        assert spelled not in roles


def test_event_coverage_counts_exchanges_and_calls(t: dict[str, pd.DataFrame]) -> None:
    """Every prisoner_exchange event is counted once, as an exchange or a return of bodies, and
    the cells whose number a page states hold what they claim."""
    from pressure_tracker.reports.coverage import held_and_known, held_events

    counted = held_events(t)
    exchanges = counted[counted["scope"].isin(["prisoner_exchanges", "body_repatriations"])]
    assert len(exchanges) == (t["events"]["event_type"] == "prisoner_exchange").sum()
    cells = held_and_known(t).set_index(["jurisdiction_id", "scope", "year"])
    assert cells.loc[("ua", "prisoner_exchanges", 2024), "held"] == 11
    assert cells.loc[("us", "leader_calls_with_russia", 2025), "held"] == 10
    calls = counted[counted["scope"] == "leader_calls_with_russia"]
    assert "ru" not in set(calls["jurisdiction_id"])


def test_every_actor_of_a_state_has_a_side(t: dict[str, pd.DataFrame]) -> None:
    actors = t["actors"]
    with_country = actors[actors["country"].notna()]
    assert with_country["side"].notna().all()
    sides = with_country.groupby("country", observed=True)["side"].agg(lambda s: set(s.astype(str)))
    assert sides["RU"] == {"russia"} and sides["UA"] == {"ukraine_and_partners"}
    assert sides["CN"] == {"non_aligned"}


def test_statements_have_both_sides_and_the_non_aligned(t: dict[str, pd.DataFrame]) -> None:
    sides = t["statements"].merge(t["actors"], on="actor_id")["side"].astype(str)
    shares = sides.value_counts(normalize=True)
    assert shares["russia"] >= 0.15 and shares["non_aligned"] >= 0.05
