"""The README is executed: its Python examples run as doctests, its shell examples run as commands,
its figures are what `build` writes from the data, and its links lead to files that exist."""

from __future__ import annotations

import doctest
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import pressure_tracker as pt
from pressure_tracker.reports.readme import BEGIN, END, coverage_block
from pressure_tracker.schema.spec import Spec

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
CLI = str(Path(sys.executable).parent / "pressure-tracker")


def _console_examples() -> list[tuple[str, list[str]]]:
    """Each `$ command` of the console blocks with the lines shown after it."""
    examples: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                examples.append((line[2:], []))
            elif examples:
                examples[-1][1].append(line)
    return examples


def test_the_first_commands_are_the_two_make_targets() -> None:
    first = re.search(r"```sh\n(.*?)```", README, flags=re.S)
    assert first is not None
    commands = [line.split("#")[0].strip() for line in first.group(1).splitlines()]
    assert commands == ["make build", "make test"]


def test_the_readme_is_short() -> None:
    assert len(README.splitlines()) <= 210


def test_the_figures_are_what_build_writes() -> None:
    block = README[README.index(BEGIN) : README.index(END) + len(END)]
    assert block == coverage_block(Spec(REPO), pt.load_all(REPO)), (
        "README figures are stale: run `make build`"
    )


def test_the_python_examples_run() -> None:
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.S)  # the fence is no output
    parser = doctest.DocTestParser()
    test = parser.get_doctest("\n".join(blocks), {}, "README.md", str(REPO / "README.md"), 0)
    assert len(test.examples) >= 5
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0, (
        f"{runner.failures} README example(s) failed (see the output above)"
    )


@pytest.mark.parametrize(
    ("command", "shown"), _console_examples(), ids=[c for c, _ in _console_examples()]
)
def test_the_shell_examples_print_what_they_show(command: str, shown: list[str]) -> None:
    argv = shlex.split(command)
    assert argv[0] == "pressure-tracker"
    run = subprocess.run([CLI, *argv[1:]], cwd=REPO, capture_output=True, text=True, timeout=300)
    printed = [
        line for line in (run.stdout + run.stderr).splitlines() if not line.startswith("using ")
    ]
    assert run.returncode == 0, run.stderr
    assert printed == shown


@pytest.mark.parametrize(
    "document",
    ["README.md", "CONTRIBUTING.md", *sorted(p.name for p in (REPO / "docs").glob("*.md"))],
)
def test_no_relative_link_points_to_a_missing_file(document: str) -> None:
    path = REPO / document if (REPO / document).is_file() else REPO / "docs" / document
    links = re.findall(r"\]\(([^)\s]+)\)", path.read_text(encoding="utf-8"))
    missing = [
        link
        for link in links
        if not re.match(r"^[a-z]+:|^#", link) and not (path.parent / link.split("#")[0]).exists()
    ]
    assert missing == []
