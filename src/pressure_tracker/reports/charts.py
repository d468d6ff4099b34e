"""`charts`: the figures the README shows, as PNG and SVG, from the typed tables (matplotlib)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from pressure_tracker.reports.coverage import package_dates

WIDTH, HEIGHT = 10, 5.2  # inches: readable at README width (about 900 px at 90 dpi)
PNG_DPI = 110
JURISDICTION_ORDER = ["eu", "us", "gb", "ca", "jp", "ch", "au", "no", "nz", "ua", "g7"]


def _ordered(jurisdictions: set[str]) -> list[str]:
    """The main sanctioning jurisdictions in a fixed order, then any other in alphabetical order."""
    known = [j for j in JURISDICTION_ORDER if j in jurisdictions]
    return known + sorted(jurisdictions - set(JURISDICTION_ORDER))


def _footer(fig, version: str) -> None:
    fig.text(
        0.01,
        0.01,
        f"Sanctions & Pressure Tracker, data version {version}. Data CC-BY-4.0; every row cites its source.",
        fontsize=8,
        color="#555555",
    )


def _package_dates(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Packages with the date each is dated by (its `dated_by` column)."""
    packages = frames["sanctions_packages"]
    return packages.assign(date=package_dates(packages)).dropna(subset=["date"])


def timeline(ax, frames: dict[str, pd.DataFrame]) -> None:
    packages = _package_dates(frames)
    order = _ordered(set(packages["jurisdiction_id"].astype(str)))
    rows = {j: i for i, j in enumerate(reversed(order))}
    for j, group in packages.groupby("jurisdiction_id", observed=True):
        ax.scatter(group["date"], [rows[str(j)]] * len(group), s=160, marker="|", linewidths=2.5)
    events = frames["events"]
    talks = events[events["event_type"].isin(["negotiation_round", "leader_meeting"])]
    top = len(order)
    ax.scatter(talks["starts_on"], [top] * len(talks), s=30, marker="D", color="#b2182b")
    ax.set_yticks(
        [*list(rows.values()), top], [j.upper() for j in rows] + ["talks & leader meetings"]
    )
    ax.set_title("Sanctions packages by jurisdiction, with direct talks and leader meetings")
    ax.grid(axis="x", alpha=0.3)


def vessels(ax, frames: dict[str, pd.DataFrame]) -> None:
    packages = _package_dates(frames)[["package_id", "jurisdiction_id", "date"]]
    listed = frames["measures"].query("unit == 'vessels'").merge(packages, on="package_id")
    for j, group in listed.groupby("jurisdiction_id", observed=True):
        series = group.groupby("date")["quantity"].sum().sort_index().cumsum()
        ax.step(
            series.index,
            series.values,
            where="post",
            label=str(j).upper(),
            linewidth=2,
            marker="o",
            markersize=3,
        )
        ax.annotate(
            f"{_bound_mark(group)}{int(series.iloc[-1])}",
            (series.index[-1], series.iloc[-1]),
            textcoords="offset points",
            xytext=(4, 0),
            fontsize=8,
        )
    ax.set_title("Shadow-fleet and other vessels listed, cumulative, by jurisdiction")
    ax.set_ylabel("vessels (sum of listings per package; ≥ or ~: the sum adds bounds)")
    ax.legend(loc="upper left", ncols=2, fontsize=8)
    ax.grid(alpha=0.3)


def _bound_mark(listings: pd.DataFrame) -> str:
    """How exact a sum of counts is: "≥" when it adds lower bounds ("more than 40"), "~" when it adds
    upper bounds or approximations, nothing when every count is exact."""
    if "quantity_qualifier" not in listings:
        return ""
    kinds = set(listings["quantity_qualifier"].dropna().astype(str)) - {"exact"}
    if not kinds:
        return ""
    return "≥" if kinds == {"at_least"} else "~"


def heatmap(ax, frames: dict[str, pd.DataFrame]) -> None:
    counts = frames["measures"].merge(
        frames["sanctions_packages"][["package_id", "jurisdiction_id"]], on="package_id"
    )
    table = pd.crosstab(counts["sector_id"], counts["jurisdiction_id"])
    table = table.loc[
        table.sum(axis=1).sort_values(ascending=False).index,
        _ordered({str(c) for c in table.columns}),
    ]
    image = ax.imshow(table.values, aspect="auto", cmap="Blues")
    ax.set_xticks(range(len(table.columns)), [j.upper() for j in table.columns])
    ax.set_yticks(range(len(table.index)), table.index, fontsize=7)
    for (i, k), value in pd.DataFrame(table.values).stack().items():  # type: ignore[misc]
        if value:
            ax.text(
                k,
                i,
                str(value),
                ha="center",
                va="center",
                fontsize=6,
                color="white" if value > table.values.max() / 2 else "black",
                in_layout=False,  # inside its cell, so inside the axes: the layout need not measure it
            )
    ax.figure.colorbar(image, ax=ax, label="measures")
    ax.set_title("Measures by sector and jurisdiction")


def statements(ax, frames: dict[str, pd.DataFrame]) -> None:
    data = frames["statements"].assign(
        month=lambda d: d["made_on"].dt.to_period("M").dt.to_timestamp()
    )
    table = pd.crosstab(data["month"], data["topic"].astype(str))
    bottom = pd.Series(0, index=table.index)
    for topic in table.columns:
        ax.bar(table.index, table[topic], bottom=bottom, width=25, label=topic)
        bottom += table[topic]
    ax.set_title("Statements per month, by topic")
    ax.set_ylabel("statements")
    ax.legend(fontsize=7, ncols=3, loc="upper left")
    ax.grid(axis="y", alpha=0.3)


CHARTS: dict[str, tuple[Callable, tuple[float, float]]] = {
    "packages-timeline": (timeline, (WIDTH, HEIGHT)),
    "shadow-fleet-vessels": (vessels, (WIDTH, HEIGHT)),
    "sector-jurisdiction-heatmap": (heatmap, (WIDTH, 8.0)),
    "statements-per-month": (statements, (WIDTH, HEIGHT)),
}


def draw_all(frames: dict[str, pd.DataFrame], version: str, output: Path) -> list[Path]:
    """Draw every chart of the package's typed tables into `output` as PNG and SVG, with `version`
    (as the package is cited) in each footer; returns the files."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "pressure-tracker"  # stable element ids in the SVG
    output.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (draw, size) in CHARTS.items():
        fig, ax = plt.subplots(figsize=size, layout="constrained")
        draw(ax, frames)
        fig.get_layout_engine().set(rect=(0, 0.04, 1, 0.96))  # type: ignore[union-attr, call-arg]
        _footer(fig, version)
        fig.savefig(output / f"{name}.png", dpi=PNG_DPI, metadata={"Software": None})
        fig.savefig(output / f"{name}.svg", metadata={"Date": None, "Creator": None})
        plt.close(fig)
        written += [output / f"{name}.png", output / f"{name}.svg"]
    return written
