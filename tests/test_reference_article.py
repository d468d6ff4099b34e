"""The reference report (LIGA.net, 16 May 2025, Istanbul talks) is held in full."""

from __future__ import annotations

import pandas as pd
import pytest

import pressure_tracker as pt

SOURCE = "src-0001"


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return pt.load_all()


def test_source_row(tables: dict[str, pd.DataFrame]) -> None:
    row = tables["sources"].set_index("source_id").loc[SOURCE]
    assert row["publisher"] == "LIGA.net"
    assert row["published_on"] == pd.Timestamp("2025-05-16")
    assert (
        row["url"]
        == "https://news.liga.net/en/politics/news/no-ceasefire-but-a-large-prisoner-exchange-what-ukraine-and-russia-agreed-on-in-istanbul"
    )


def test_istanbul_talks_and_the_agreed_exchange(tables: dict[str, pd.DataFrame]) -> None:
    events = tables["events"]
    talks = events[
        (events["event_type"] == "negotiation_round") & (events["starts_on"] == "2025-05-16")
    ]
    assert len(talks) == 1 and "Istanbul" in talks.iloc[0]["location"]
    event_id = talks.iloc[0]["event_id"]  # noqa: F841 (the queries below read it as @event_id)
    figures = tables["event_figures"].query(
        "event_id == @event_id and figure == 'prisoners_agreed'"
    )
    assert dict(zip(figures["party"], figures["value"], strict=False)) == {"UA": 1000, "RU": 1000}
    heads = tables["event_participants"].query(
        "event_id == @event_id and role == 'delegation_head'"
    )
    assert set(heads["actor_id"]) == {"rustem-umerov", "vladimir-medinsky"}


def test_every_speaker_of_the_report_has_statements(tables: dict[str, pd.DataFrame]) -> None:
    statements = tables["statements"].query("source_id == @SOURCE")
    speakers = {
        "rustem-umerov",
        "vladimir-medinsky",
        "andrii-sybiha",
        "heorhii-tykhyi",
        "friedrich-merz",
        "ursula-von-der-leyen",
        "volodymyr-zelenskyy",
        "emmanuel-macron",
        "donald-tusk",
        "main-intelligence-directorate-ukraine",
        "turkish-official-anonymous",
        "ukrainian-delegation-istanbul-2025",
        "ukrainian-diplomatic-sources-anonymous",
    }
    assert set(statements["actor_id"]) == speakers
    assert len(statements) == 20


def test_zelenskyy_named_five_sectors(tables: dict[str, pd.DataFrame]) -> None:
    statements = tables["statements"]
    demand = statements.query(
        "actor_id == 'volodymyr-zelenskyy' and topic == 'sanctions' and statement_type == 'demand' and source_id == @SOURCE"
    )
    named = tables["statement_sectors"][
        tables["statement_sectors"]["statement_id"].isin(demand["statement_id"])
    ]
    assert set(named["sector_id"]) == {"banking", "oil", "energy", "metallurgy", "shadow-fleet"}


def test_the_17th_eu_package_is_linked(tables: dict[str, pd.DataFrame]) -> None:
    package = tables["sanctions_packages"].set_index("package_id").loc["eu-17"]
    assert package["jurisdiction_id"] == "eu" and package["number"] == 17
    merz = tables["statements"].query("actor_id == 'friedrich-merz' and source_id == @SOURCE")
    assert list(merz["package_id"]) == ["eu-17"]


def test_quotes_are_short(tables: dict[str, pd.DataFrame]) -> None:
    quotes = tables["statements"]["quote"].dropna()
    assert (quotes.str.split().str.len() <= 25).all()
