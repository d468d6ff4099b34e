"""Benchmark: validation, loading and querying at 10k-1M rows, against the peer tools, same run.

    python scripts/bench.py                      # 10k, 100k and 1M rows, 3 runs each (7 rounds for the ratio to the floor)
    python scripts/bench.py --sizes 10000 --runs 1 --rounds 1 --output /tmp/bench.md

Each measurement runs in its own process; wall time and peak memory (max RSS) are those of that
process. Sizes are rows in each fact table (statements, measures, events); the other tables scale
with them (see scripts/synthetic.py). Results go to stdout and to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import itertools

from synthetic import inject_errors, make_package

PYTHON = sys.executable
BIN = Path(sys.executable).parent
TIME = shutil.which("time") or "/usr/bin/time"  # GNU time (Debian package `time`)

QUERIES = [
    "SELECT actor_id, count(*) AS n FROM statements GROUP BY actor_id ORDER BY n DESC LIMIT 10",
    "SELECT p.jurisdiction_id, date_trunc('month', p.adopted_on) AS month, count(*) AS measures, sum(m.quantity) AS quantity "
    "FROM measures m JOIN sanctions_packages p USING (package_id) GROUP BY ALL ORDER BY ALL",
    "SELECT e.event_type, count(*) AS statements FROM statements s JOIN events e USING (event_id) "
    "WHERE s.made_on BETWEEN e.starts_on AND e.ends_on + 1 GROUP BY ALL ORDER BY ALL",
]

LOAD = "import pressure_tracker as pt, sys; frames = pt.load_all(package=sys.argv[1]); print(sum(len(f) for f in frames.values()))"
READ_CSV = """
import sys, pandas as pd
from pressure_tracker.schema.spec import Spec
from pressure_tracker.validation.frames import pandas_dtypes
spec = Spec(sys.argv[1]); rows = 0
for name, table in spec.tables.items():
    dtypes = pandas_dtypes(spec.tables[name])
    dates = [f.name for f in table.fields if f.type == "date"]
    frame = pd.read_csv(f"{sys.argv[1]}/data/{name}.csv", dtype={c: t for c, t in dtypes.items() if c not in dates},
                        parse_dates=dates, date_format="%Y-%m-%d", keep_default_na=False, na_values=[""])
    rows += len(frame)
print(rows)
"""
CONNECT = "import pressure_tracker as pt, sys, json; con = pt.connect(package=sys.argv[1]); [con.execute(q).fetchall() for q in json.loads(sys.argv[2])]"
DUCKDB = """
import duckdb, sys, json, glob, os
con = duckdb.connect()
for path in sorted(glob.glob(sys.argv[1] + "/data/*.csv")):
    con.execute(f"CREATE VIEW {os.path.basename(path)[:-4]} AS SELECT * FROM read_csv('{path}')")
[con.execute(q).fetchall() for q in json.loads(sys.argv[2])]
"""
EXACT = "import sys; from pressure_tracker.validation.run import validate; sys.exit(1 if validate(sys.argv[1], screen=False) else 0)"
EVERY_CELL = """
import duckdb, sys, glob
con = duckdb.connect()
total = 0
for p in sorted(glob.glob(sys.argv[1] + "/data/*.csv")):
    names = [row[0] for row in con.execute(f"DESCRIBE SELECT * FROM read_csv('{p}', all_varchar = true)").fetchall()]
    touched = " OR ".join(f'"{n}" IS NULL' for n in names)
    total += con.execute(f"SELECT count(*) FILTER ({touched}) FROM read_csv('{p}', all_varchar = true)").fetchall()[0][0]
print(total)
"""
POLARS_EVERY_CELL = """
import polars as pl, sys, glob
touched = pl.any_horizontal(pl.all().is_null()).sum()
print(sum(pl.scan_csv(p, infer_schema=False).select(touched).collect().item() for p in sorted(glob.glob(sys.argv[1] + "/data/*.csv"))))
"""
FLOOR = """
import duckdb, sys, glob
con = duckdb.connect()
print(sum(con.execute(f"SELECT count(*) FROM read_csv('{p}')").fetchone()[0] for p in sorted(glob.glob(sys.argv[1] + "/data/*.csv"))))
"""


@dataclass
class Run:
    seconds: float
    peak_mb: float
    returncode: int
    stdout: str


def measure(command: list[str], cwd: Path | None = None) -> Run:
    """Wall time and peak RSS of one command. GNU time reports the peak: a child forked from this
    (large) benchmark process would otherwise count this process's memory as its own."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        start = time.perf_counter()
        process = subprocess.run(
            [TIME, "-f", "%M", "-o", rss.name, *command], capture_output=True, text=True, cwd=cwd
        )
        seconds = time.perf_counter() - start
        peak_kb = int(rss.read().strip().splitlines()[-1])
    return Run(seconds, peak_kb / 1024, process.returncode, process.stdout)


