"""`stats`: what the package holds, as SQL over the typed DuckDB views."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pressure_tracker.schema.spec import Spec
from pressure_tracker.schema.sql import memory_database, one
from pressure_tracker.schema.views import package_date_sql

if TYPE_CHECKING:
    import pandas as pd
    from duckdb import DuckDBPyConnection

SIDES = "Statements per year and side (actors.side)"
QUERIES: dict[str, str] = {
    "Packages per jurisdiction and year": """
        SELECT jurisdiction_id AS jurisdiction, year(@PACKAGE_DATE@) AS year, count(*) AS packages
        FROM sanctions_packages p GROUP BY ALL ORDER BY jurisdiction, year""",
    "Measures per sector": """
        SELECT sector_id AS sector, count(*) AS measures,
               count(quantity) AS with_quantity
        FROM measures GROUP BY ALL ORDER BY measures DESC, sector""",
    "Events per type": """
        SELECT event_type, count(*) AS events, min(starts_on) AS first, max(starts_on) AS last,
               count(DISTINCT event_id) FILTER (WHERE event_id IN (SELECT event_id FROM event_figures)) AS with_figures
        FROM events GROUP BY ALL ORDER BY events DESC, event_type""",
    "Statements per year": """
        SELECT year(made_on) AS year, count(*) AS statements, count(DISTINCT actor_id) AS speakers,
               count(event_id) AS with_event,
               count(*) FILTER (WHERE statement_id IN (SELECT statement_id FROM statement_sectors)) AS naming_sectors
        FROM statements GROUP BY ALL ORDER BY year""",
    SIDES: """
        SELECT year(made_on) AS year, count(*) AS statements,
               count(*) FILTER (WHERE a.side = 'ukraine_and_partners') AS ukraine_and_partners,
               count(*) FILTER (WHERE a.side = 'russia') AS russia,
               count(*) FILTER (WHERE a.side = 'non_aligned') AS non_aligned,
               count(*) FILTER (WHERE a.side IS NULL) AS unclassified
        FROM statements s JOIN actors a USING (actor_id) GROUP BY ALL ORDER BY year""",
}


def row_counts(con: DuckDBPyConnection, spec: Spec) -> list[tuple[str, int]]:
    return [(name, one(con, f"SELECT count(*) FROM {name}")[0]) for name in spec.tables]


def url_shares(con: DuckDBPyConnection, spec: Spec) -> list[tuple[str, int, int, float]]:
    """Per table with a source_id: rows, rows whose source has a url, and the share."""
    out = []
    for name, table in spec.tables.items():
        if "source_id" not in table.field_names or name == "sources":
            continue
        rows, with_url = one(
            con,
            f"SELECT count(*), count(s.url) FROM {name} t LEFT JOIN sources s USING (source_id)",
        )
        out.append((name, rows, with_url, with_url / rows if rows else 0.0))
    return out


def _coverage_section(frames: dict) -> dict[str, tuple[list[str], list[tuple]]]:
    """data/coverage.csv beside the packages held: the cells with something held or known."""
    from pressure_tracker.reports.coverage import records

    rows = [
        (
            c["jurisdiction"],
            c["scope"],
            c["year"],
            c["held"],
            "" if c["known"] is None else c["known"],
            c["completeness"],
        )
        for c in records(frames)
        if c["held"] or c["known"] is not None
    ]
    title = "Coverage: actions and events held and known per jurisdiction, scope and year (data/coverage.csv)"
    return {title: (["jurisdiction", "scope", "year", "held", "known", "completeness"], rows)}


def _evidence_sections(
    spec: Spec, frames: dict[str, pd.DataFrame]
) -> dict[str, tuple[list[str], list[tuple]]]:
    from pressure_tracker.reports.verifiable import checked_cells, coverage, found_shares

    coverage_rows = _coverage_section(frames) if "coverage" in spec.tables else {}
    return coverage_rows | {
        "Fact rows with evidence (a verbatim excerpt of a source)": (
            ["table", "rows", "with evidence", "share"],
            list(coverage(spec, frames)),
        ),
        "Numbers and dates of rows with evidence, found in their excerpts": (
            ["table", "column", "values", "found", "share"],
            list(found_shares(list(checked_cells(spec, frames)))),
        ),
    }


def collect(
    root: Path, frames: dict[str, pd.DataFrame]
) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every section of the report as (column names, rows), from the package's typed tables (as
    its validation read them) and its SQL views."""
    spec = Spec(root)
    con = memory_database(root, spec)
    sections: dict[str, tuple[list[str], list[tuple]]] = {
        "Rows per table": (["table", "rows"], list(row_counts(con, spec)))
    }
    for title, sql in QUERIES.items():
        if title == SIDES and "side" not in spec.tables["actors"].field_names:
            continue  # a release made before actors had a side
        result = con.execute(sql.replace("@PACKAGE_DATE@", package_date_sql(spec)))
        sections[title] = ([d[0] for d in result.description or []], result.fetchall())
    shares: list[tuple[str, int, int, float]] = url_shares(con, spec)
    total = (sum(r[1] for r in shares), sum(r[2] for r in shares))
    shares.append(("all fact rows", *total, total[1] / total[0] if total[0] else 0.0))
    sections["Rows whose source has a url"] = (
        ["table", "rows", "with url", "share"],
        [(t, n, u, f"{share:.1%}") for t, n, u, share in shares],
    )
    if "evidence" in spec.tables:
        sections |= _evidence_sections(spec, frames)
    sources = one(con, "SELECT count(*), count(url) FROM sources")
    sections["Sources with a url"] = (
        ["sources", "with url", "share"],
        [(*sources, f"{sources[1] / sources[0]:.1%}")],
    )
    return sections
