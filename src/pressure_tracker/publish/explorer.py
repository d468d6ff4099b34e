"""Datasette's view of the SQLite edition (`pressure-tracker serve`), generated from the schemas:
the release's title, description, licence and version; each table's and column's description, its
label column (a foreign key shows the actor's name or the package's title), facets, newest-first
order and full-text search; canned queries for the analytic views."""

from __future__ import annotations

from typing import Any

from pressure_tracker.publish.sqlite import FULL_TEXT, bridged_tables
from pressure_tracker.schema.spec import Spec, TableSpec
from pressure_tracker.schema.views import LABEL_COLUMNS, package_date_sql

DATABASE = "pressure-tracker"
# The columns a reader narrows a table by, where the table has them.
FACETS = (
    "jurisdiction_id",
    "sector_id",
    "event_type",
    "actor_id",
    "topic",
    "statement_type",
    "office_level",
    "measure_type",
    "status",
    "figure",
    "table_name",
)
# The date a table is sorted by, newest first.
SORT_BY = {
    "sanctions_packages": "adopted_on",
    "events": "starts_on",
    "statements": "made_on",
    "sources": "published_on",
    "legal_acts": "published_on",
}
SQL_TIME_LIMIT_MS = 2000


def metadata(spec: Spec, version: str) -> dict[str, Any]:
    data_licence = spec.package.licenses[0]
    return {
        "title": f"{spec.package.title} ({version})",
        "description": spec.package.description,
        "license": data_licence.title,
        "license_url": data_licence.path,
        "databases": {
            DATABASE: {
                "tables": {
                    **{name: _table(table) for name, table in spec.tables.items()},
                    **_bridges(spec),
                },
                "queries": _queries(spec),
            }
        },
    }


def _table(table: TableSpec) -> dict[str, Any]:
    names = table.field_names
    meta: dict[str, Any] = {
        "title": table.title,
        "description": table.description,
        "columns": {f.name: f.description for f in table.fields},
        "facets": [f for f in FACETS if f in names and f not in table.primary_key],
    }
    label = next((c for c in LABEL_COLUMNS if c in names), None)
    if label:
        meta["label_column"] = label
    if table.name in SORT_BY:
        meta["sort_desc"] = SORT_BY[table.name]
    if table.name in FULL_TEXT:
        meta["fts_table"], meta["fts_pk"] = f"{table.name}_fts", "rowid"
    return meta


def _bridges(spec: Spec) -> dict[str, Any]:
    return {
        f"{name}_evidence": {
            "description": f"The pieces of evidence of each row of {name}: open one to read its "
            "excerpt, and its source's address."
        }
        for name in bridged_tables(spec)
    }


def _queries(spec: Spec) -> dict[str, dict[str, str]]:
    """The analytic views as canned queries in SQLite's SQL (the DuckDB views use DuckDB's)."""
    date = package_date_sql(spec)
    return {
        "record_evidence": {
            "title": "A record with its evidence",
            "description": "Every excerpt that supports a record, the columns it supports and its source.",
            "sql": (
                "SELECT e.evidence_id, group_concat(c.column_name, ', ') AS columns, e.excerpt, "
                "s.publisher, s.title AS source_title, s.url, e.notes FROM evidence e "
                "LEFT JOIN evidence_columns c USING (evidence_id) JOIN sources s USING (source_id) "
                "WHERE e.table_name = :table AND e.record_id = :record_id "
                "GROUP BY e.evidence_id ORDER BY e.evidence_id"
            ),
        },
        "timeline": {
            "title": "Timeline",
            "description": "Packages, events and statements in the order they happened.",
            "sql": (
                f"SELECT {date} AS date, 'package' AS kind, p.package_id AS id, p.jurisdiction_id, "
                "p.title AS label FROM sanctions_packages p UNION ALL "
                "SELECT starts_on, 'event', event_id, NULL, title FROM events UNION ALL "
                "SELECT made_on, 'statement', statement_id, NULL, summary FROM statements "
                "ORDER BY date DESC, id"
            ),
        },
        "package_panel": {
            "title": "Packages per jurisdiction and month",
            "description": "Each package counted once, in the month it is dated by (months with none are left out).",
            "sql": (
                f"SELECT p.jurisdiction_id, substr({date}, 1, 7) AS month, count(*) AS packages "
                f"FROM sanctions_packages p WHERE {date} IS NOT NULL GROUP BY 1, 2 ORDER BY 2 DESC, 1"
            ),
        },
        "follow_through": {
            "title": "Follow-through: demands for sanctions on a sector and the next package that hit it",
            "description": "Each demand for sanctions on a sector, with the next adopted package of each jurisdiction that targeted that sector after it, and the lag in days.",
            "sql": (
                "WITH demands AS (SELECT s.statement_id, s.made_on, s.actor_id, ss.sector_id "
                "FROM statements s JOIN statement_sectors ss USING (statement_id) "
                "WHERE s.topic = 'sanctions' AND s.statement_type = 'demand'), "
                f"targeted AS (SELECT DISTINCT p.package_id, p.jurisdiction_id, {date} AS package_date, "
                "m.sector_id FROM measures m JOIN sanctions_packages p USING (package_id) "
                "WHERE p.status = 'adopted'), "
                "matches AS (SELECT d.*, t.jurisdiction_id, t.package_id, t.package_date, "
                "row_number() OVER (PARTITION BY d.statement_id, d.sector_id, t.jurisdiction_id "
                "ORDER BY t.package_date, t.package_id) AS rank FROM demands d JOIN targeted t "
                "ON t.sector_id = d.sector_id AND t.package_date > d.made_on) "
                "SELECT statement_id, made_on, actor_id, sector_id, jurisdiction_id, package_id, "
                "package_date, CAST(julianday(package_date) - julianday(made_on) AS INTEGER) AS lag_days "
                "FROM matches WHERE rank = 1 ORDER BY made_on DESC, statement_id"
            ),
        },
    }
