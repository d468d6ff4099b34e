"""Coverage rows for the events of issue 24: Ukraine's prisoner exchanges and repatriations of
bodies, and the leader calls with Russia and with Ukraine whose universe a page counts
(research/ex-2022-2023, ex-2024-2026 and calls-2022-2026 say how each was looked for). Run from
the repository root; then `pressure-tracker fmt` and `validate`. Replaces the rows of its scopes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
YEARS = range(2022, 2027)
EXCHANGES = (
    "Ukraine numbers its exchanges of prisoners (the Coordination Headquarters' count; repatriations "
    "of bodies are not counted). Ombudsman Lubinets: the 48th exchange took place on 7 August 2023, "
    "and the next (the 49th) on 3 January 2024, so 48 exchanges in 2022 and 2023 together; 28 by 27 "
    "October 2022. The count is not split by year for 2022 and 2023 (research/ex-2022-2023)."
)
# (scope, jurisdiction, year) -> (known, completeness, enumeration, source_id, notes)
CELLS: dict[tuple[str, str, int], tuple[str, str, str, str, str]] = {
    ("prisoner_exchanges", "ua", 2022): ("", "partial", EXCHANGES, "src-10368", ""),
    ("prisoner_exchanges", "ua", 2023): ("", "partial", EXCHANGES, "src-10368", ""),
    ("prisoner_exchanges", "ua", 2024): (
        "11",
        "complete",
        "The Coordination Headquarters called the exchange of 30 December 2024 the eleventh of 2024 "
        "and the 59th in all (Delo.ua; also expres.online). The eleven are held (research/ex-2024-2026).",
        "src-10510",
        "Delo.ua: \"цей обмін став одинадцятим за рахунком у 2024 році та 59 взагалі\" (this exchange "
        "was the eleventh of 2024 and the 59th in all).",
    ),
    ("prisoner_exchanges", "ua", 2025): (
        "",
        "partial",
        "Interfax-Ukraine (20 January 2026) quotes the Coordination Headquarters: ten exchanges in 2025, "
        "the exchange agreed at the first Istanbul talks carried out in three stages, and ten stages of "
        "the exchange agreed at the second. Whether the ten include the staged ones is not said, so the "
        "number of events is not known (research/ex-2024-2026).",
        "",
        "https://interfax.com.ua/news/general/1137925.html; the tenth stage of the second Istanbul "
        "exchange is not identified.",
    ),
    ("prisoner_exchanges", "ua", 2026): (
        "",
        "partial",
        "The 71st exchange took place on 5 February 2026 and the 72nd began on 5 March 2026; Glavcom "
        "(11 March 2026) counts more than 70 in four years. The pages reach March 2026 "
        "(research/ex-2024-2026).",
        "",
        "https://glavcom.ua/country/incidents/zvilnennja-vijskovopolonenikh-budanov-pidbiv-pidsumki-"
        "chotirokh-rokiv-roboti-koordinatsijnoho-shtabu--1107571.html",
    ),
    ("leader_calls_with_russia", "us", 2025): (
        "10",
        "complete",
        "WION calls the Trump-Putin call of 28 December 2025 the ninth since Trump's second term began, "
        "and the Kyiv Independent calls the call of 29 December the second in two days: ten calls in "
        "2025, all held (research/calls-2022-2026).",
        "src-9743",
        "WION: \"It was the ninth phone call between the two leaders since the start of Trump’s second "
        "term.\" The Kyiv Independent (src-10520): \"This was the second call between Trump and Putin "
        "in two days.\" Kremlin aide Ushakov called the call of 16 October the eighth of the year "
        "(realtribune.ru).",
    ),
}
NO_LIST = {
    "body_repatriations": (
        "ua",
        "No page enumerates the repatriations of bodies; running totals of bodies returned are "
        "given instead (research/ex-2022-2023, ex-2024-2026).",
    ),
    "leader_calls_with_russia": (
        "us",
        "No page counts the US president's calls with Russia's president in this year "
        "(research/calls-2022-2026).",
    ),
    "leader_calls_with_ukraine": (
        "us",
        "No page counts the US president's calls with Ukraine's president "
        "(research/calls-2022-2026).",
    ),
}


def main() -> None:
    path = ROOT / "data" / "coverage.csv"
    coverage = pd.read_csv(path, dtype=str, keep_default_na=False)
    scopes = {"prisoner_exchanges", *NO_LIST}
    coverage = coverage[~coverage["scope"].isin(scopes)]
    rows = []
    for scope in sorted(scopes):
        for year in YEARS:
            jurisdiction = "ua" if scope == "prisoner_exchanges" else NO_LIST[scope][0]
            default = ("", "partial", NO_LIST.get(scope, ("", ""))[1], "", "")
            known, completeness, enumeration, source_id, notes = CELLS.get(
                (scope, jurisdiction, year), default
            )
            rows.append(
                {
                    "jurisdiction_id": jurisdiction,
                    "scope": scope,
                    "year": str(year),
                    "known": known,
                    "completeness": completeness,
                    "enumeration": enumeration,
                    "source_id": source_id,
                    "notes": notes,
                }
            )
    pd.concat([coverage, pd.DataFrame(rows)]).to_csv(path, index=False, lineterminator="\n")


if __name__ == "__main__":
    main()
