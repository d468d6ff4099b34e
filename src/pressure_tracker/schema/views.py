"""Analytic views over the tables, the same in `connect()` and in the release's .duckdb file."""

from __future__ import annotations

from dataclasses import dataclass

from pressure_tracker.schema.spec import Spec

# Text shown for a row in the timeline: the first of these columns that its table has.
LABEL_COLUMNS = ("title", "identifier", "name", "description", "summary", "figure", "role")
# A package's dates, in the order a curator prefers them: its formal adoption, else its political
# agreement, announcement, publication or entry into force. Each package names the one it is dated
# by in `dated_by` (a rule keeps it pointing at a filled date); views, panels, stats, charts and the
# coverage table all date a package by it.
PACKAGE_DATES = ("adopted_on", "agreed_on", "announced_on", "published_on", "in_force_on")


def package_date_sql(spec: Spec) -> str:
    """SQL for the date a package `p` is dated by. A release made before packages named it (1.2.0
    and earlier) is dated as those releases were: by the first of PACKAGE_DATES it has."""
    if "dated_by" in spec.tables["sanctions_packages"].field_names:
        cases = " ".join(f"WHEN '{column}' THEN p.{column}" for column in PACKAGE_DATES)
        return f"CASE p.dated_by {cases} END"
    return "coalesce(" + ", ".join(f"p.{column}" for column in PACKAGE_DATES) + ")"


def dated_by_sql(spec: Spec) -> str:
    if "dated_by" in spec.tables["sanctions_packages"].field_names:
        return "p.dated_by::VARCHAR"
    cases = " ".join(f"WHEN p.{column} IS NOT NULL THEN '{column}'" for column in PACKAGE_DATES)
    return f"CASE {cases} END"


def _dated(sql: str, spec: Spec) -> str:
    return sql.replace("@PACKAGE_DATE@", package_date_sql(spec)).replace(
        "@DATED_BY@", dated_by_sql(spec)
    )


@dataclass(frozen=True)
class View:
    name: str
    description: str
    sql: str


# The tables whose dates are facts: a source's publication or access date is not an event, and
# listing them drowned the facts (two rows in three of the timeline were source dates).
TIMELINE_TABLES = ("sanctions_packages", "legal_acts", "measures", "events", "statements")


def timeline_sql(spec: Spec) -> str:
    """One row per date cell of every fact table, generated from the schemas."""
    parts = []
    for table in (spec.tables[name] for name in TIMELINE_TABLES if name in spec.tables):
        key = " || '/' || ".join(table.primary_key)
        label = next((c for c in LABEL_COLUMNS if c in table.field_names), table.primary_key[0])
        jurisdiction = "jurisdiction_id" if "jurisdiction_id" in table.field_names else "NULL"
        for field in table.fields:
            if field.type == "date":
                parts.append(
                    f"SELECT {field.name} AS date, '{table.name}' AS table_name, '{field.name}' AS date_column, "
                    f"{key} AS row_id, {jurisdiction}::VARCHAR AS jurisdiction_id, {label}::VARCHAR AS label "
                    f"FROM {table.name} WHERE {field.name} IS NOT NULL"
                )
    return "\nUNION ALL\n".join(parts) + "\nORDER BY date, table_name, date_column, row_id"


PRESSURE_PANEL = """
WITH m AS (
    SELECT p.jurisdiction_id, date_trunc('month', @PACKAGE_DATE@)::DATE AS month, m.sector_id,
           p.package_id, m.quantity, m.unit
    FROM measures m JOIN sanctions_packages p USING (package_id)
    WHERE @PACKAGE_DATE@ IS NOT NULL
),
months AS (
    SELECT unnest(generate_series(min(month), max(month), INTERVAL 1 MONTH))::DATE AS month FROM m
),
grid AS (
    SELECT j.jurisdiction_id, months.month, s.sector_id
    FROM (SELECT DISTINCT jurisdiction_id FROM m) j, months, (SELECT DISTINCT sector_id FROM m) s
)
SELECT g.jurisdiction_id, g.month, g.sector_id,
       count(m.package_id)::BIGINT AS new_measures,
       count(DISTINCT m.package_id)::BIGINT AS packages,
       coalesce(sum(m.quantity) FILTER (WHERE m.unit IN ('individuals', 'entities', 'listings', 'banks')), 0) AS listings,
       coalesce(sum(m.quantity) FILTER (WHERE m.unit = 'vessels'), 0) AS vessels
FROM grid g LEFT JOIN m USING (jurisdiction_id, month, sector_id)
GROUP BY ALL
ORDER BY g.jurisdiction_id, g.month, g.sector_id
"""