def median_of(command: list[str], runs: int, cwd: Path | None = None) -> tuple[float, float, Run]:
    return _summary([measure(command, cwd) for _ in range(runs)])


def medians_in_turn(commands: list[list[str]], runs: int) -> list[tuple[float, float, Run]]:
    """`median_of` for commands run in turn, round by round: a slow spell of the shared machine
    weighs on each of them alike, so the ratios between them hold."""
    rounds = [[measure(command) for command in commands] for _ in range(runs)]
    return [_summary([results[i] for results in rounds]) for i in range(len(commands))]


def _summary(results: list[Run]) -> tuple[float, float, Run]:
    return (
        statistics.median(r.seconds for r in results),
        max(r.peak_mb for r in results),
        results[-1],
    )


def write_descriptor(root: Path) -> None:
    from pressure_tracker.publish.descriptor import descriptor_text

    (root / "datapackage.json").write_text(descriptor_text(root), encoding="utf-8")


def bench_size(rows: int, runs: int, rounds: int, work: Path, frictionless_runs: int) -> list[dict]:
    clean, broken = work / f"clean-{rows}", work / f"errors-{rows}"
    make_package(clean, rows)
    write_descriptor(clean)
    shutil.rmtree(broken, ignore_errors=True)
    shutil.copytree(clean, broken)
    injected = inject_errors(broken, per_kind=max(1, min(30, rows // 400)))
    csv_mb = sum(p.stat().st_size for p in (clean / "data").glob("*.csv")) / 2**20
    cli = str(BIN / "pressure-tracker")
    queries = json.dumps(QUERIES)
    out = []

    def row(
        step: str,
        seconds: float,
        peak: float,
        peer: str = "",
        peer_seconds: float | None = None,
        note: str = "",
    ) -> None:
        ratio = f"{seconds / peer_seconds:.2f}" if peer_seconds else ""
        out.append(
            {
                "rows": rows,
                "step": step,
                "seconds": seconds,
                "peak_mb": peak,
                "peer": peer,
                "ratio": ratio,
                "note": note,
                "csv_mb": csv_mb,
            }
        )

    floor, every_cell, polars_every_cell, validate = medians_in_turn(
        [
            [PYTHON, "-c", FLOOR, str(clean)],
            [PYTHON, "-c", EVERY_CELL, str(clean)],
            [PYTHON, "-c", POLARS_EVERY_CELL, str(clean)],
            [cli, "validate", str(clean)],
        ],
        rounds,
    )
    assert validate[2].returncode == 0, f"clean package at {rows} rows did not validate"
    exact = median_of([PYTHON, "-c", EXACT, str(clean)], runs)
    assert exact[2].returncode == 0, (
        f"clean package at {rows} rows did not validate on the exact path"
    )
    with_errors = median_of([cli, "validate", str(broken), "--format", "json"], runs)
    found = {(p["file"], p["line"], p["column"]) for p in json.loads(with_errors[2].stdout)}
    hit = sum((i.file, i.line, i.column) in found for i in injected)
    frictionless = (
        median_of(
            [str(BIN / "frictionless"), "validate", "datapackage.json"],
            frictionless_runs,
            cwd=clean,
        )
        if frictionless_runs
        else None
    )

    row("DuckDB count(*) of every file (floor)", *floor[:2])
    row("DuckDB touching every cell as text (reference)", *every_cell[:2], "floor", floor[0])
    row(
        "polars touching every cell as text (reference: what the screen reads with)",
        *polars_every_cell[:2],
        "floor",
        floor[0],
    )
    row(
        "pressure-tracker validate",
        *validate[:2],
        "floor",
        floor[0],
        f"peak memory {validate[1] / csv_mb:.1f}x the CSV size",
    )
    row(
        "validate, exact path alone (no screen)",
        *exact[:2],
        "floor",
        floor[0],
        f"{exact[0] / validate[0]:.1f}x the time of validate",
    )
    if frictionless:
        row(
            "frictionless validate datapackage.json",
            *frictionless[:2],
            "",
            None,
            f"{frictionless_runs} run(s)",
        )
        out[-3]["note"] += f"; {frictionless[0] / validate[0]:.1f}x faster than frictionless"
    row(
        "pressure-tracker validate, injected errors",
        *with_errors[:2],
        "floor",
        floor[0],
        f"found {hit} of {len(injected)} injected errors ({hit / len(injected):.0%})",
    )
    read_csv = median_of([PYTHON, "-c", READ_CSV, str(clean)], runs)
    load = median_of([PYTHON, "-c", LOAD, str(clean)], runs)
    row("pandas.read_csv, same dtypes", *read_csv[:2])
    row("load_all()", *load[:2], "pandas.read_csv", read_csv[0])
    duck = median_of([PYTHON, "-c", DUCKDB, str(clean), queries], runs)
    connect = median_of([PYTHON, "-c", CONNECT, str(clean), queries], runs)
    row("DuckDB read_csv + 3 queries", *duck[:2])
    row("connect() + 3 queries", *connect[:2], "DuckDB read_csv", duck[0])
    return out


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import duckdb
    import pandas
    import pandera
    import polars
    import pyarrow

    versions = f"Python {platform.python_version()}, pandas {pandas.__version__}, pyarrow {pyarrow.__version__}, pandera {pandera.__version__}, polars {polars.__version__}, duckdb {duckdb.__version__}"
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB memory, {platform.system()} {platform.release()}; {versions}"


def imports(runs: int) -> tuple[float, float]:
    bare = median_of([PYTHON, "-c", "pass"], runs)[0]
    package = median_of([PYTHON, "-c", "import pressure_tracker"], runs)[0]
    return package, bare


def report(
    rows: list[dict],
    import_times: tuple[float, float],
    real_validate: float,
    runs: int,
    rounds: int,
) -> str:
    lines = [
        "# Benchmarks",
        "",
        f"Generated by `python scripts/bench.py` on {time.strftime('%Y-%m-%d')}. Machine: {machine()}.",
        f"Medians of {runs} runs per step, each run its own process; peak memory is that process's max RSS.",
        f"The floor, the two references and validate run in turn, {rounds} rounds, so that a slow spell of the shared machine weighs on all four alike"
        " (their ratio is the target: short runs, so more of them).",
        "Ratio = this step's time divided by the peer's time measured in the same run (lower is better).",
        "",
        "| rows per fact table | CSV size | step | wall s | peak MB | ratio | vs | note |",
        "| ---: | ---: | --- | ---: | ---: | ---: | --- | --- |",
    ]
    for r in rows:
        lines.append(
            f"| {r['rows']:,} | {r['csv_mb']:.0f} MB | {r['step']} | {r['seconds']:.2f} | {r['peak_mb']:.0f} | {r['ratio']} | {r['peer']} | {r['note']} |"
        )
    lines += growth(rows)
    package, bare = import_times
    lines += [
        "",
        f"`import pressure_tracker`: {package:.3f} s wall for the whole process, of which {bare:.3f} s is the interpreter starting (`python -c pass`).",
        f"`pressure-tracker validate` on the real data (release data/): {real_validate:.2f} s wall.",
        "",
    ]
    return "\n".join(lines)


def growth(rows: list[dict]) -> list[str]:
    """How each step's time grows with the rows: linear cost grows 10x from one size to the next."""
    sizes = sorted({r["rows"] for r in rows})
    if len(sizes) < 2:
        return []
    lines = [
        "",
        "Growth: wall time at each size, and the factor from one size to the next (10x the rows).",
        "",
        "| step | " + " | ".join(f"{n:,}" for n in sizes) + " | factors |",
        "| --- |" + " ---: |" * (len(sizes) + 1),
    ]
    for step in dict.fromkeys(r["step"] for r in rows):
        times = {r["rows"]: r["seconds"] for r in rows if r["step"] == step}
        if len(times) < 2:
            continue
        shown = [times.get(n) for n in sizes]
        factors = [f"{b / a:.1f}" for a, b in itertools.pairwise(shown) if a and b]
        lines.append(
            f"| {step} | "
            + " | ".join(f"{t:.2f}" if t else "" for t in shown)
            + f" | {', '.join(factors)} |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--rounds",
        type=int,
        default=7,
        help="rounds of the floor, the references and validate, run in turn",
    )
    parser.add_argument(
        "--frictionless-runs",
        type=int,
        default=1,
        help="frictionless is slow: runs per size (0 skips it)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=None,
        help="where to write the synthetic packages (default: a temporary folder)",
    )
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="pressure-tracker-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in args.sizes:
        rows += bench_size(size, args.runs, args.rounds, work, args.frictionless_runs)
        print(report(rows, (0, 0), 0, args.runs, args.rounds).split("\n", 5)[-1], flush=True)
    real = median_of(
        [str(BIN / "pressure-tracker"), "validate", str(Path(__file__).resolve().parents[1])],
        args.runs,
    )[0]
    text = report(rows, imports(args.runs), real, args.runs, args.rounds)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
