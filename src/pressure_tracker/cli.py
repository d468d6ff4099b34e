"""The `pressure-tracker` command: one command, a subcommand per job."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

from .paths import PackageNotFound, package_root
from .problems import Problem

app = typer.Typer(help="Sanctions & Pressure Tracker: validate, build and query the data package.", no_args_is_help=True)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

PACKAGE = typer.Argument(Path("."), help="Package directory or its datapackage.json (default: the current directory).")


class Format(str, Enum):
    text = "text"
    json = "json"


def _root(path: Path) -> Path:
    try:
        return package_root(path)
    except PackageNotFound as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(2) from None


def _report(problems: list[Problem], fmt: Format) -> None:
    if fmt is Format.json:
        out.print(json.dumps([p.as_dict() for p in problems], indent=2, ensure_ascii=False), markup=False)
        return
    for problem in problems:
        out.print(str(problem), markup=False)
    if problems:
        err.print(f"{len(problems)} problem(s) found.")


@app.command()
def validate(path: Path = PACKAGE, format: Format = typer.Option(Format.text, "--format", help="text or json")) -> None:
    """Check every table against its schema, the foreign keys and the rules; exit 1 on any problem."""
    from .validate import validate as run

    problems = run(_root(path))
    _report(problems, format)
    if problems:
        raise typer.Exit(1)
    if format is Format.text:
        err.print("valid: no problems found.")


@app.command()
def build(path: Path = PACKAGE) -> None:
    """Validate, then write datapackage.json; writes nothing when the data has problems."""
    from .build import build as run
    from .validate import validate as check

    root = _root(path)
    problems = check(root)
    if problems:
        _report(problems, Format.text)
        err.print("build stopped: nothing was written.")
        raise typer.Exit(1)
    for written in run(root):
        err.print(f"wrote {written.relative_to(root)}")


@app.command()
def stats(path: Path = PACKAGE) -> None:
    """Row counts, packages per jurisdiction and year, measures per sector, and source url coverage."""
    from rich.table import Table

    from .stats import collect
    from .validate import validate as check

    root = _root(path)
    problems = check(root)
    if problems:  # counts over broken data would mislead; say what is wrong instead
        _report(problems, Format.text)
        raise typer.Exit(1)
    for title, (columns, rows) in collect(root).items():
        table = Table(title=title, title_justify="left")
        for column in columns:
            table.add_column(column, justify="left" if column in ("table", "jurisdiction", "sector") else "right")
        for row in rows:
            table.add_row(*(str(v) for v in row))
        out.print(table)


if __name__ == "__main__":
    app()