PACKAGE_PANEL = """
WITH p AS (
    SELECT p.jurisdiction_id, date_trunc('month', @PACKAGE_DATE@)::DATE AS month, p.package_id
    FROM sanctions_packages p
    WHERE @PACKAGE_DATE@ IS NOT NULL
),
m AS (
    SELECT p.jurisdiction_id, p.month, count(*) AS measures,
           coalesce(sum(m.quantity) FILTER (WHERE m.unit IN ('individuals', 'entities', 'listings', 'banks')), 0) AS listings,
           coalesce(sum(m.quantity) FILTER (WHERE m.unit = 'vessels'), 0) AS vessels
    FROM measures m JOIN p USING (package_id)
    GROUP BY ALL
),
months AS (
    SELECT unnest(generate_series(min(month), max(month), INTERVAL 1 MONTH))::DATE AS month FROM p
),
grid AS (
    SELECT j.jurisdiction_id, months.month FROM (SELECT DISTINCT jurisdiction_id FROM p) j, months
)
SELECT g.jurisdiction_id, g.month, count(p.package_id)::BIGINT AS packages,
       coalesce(any_value(m.measures), 0)::BIGINT AS measures,
       coalesce(any_value(m.listings), 0) AS listings, coalesce(any_value(m.vessels), 0) AS vessels
FROM grid g
LEFT JOIN p USING (jurisdiction_id, month)
LEFT JOIN m USING (jurisdiction_id, month)
GROUP BY ALL
ORDER BY g.jurisdiction_id, g.month
"""

FOLLOW_THROUGH = """
WITH RECURSIVE covers(sector_id, covered_id) AS (
    SELECT sector_id, sector_id FROM sectors
    UNION ALL
    SELECT c.sector_id, s.sector_id FROM covers c JOIN sectors s ON s.parent_sector_id = c.covered_id
),
demands AS (
    SELECT s.statement_id, s.made_on, s.actor_id, ss.sector_id
    FROM statements s JOIN statement_sectors ss USING (statement_id)
    WHERE s.topic = 'sanctions' AND s.statement_type = 'demand'
),
targeted AS (
    SELECT DISTINCT p.package_id, p.jurisdiction_id, @PACKAGE_DATE@ AS package_date,
           @DATED_BY@ AS package_dated_by, c.sector_id
    FROM measures m JOIN sanctions_packages p USING (package_id) JOIN covers c ON c.covered_id = m.sector_id
    WHERE p.status = 'adopted'
),
matches AS (
    SELECT d.*, t.jurisdiction_id, t.package_id, t.package_date, t.package_dated_by,
           row_number() OVER (PARTITION BY d.statement_id, d.sector_id, t.jurisdiction_id ORDER BY t.package_date, t.package_id) AS rank
    FROM demands d JOIN targeted t ON t.sector_id = d.sector_id AND t.package_date > d.made_on
)
SELECT d.statement_id, d.made_on, d.actor_id, d.sector_id, m.jurisdiction_id, m.package_id, m.package_date,
       m.package_dated_by, date_diff('day', d.made_on, m.package_date) AS lag_days
FROM demands d LEFT JOIN matches m ON m.statement_id = d.statement_id AND m.sector_id = d.sector_id AND m.rank = 1
ORDER BY d.made_on, d.statement_id, d.sector_id, m.package_date
"""


RECORD_EVIDENCE = """
SELECT e.table_name, e.record_id, c.column_name, e.evidence_id, e.excerpt, e.source_id,
       s.publisher, s.title AS source_title, s.url, s.published_on AS source_published_on, e.notes
FROM evidence e
LEFT JOIN evidence_columns c USING (evidence_id)
JOIN sources s USING (source_id)
ORDER BY e.table_name, e.record_id, e.evidence_id, c.column_name
"""


def views(spec: Spec) -> list[View]:
    evidence = (
        [
            View(
                "record_evidence",
                "Each record beside its evidence: one row per piece of evidence and column it supports, "
                "with the excerpt and the source's publisher, title and url.",
                RECORD_EVIDENCE,
            )
        ]
        if {"evidence", "evidence_columns"} <= set(spec.tables)
        else []
    )
    return [
        *evidence,
        View(
            "timeline",
            "Every date of the fact tables (packages, legal acts, measures, events, statements) in one ordered list: "
            "what happened when, with the row it comes from. Sources' publication and access dates are left out.",
            timeline_sql(spec),
        ),
        View(
            "pressure_panel",
            "Monthly panel of jurisdiction x sector: new measures, packages, listings (individuals, entities, banks) and vessels, "
            "dated by their package's adoption (else agreement or announcement); zero where nothing happened. "
            "new_measures, listings and vessels may be summed over sectors; packages may not (a package with measures in "
            "several sectors counts once in each): count packages with package_panel.",
            _dated(PRESSURE_PANEL, spec),
        ),
        View(
            "package_panel",
            "Monthly panel of jurisdiction: packages (each counted once, in the month it is dated by: its adoption, else "
            "agreement, announcement, publication or entry into force), their measures, listings and vessels; zero where "
            "nothing happened. Every column may be summed over months.",
            _dated(PACKAGE_PANEL, spec),
        ),
        View(
            "follow_through",
            "Each statement demanding sanctions on a sector, with the next adopted package of each jurisdiction that targeted "
            "that sector (or a sub-sector) after it, and the lag in days; a row with no package means no follow-through yet.",
            _dated(FOLLOW_THROUGH, spec),
        ),
    ]
