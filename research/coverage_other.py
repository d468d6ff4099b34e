"""Coverage rows for the jurisdictions researched for issue 23 (research/<batch>/universe.md says how
each universe was looked for). Run once from the repository root; then `pressure-tracker fmt`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
YEARS = range(2022, 2027)
# jurisdiction: (enumeration, source of the enumeration, notes)
CELLS = {
    "ca": (
        "No official list of amendments came back. Built from McCarthy Tétrault (rounds 1-4, numbered), Baker McKenzie's one post per amendment (2022-2024), the Canada Gazette registrations (SOR numbers) and news reports (research/ca-2022, research/ca-2023-2026). Canada numbers only its first rounds; no page gives the number of amendments.",
        "src-9868",
        "At least 30 decisions in 2022 and 30 in 2023-2026 are known from the pages read; amendments whose content was not visible (SOR/2022-102, -188) and delistings are listed in the batches' universe.md.",
    ),
    "ch": (
        "Rebuilt from the Swiss releases (admin.ch, SECO, FINMA notices): for most EU packages the EAER first adopts the listings and the Federal Council later amends the Ukraine ordinance (SR 946.231.176.72). About 45-50 steps from February 2022 to February 2026 (research/ch-2022-2026).",
        "src-10067",
        "",
    ),
    "jp": (
        "Japan does not number its rounds. Pieced together from the Ministry of Finance list of press releases (February 2023 to March 2024 seen), Ashurst's tracker and news reports: about 30 decision dates (research/jp-asia-2022-2026).",
        "src-10112",
        "",
    ),
    "au": (
        "No DFAT or Federal Register list came back. The Herbert Smith Freehills tracker (via Mondaq) enumerates the 2022 steps; TASS counts 25 Australian sanction announcements since 2014 by June 2023 and more than 30 by February 2025. At least 42 actions from February 2022 are known (research/au-2022-2026).",
        "src-10178",
        "",
    ),
    "nz": (
        "New Zealand numbers its rounds of designations: the 33rd (October 2025) and the 34th (February 2026) are named in the press, but no page lists rounds 2 to 31. With its trade measures and price-cap steps, about 40 actions (research/nz-2022-2026).",
        "src-10243",
        "",
    ),
    "no": (
        "Lovdata's consolidated regulation (FOR-2014-08-15-1076) lists ten amending regulations from 18 March to 28 October 2022 (the stored copy stops there). The government says Norway joined every EU package with few exceptions, so roughly one implementing decision per EU package (research/no-aligned-2022-2026).",
        "src-10269",
        "",
    ),
    "ua": (
        "No list of Ukraine's NSDC sanctions decisions came back (president.gov.ua decrees, rnbo.gov.ua and the sanctions register were not among the pages). The NSDC took several decisions a month from 2023; the only count found is of eight synchronisation packages from June to October 2025 (research/ua-2022-2026).",
        "src-10320",
        "The record holds a sample of the decrees; the true number is much larger.",
    ),
    "li": (
        "Liechtenstein follows each EU package by amending its own ordinance; each government release dates the decision. No list of the releases came back (research/no-aligned-2022-2026).",
        "",
        "",
    ),
    "me": (
        "Only the April 2022 alignment was dated by a page (research/no-aligned-2022-2026).",
        "",
        "",
    ),
    "kr": (
        "No official list. The running count of export-controlled items (57, 798, 1,159, 1,402) marks five export-control steps to mid-2024; listings of December 2024 are known but not dated by a page (research/jp-asia-2022-2026).",
        "",
        "",
    ),
    "tw": (
        "CNA (January 2026) says Taiwan had expanded its list of goods controlled for Russia and Belarus six times; four are dated by a page (research/jp-asia-2022-2026).",
        "",
        "",
    ),
    "sg": (
        "Singapore's own sanctions of March 2022 are its only action against Russia found (research/jp-asia-2022-2026).",
        "",
        "",
    ),
}
# Cells whose universe a page counts: (jurisdiction, year) -> (known, note)
KNOWN = {
    ("no", 2022): (
        9,
        "At least 9: the eight days of the ten amending regulations Lovdata lists to 28 October 2022, and the December price cap.",
    ),
}


def main() -> None:
    path = ROOT / "data" / "coverage.csv"
    coverage = pd.read_csv(path, dtype=str, keep_default_na=False)
    coverage = coverage[~coverage["jurisdiction_id"].isin(CELLS)]
    rows = []
    for jurisdiction, (enumeration, source_id, notes) in CELLS.items():
        for year in YEARS:
            known, note = KNOWN.get((jurisdiction, year), ("", notes))
            rows.append(
                {
                    "jurisdiction_id": jurisdiction,
                    "scope": "all_actions",
                    "year": str(year),
                    "known": str(known),
                    "completeness": "partial",
                    "enumeration": enumeration,
                    "source_id": source_id,
                    "notes": note,
                }
            )
    pd.concat([coverage, pd.DataFrame(rows)]).to_csv(path, index=False, lineterminator="\n")


if __name__ == "__main__":
    main()
