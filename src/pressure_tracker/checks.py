"""Rules that a Table Schema cannot state: across columns of a row, and across tables.

Each rule names the table and column a failing row is reported under, a message template filled
from the failing row, a test returning True for every row that is fine, and the columns the test
reads. `validate` runs the tests as pandera checks, so the contract lives in one place; the
screen (screen.py) runs the same tests on just the columns they read.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .analytics import PACKAGE_DATES
from .spec import Spec

Frames = Mapping[str, pd.DataFrame]
Test = Callable[[pd.DataFrame, Frames], pd.Series]


@dataclass(frozen=True)
class Rule:
    table: str
    column: str
    message: str | Callable[[Mapping[str, str]], str]  # a template over the failing row's cells, or a function of them
    test: Test
    # Every column the test reads: its own table's by name, another table's as "table.column".
    reads: tuple[str, ...]
    # The test compares a row only with rows equal in these columns: a row alone in its group passes.
    group: tuple[str, ...] = ()
    text: bool = False  # a text-safety rule: the screen checks these on the bytes and in its polars pass

    @property
    def needs(self) -> tuple[str, ...]:
        """Other tables the test reads."""
        return tuple(sorted({c.split(".", 1)[0] for c in self.reads if "." in c}))

    def columns(self, table: str) -> tuple[str, ...]:
        """The columns of `table` that the test reads."""
        if table == self.table:
            return tuple(c for c in self.reads if "." not in c)
        return tuple(c.split(".", 1)[1] for c in self.reads if c.startswith(f"{table}."))

    def applies(self, frames: Frames) -> bool:
        return all(frames.get(name) is not None for name in (self.table, *self.needs))


# Date columns that may lie in the future: an act can set an end date ahead of today.
FUTURE_DATES_ALLOWED = {("measures", "ends_on"), ("measures", "effective_on"), ("sanctions_packages", "in_force_on")}


def _not_before(later: str, earlier: str) -> Test:
    return lambda df, _: ~(df[later] < df[earlier]).fillna(False)


def _not_in_future(column: str) -> Test:
    return lambda df, _: ~(df[column] > pd.Timestamp(dt.date.today())).fillna(False)


def _both_or_neither(a: str, b: str) -> Test:
    return lambda df, _: df[a].isna() == df[b].isna()


def _no_duplicate(columns: list[str]) -> Test:
    return lambda df, _: ~df.duplicated(subset=columns, keep="first")


def _adopted_eu_package_has_adoption_date(df: pd.DataFrame, _: Frames) -> pd.Series:
    """The Council's formal adoption is the date the EU's numbered packages are cited by."""
    numbered = (df["jurisdiction_id"] == "eu") & df["number"].notna()
    return ~(numbered & (df["status"] == "adopted") & df["adopted_on"].isna())


def _adopted_package_has_a_date(df: pd.DataFrame, _: Frames) -> pd.Series:
    return ~((df["status"] == "adopted") & df[list(PACKAGE_DATES)].isna().all(axis=1))


def _not_adopted_has_no_date(df: pd.DataFrame, _: Frames) -> pd.Series:
    return ~(df["status"].isin(["proposed", "blocked"]) & df["adopted_on"].notna())


VESSEL_MEASURES = ["vessel_listing", "port_access_ban"]


def _vessel_counts_match_type(df: pd.DataFrame, _: Frames) -> pd.Series:
    """Vessels are counted only by vessel measures, and a counted vessel listing counts vessels."""
    vessels = (df["unit"] == "vessels").fillna(False)
    stray = vessels & ~df["measure_type"].isin(VESSEL_MEASURES)
    miscounted = (df["measure_type"] == "vessel_listing") & df["quantity"].notna() & ~vessels
    return ~(stray | miscounted)


def _parent_is_not_self(df: pd.DataFrame, _: Frames) -> pd.Series:
    return (df["parent_sector_id"] != df["sector_id"]).fillna(True)


def _looked_up(keys: pd.Series, frame: pd.DataFrame, key: str, columns: list[str]) -> pd.DataFrame:
    """For each of `keys`, the row of `frame` whose `key` it is (empty where none is). A duplicated
    key (reported elsewhere) gives its first row. An Arrow hash lookup: .map() on a million string
    keys took seconds."""
    strings = pa.large_string()
    positions = pc.index_in(pa.array(keys, type=strings), value_set=pa.array(frame[key], type=strings), skip_nulls=True)
    found = frame[columns].reset_index(drop=True).reindex(positions.fill_null(-1).to_numpy())
    found.index = keys.index
    return found


def package_dates(packages: pd.DataFrame) -> pd.Series:
    """The date each package is dated by (see analytics.PACKAGE_DATES)."""
    return packages[list(PACKAGE_DATES)].bfill(axis=1).iloc[:, 0]


def _eu_numbers_contiguous(df: pd.DataFrame, _: Frames) -> pd.Series:
    """EU packages are numbered 1, 2, 3, ... with no gap and no number used twice."""
    eu = df["jurisdiction_id"] == "eu"
    numbers = set(df.loc[eu, "number"].dropna().astype(int))
    gap_before = df["number"].map(lambda n: pd.notna(n) and n > 1 and n - 1 not in numbers)
    reused = df.loc[eu & df["number"].notna()].duplicated("number", keep="first").reindex(df.index, fill_value=False)
    return ~(eu & (gap_before.astype(bool) | reused))


def _effective_not_before_adoption(df: pd.DataFrame, frames: Frames) -> pd.Series:
    adopted = _looked_up(df["package_id"], frames["sanctions_packages"], "package_id", ["adopted_on"])["adopted_on"]
    return ~(df["effective_on"] < adopted).fillna(False)


def _reported_totals_never_decrease(df: pd.DataFrame, frames: Frames) -> pd.Series:
    """Per jurisdiction, sector, measure type and unit, a running total is not below a total of an
    earlier date, nor below its own quantity. Totals of one date are not ordered among themselves,
    and a package with no date cannot be ordered at all, so those are compared with earlier dates only."""
    totals = df.loc[df["reported_total"].notna(), ["package_id", "sector_id", "measure_type", "unit", "reported_total"]]
    package = _looked_up(totals["package_id"], frames["sanctions_packages"], "package_id", ["jurisdiction_id", *PACKAGE_DATES])
    keys = ["jurisdiction", "sector_id", "measure_type", "unit"]
    totals = totals.assign(jurisdiction=package["jurisdiction_id"], date=package_dates(package))
    per_date = totals.groupby([*keys, "date"], observed=True)["reported_total"].max()
    running = per_date.groupby(level=keys, observed=True).cummax()
    earlier = running.groupby(level=keys, observed=True).shift().rename("earlier")
    floor = totals.join(earlier, on=[*keys, "date"])["earlier"].reindex(df.index)
    below_earlier = (df["reported_total"] < floor).fillna(False)
    return ~below_earlier & ~(df["reported_total"] < df["quantity"]).fillna(False)


def _figure_has_both_sides(df: pd.DataFrame, _: Frames) -> pd.Series:
    """An exchange has two sides: each figure of an event is given for at least two parties."""
    parties = df.groupby(["event_id", "figure"], observed=True)["party"].transform("nunique")
    return parties >= 2


def _missing_value_is_explained(df: pd.DataFrame, _: Frames) -> pd.Series:
    return ~(df["value"].isna() & df["notes"].isna())


def _not_said_twice(column: str) -> Test:
    """One actor does not say the same thing twice on one day (same summary, or same quote)."""

    def test(df: pd.DataFrame, _: Frames) -> pd.Series:
        text = df[column].str.lower().str.strip()
        repeated = df.assign(_text=text).duplicated(["actor_id", "made_on", "_text"], keep="first")
        return ~(repeated & text.notna())

    return test


def _statement_within_event(df: pd.DataFrame, frames: Frames) -> pd.Series:
    """A statement tied to an event is made during it or on the day after."""
    event = _looked_up(df["event_id"], frames["events"], "event_id", ["starts_on", "ends_on"])
    starts = event["starts_on"]
    ends = event["ends_on"].fillna(starts) + pd.Timedelta(days=1)
    outside = (df["made_on"] < starts) | (df["made_on"] > ends)
    return ~outside.fillna(False)


# What a spreadsheet or a browser user could be hurt by, checked in every text cell. One RE2 pass
# (pyarrow) finds the bad cells; the reasons are worked out only for those.
HARMFUL_TEXT = r"^[=+\-@]|[\x{00}-\x{1f}\x{7f}]|^\s|\s$"
TEXT_REASONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^[=+\-@]"), "starts with =, +, - or @: a spreadsheet would run it as a formula; reword it"),
    (re.compile(r"[\x00-\x1f\x7f]"), "contains a control character (a line break, tab or other invisible code)"),
    (re.compile(r"^\s|\s$"), "has leading or trailing white space"),
]


def _text_is_safe(column: str) -> Test:
    def test(df: pd.DataFrame, _: Frames) -> pd.Series:
        values = pa.array(df[column])
        harmful = pc.fill_null(pc.match_substring_regex(values, HARMFUL_TEXT), False).to_numpy(zero_copy_only=False)
        # Only non-ASCII text can be other than NFC; normalising just those rows keeps this cheap.
        unusual = pc.invert(pc.fill_null(pc.string_is_ascii(values), True))
        if pc.any(unusual).as_py():
            subset = pc.filter(values, unusual)
            denormal = pc.invert(pc.equal(pc.utf8_normalize(subset, "NFC"), subset))
            harmful[unusual.to_numpy(zero_copy_only=False)] |= denormal.to_numpy(zero_copy_only=False)
        return pd.Series(~harmful, index=df.index)

    return test


def text_reasons(value: str) -> str:
    """Why a text cell was refused, for the few cells that were."""
    reasons = [message for pattern, message in TEXT_REASONS if pattern.search(value)]
    if unicodedata.normalize("NFC", value) != value:
        reasons.append("is not in Unicode NFC form (composed characters)")
    return "; ".join(reasons)


def rules(spec: Spec) -> list[Rule]:
    """Every rule for the package: the fixed ones, then per-column ones generated from the schemas."""
    generated = []
    for table in spec.tables.values():
        for f in table.fields:
            if f.type == "date" and (table.name, f.name) not in FUTURE_DATES_ALLOWED:
                generated.append(Rule(table.name, f.name, f"{{{f.name}}} is in the future", _not_in_future(f.name), (f.name,)))
            if f.type == "string" and not f.constraints.enum:
                reasons = lambda cells, name=f.name: text_reasons(cells[name])  # noqa: E731
                generated.append(Rule(table.name, f.name, reasons, _text_is_safe(f.name), (f.name,), text=True))
        if table.name in CONTENT_KEYED:
            # Same content under a different ID: every column but the key and the notes.
            content = tuple(c for c in table.field_names if c not in (*table.primary_key, "notes"))
            message = "same content as another row under a different ID"
            generated.append(Rule(table.name, table.primary_key[0], message, _no_duplicate(list(content)), content, group=content))
    return FIXED_RULES + generated


# Tables whose rows are facts that must not be recorded twice under two IDs.
CONTENT_KEYED = ("sources", "sanctions_packages", "legal_acts", "measures", "events", "statements")


PACKAGES = "sanctions_packages"
FIXED_RULES: list[Rule] = [
    Rule("events", "ends_on", "ends_on {ends_on} is before starts_on {starts_on}", _not_before("ends_on", "starts_on"), ("ends_on", "starts_on")),
    Rule("measures", "ends_on", "ends_on {ends_on} is before effective_on {effective_on}", _not_before("ends_on", "effective_on"), ("ends_on", "effective_on")),
    Rule("sources", "accessed_on", "accessed_on {accessed_on} is before published_on {published_on}", _not_before("accessed_on", "published_on"), ("accessed_on", "published_on")),
    Rule(PACKAGES, "adopted_on", "adopted_on {adopted_on} is before agreed_on {agreed_on}", _not_before("adopted_on", "agreed_on"), ("adopted_on", "agreed_on")),
    Rule(PACKAGES, "in_force_on", "in_force_on {in_force_on} is before adopted_on {adopted_on}", _not_before("in_force_on", "adopted_on"), ("in_force_on", "adopted_on")),
    Rule(
        PACKAGES, "adopted_on", "an adopted, numbered EU package needs adopted_on, the date of the Council's adoption",
        _adopted_eu_package_has_adoption_date, ("jurisdiction_id", "number", "status", "adopted_on"),
    ),
    Rule(PACKAGES, "adopted_on", "status is adopted but the row has no date at all", _adopted_package_has_a_date, ("status", *PACKAGE_DATES)),
    Rule(PACKAGES, "adopted_on", "status is {status} but adopted_on is filled", _not_adopted_has_no_date, ("status", "adopted_on")),
    Rule(
        "measures", "unit", "quantity {quantity} and unit {unit}: a quantity needs a unit and a unit needs a quantity",
        _both_or_neither("quantity", "unit"), ("quantity", "unit"),
    ),
    Rule(
        "measures", "unit", "unit {unit} with measure_type {measure_type}: vessels are counted only by vessel_listing or port_access_ban measures, always in vessels",
        _vessel_counts_match_type, ("unit", "measure_type", "quantity"),
    ),
    Rule(PACKAGES, "number", "EU package number {number} is used twice or follows a gap in the numbering", _eu_numbers_contiguous, ("jurisdiction_id", "number")),
    Rule(
        "measures", "effective_on", "effective_on {effective_on} is before the adoption of package {package_id}",
        _effective_not_before_adoption, ("package_id", "effective_on", f"{PACKAGES}.package_id", f"{PACKAGES}.adopted_on"),
    ),
    Rule(
        "measures", "reported_total", "reported_total {reported_total} is below quantity {quantity} or below an earlier total of the same jurisdiction, sector, type and unit",
        _reported_totals_never_decrease,
        ("reported_total", "quantity", "package_id", "sector_id", "measure_type", "unit",
         f"{PACKAGES}.package_id", f"{PACKAGES}.jurisdiction_id", *(f"{PACKAGES}.{c}" for c in PACKAGE_DATES)),
    ),
    Rule(
        "event_figures", "party", "figure {figure} of event {event_id} is given for one side only: add a row for the other side (empty value, notes saying why)",
        _figure_has_both_sides, ("event_id", "figure", "party"),
    ),
    Rule("event_figures", "value", "value is empty: notes must say why this side's number is missing", _missing_value_is_explained, ("value", "notes")),
    *[
        Rule("statements", column, f"{{actor_id}} already said this on {{made_on}} (same {column})", _not_said_twice(column),
             ("actor_id", "made_on", column), group=("actor_id", "made_on"))
        for column in ("summary", "quote")
    ],
    Rule("sectors", "parent_sector_id", "a sector cannot be its own parent", _parent_is_not_self, ("parent_sector_id", "sector_id")),
    Rule(
        "statements", "made_on", "made_on {made_on} is outside the dates of event {event_id}",
        _statement_within_event, ("event_id", "made_on", "events.event_id", "events.starts_on", "events.ends_on"),
    ),
]
