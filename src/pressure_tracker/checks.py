"""Rules that a Table Schema cannot state: across columns of a row, and across tables.

Each rule names the table and column a failing row is reported under, a message template filled
from the failing row, and a test returning True for every row that is fine. `validate` runs them
as pandera checks, so the contract lives in one place.
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
    needs: tuple[str, ...] = ()  # other tables the test reads

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


def _no_duplicate_under_other_id(key: str) -> Test:
    def test(df: pd.DataFrame, _: Frames) -> pd.Series:
        others = [c for c in df.columns if c not in (key, "notes")]
        return ~df.duplicated(subset=others, keep="first")

    return test


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


def _lookup(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """`frame` indexed by `key` for .map(); a duplicated key (reported elsewhere) keeps its first row."""
    return frame.dropna(subset=[key]).drop_duplicates(key).set_index(key)


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
    adopted = df["package_id"].map(_lookup(frames["sanctions_packages"], "package_id")["adopted_on"])
    return ~(df["effective_on"] < adopted).fillna(False)


def _reported_totals_never_decrease(df: pd.DataFrame, frames: Frames) -> pd.Series:
    """Per jurisdiction, sector, measure type and unit, running totals grow from package to package."""
    packages = _lookup(frames["sanctions_packages"], "package_id")
    totals = df[df["reported_total"].notna()].assign(
        jurisdiction=lambda d: d["package_id"].map(packages["jurisdiction_id"]),
        date=lambda d: d["package_id"].map(package_dates(packages)),
    )
    ok = pd.Series(True, index=df.index)
    for _, group in totals.sort_values("date").groupby(["jurisdiction", "sector_id", "measure_type", "unit"], observed=True):
        ok[group.index] = group["reported_total"] >= group["reported_total"].cummax()
    return ok & ~(df["reported_total"] < df["quantity"]).fillna(False)


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
    events = _lookup(frames["events"], "event_id")
    starts = df["event_id"].map(events["starts_on"])
    ends = df["event_id"].map(events["ends_on"].fillna(events["starts_on"])) + pd.Timedelta(days=1)
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
                generated.append(Rule(table.name, f.name, f"{{{f.name}}} is in the future", _not_in_future(f.name)))
            if f.type == "string" and not f.constraints.enum:
                generated.append(Rule(table.name, f.name, lambda cells, name=f.name: text_reasons(cells[name]), _text_is_safe(f.name)))
    return FIXED_RULES + generated


FIXED_RULES: list[Rule] = [
    Rule("events", "ends_on", "ends_on {ends_on} is before starts_on {starts_on}", _not_before("ends_on", "starts_on")),
    Rule("measures", "ends_on", "ends_on {ends_on} is before effective_on {effective_on}", _not_before("ends_on", "effective_on")),
    Rule("sources", "accessed_on", "accessed_on {accessed_on} is before published_on {published_on}", _not_before("accessed_on", "published_on")),
    Rule("sanctions_packages", "adopted_on", "adopted_on {adopted_on} is before agreed_on {agreed_on}", _not_before("adopted_on", "agreed_on")),
    Rule("sanctions_packages", "in_force_on", "in_force_on {in_force_on} is before adopted_on {adopted_on}", _not_before("in_force_on", "adopted_on")),
    Rule("sanctions_packages", "adopted_on", "an adopted, numbered EU package needs adopted_on, the date of the Council's adoption", _adopted_eu_package_has_adoption_date),
    Rule("sanctions_packages", "adopted_on", "status is adopted but the row has no date at all", _adopted_package_has_a_date),
    Rule("sanctions_packages", "adopted_on", "status is {status} but adopted_on is filled", _not_adopted_has_no_date),
    Rule("measures", "unit", "quantity {quantity} and unit {unit}: a quantity needs a unit and a unit needs a quantity", _both_or_neither("quantity", "unit")),
    Rule("measures", "unit", "unit {unit} with measure_type {measure_type}: vessels are counted only by vessel_listing or port_access_ban measures, always in vessels", _vessel_counts_match_type),
    Rule("sanctions_packages", "number", "EU package number {number} is used twice or follows a gap in the numbering", _eu_numbers_contiguous),
    Rule("measures", "effective_on", "effective_on {effective_on} is before the adoption of package {package_id}", _effective_not_before_adoption, needs=("sanctions_packages",)),
    Rule("measures", "reported_total", "reported_total {reported_total} is below quantity {quantity} or below an earlier total of the same jurisdiction, sector, type and unit", _reported_totals_never_decrease, needs=("sanctions_packages",)),
    Rule("event_figures", "party", "figure {figure} of event {event_id} is given for one side only: add a row for the other side (empty value, notes saying why)", _figure_has_both_sides),
    Rule("event_figures", "value", "value is empty: notes must say why this side's number is missing", _missing_value_is_explained),
    Rule("statements", "summary", "{actor_id} already said this on {made_on} (same summary)", _not_said_twice("summary")),
    Rule("statements", "quote", "{actor_id} already said this on {made_on} (same quote)", _not_said_twice("quote")),
    Rule("sectors", "parent_sector_id", "a sector cannot be its own parent", _parent_is_not_self),
    Rule("statements", "made_on", "made_on {made_on} is outside the dates of event {event_id}", _statement_within_event, needs=("events",)),
    *[
        Rule(table, key, "same content as another row under a different ID", _no_duplicate_under_other_id(key))
        for table, key in [
            ("sources", "source_id"),
            ("sanctions_packages", "package_id"),
            ("legal_acts", "act_id"),
            ("measures", "measure_id"),
            ("events", "event_id"),
            ("statements", "statement_id"),
        ]
    ],
]
