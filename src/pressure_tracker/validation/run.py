"""Validate a package directory: every problem reported, by file, line and column; nothing written.

A clean package is cleared by the screen (screen.py, polars) in one fast pass, without importing
pandas; anything it cannot clear goes the exact way (exact.py), which finds and names every problem.
"""

from __future__ import annotations

from pathlib import Path

from pressure_tracker.schema.spec import Spec, SpecError
from pressure_tracker.validation.problems import Problem, spec_problems


def validate(root: Path | str, screen: bool = True) -> list[Problem]:
    """All problems of the package at `root`, sorted by table order, line and column."""
    root = Path(root)
    try:
        spec = Spec(root)
    except SpecError as exc:
        return spec_problems(exc)
    if screen:
        from pressure_tracker.validation.screen import clears

        if clears(root, spec):
            return []
    from pressure_tracker.validation.exact import validate_frames

    problems, _ = validate_frames(root, spec)
    return problems
