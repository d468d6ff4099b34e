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


LISTED = "('individuals', 'entities', 'listings', 'banks')"


def inexact_sql(spec: Spec, units: str) -> str:
    """How many of the summed quantities in `units` are bounds or approximations ("more than 40"):
    a sum that adds any is itself a bound. Unknown (NULL) in releases made before quantities had
    qualifiers (1.4.0 and earlier)."""
    if "quantity_qualifier" not in spec.tables["measures"].field_names:
        return "NULL::BIGINT"
    return f"count(*) FILTER (WHERE m.unit IN {units} AND m.quantity_qualifier <> 'exact')"


def _dated(sql: str, spec: Spec) -> str:
    held = "quantity_qualifier" in spec.tables["measures"].field_names
    qualifier = "m.quantity_qualifier" if held else "NULL::VARCHAR"
    chained = "replaces_measure_id" in spec.tables["measures"].field_names
    replaces = "m.replaces_measure_id" if chained else "NULL::VARCHAR"
    return (
        sql.replace("@PACKAGE_DATE@", package_date_sql(spec))
        .replace("@DATED_BY@", dated_by_sql(spec))
        .replace("@QUALIFIER@", qualifier)
        .replace("@REPLACES@", replaces)
        .replace("@LISTINGS_INEXACT@", inexact_sql(spec, LISTED))
        .replace("@VESSELS_INEXACT@", inexact_sql(spec, "('vessels')"))
    )


@dataclass(frozen=True)
class View:
    name: str
    description: str
    sql: str


@dataclass(frozen=True)
class Macro:
    """A DuckDB table macro of one parameter, created after the views it reads."""

    name: str
    parameter: str
    sql: str

    @property
    def create(self) -> str:
        return f"CREATE MACRO {self.name}({self.parameter}) AS TABLE {self.sql}"


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
           p.package_id, m.quantity, m.unit, @QUALIFIER@ AS quantity_qualifier
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
       coalesce(sum(m.quantity) FILTER (WHERE m.unit = 'vessels'), 0) AS vessels,
       @LISTINGS_INEXACT@ AS listings_inexact,
       @VESSELS_INEXACT@ AS vessels_inexact
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
           coalesce(sum(m.quantity) FILTER (WHERE m.unit = 'vessels'), 0) AS vessels,
           @LISTINGS_INEXACT@ AS listings_inexact,
           @VESSELS_INEXACT@ AS vessels_inexact
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
       coalesce(any_value(m.listings), 0) AS listings, coalesce(any_value(m.vessels), 0) AS vessels,
       coalesce(any_value(m.listings_inexact), 0)::BIGINT AS listings_inexact,
       coalesce(any_value(m.vessels_inexact), 0)::BIGINT AS vessels_inexact
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


MEASURE_VALIDITY = """
WITH spans AS (
    SELECT m.measure_id, m.package_id, p.jurisdiction_id, m.sector_id, m.measure_type,
           coalesce(m.effective_on, p.in_force_on, @PACKAGE_DATE@) AS valid_from, m.ends_on,
           @REPLACES@ AS replaces_measure_id
    FROM measures m JOIN sanctions_packages p USING (package_id)
),
successors AS (
    SELECT replaces_measure_id AS measure_id, min(valid_from) AS next_from, min(measure_id) AS replaced_by
    FROM spans WHERE replaces_measure_id IS NOT NULL GROUP BY 1
)
SELECT s.measure_id, s.package_id, s.jurisdiction_id, s.sector_id, s.measure_type, s.valid_from,
       coalesce(s.ends_on, (n.next_from - INTERVAL 1 DAY)::DATE) AS valid_until, n.replaced_by,
       CASE WHEN s.ends_on IS NOT NULL THEN 'ends_on' WHEN n.replaced_by IS NOT NULL THEN 'replaced' END
           AS ended_by
FROM spans s LEFT JOIN successors n USING (measure_id)
ORDER BY s.jurisdiction_id, s.valid_from, s.measure_id
"""

# A table macro: the measures in force on a day, with the span of each.
IN_FORCE = """
SELECT m.*, v.jurisdiction_id, v.valid_from, v.valid_until, v.replaced_by
FROM measures m JOIN measure_validity v USING (measure_id)
WHERE v.valid_from <= day AND (v.valid_until IS NULL OR v.valid_until >= day)
ORDER BY v.jurisdiction_id, v.valid_from, m.measure_id
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
            "several sectors counts once in each): count packages with package_panel. listings_inexact and "
            'vessels_inexact count the summed quantities that are bounds or approximations ("more than 40"): '
            "where they are above zero, the sum is not exact either.",
            _dated(PRESSURE_PANEL, spec),
        ),
        View(
            "package_panel",
            "Monthly panel of jurisdiction: packages (each counted once, in the month it is dated by: its adoption, else "
            "agreement, announcement, publication or entry into force), their measures, listings and vessels; zero where "
            "nothing happened. Every column may be summed over months. listings_inexact and vessels_inexact count the summed "
            "quantities that are bounds or approximations: where above zero, the sum is not exact.",
            _dated(PACKAGE_PANEL, spec),
        ),
        View(
            "measure_validity",
            "Each measure's valid time: valid_from (its own start, else its package's entry into force, else the "
            "date the package is dated by) and valid_until (its own end, else the day before the measure that "
            "replaces it starts, as a new price-cap level replaces the last; empty while it applies). ended_by says "
            "which. The table macro in_force(DATE) returns the measures in force on a day.",
            _dated(MEASURE_VALIDITY, spec),
        ),
        View(
            "follow_through",
            "Each statement demanding sanctions on a sector, with the next adopted package of each jurisdiction that targeted "
            "that sector (or a sub-sector) after it, and the lag in days; a row with no package means no follow-through yet.",
            _dated(FOLLOW_THROUGH, spec),
        ),
    ]


def macros(spec: Spec) -> list[Macro]:
    """Table macros over the views: created after them, in connect() and the release's .duckdb."""
    return [Macro("in_force", "day", IN_FORCE)] if "measures" in spec.tables else []
