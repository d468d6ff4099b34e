"""The pandas side of the schema: dtypes, the pandera contract, and typed frames of a package.

Kept apart from `schema`, which never imports pandas (a layer contract says so), so that the fast
validation path and the command's start-up stay free of it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pressure_tracker.schema.spec import Constraints, FieldSpec, Spec, TableSpec
from pressure_tracker.validation.problems import DataError
from pressure_tracker.validation.read import read_table, typed_dtype

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

DUPLICATE = "is a duplicate: the column must be unique"


def pandas_dtype(field: FieldSpec) -> Any:
    """The pandas dtype a column is loaded as: its typed dtype, or a category for a vocabulary."""
    import pandas as pd

    if field.constraints.enum is not None:
        return pd.CategoricalDtype(categories=list(field.constraints.enum))
    return typed_dtype(field.type)


def pandera_schema(table: TableSpec) -> Any:
    """A pandera DataFrameSchema for a typed frame of this table (as `load` returns it).

    Each check's `error` is the message users see. Enum columns are checked by value, not dtype,
    so the same schema validates freshly parsed strings and loaded categoricals.
    """
    import pandas as pd
    import pandera.pandas as pa

    columns = {}
    for f in table.fields:
        c = f.constraints
        checks = []
        if c.enum is not None:
            checks.append(pa.Check.isin(list(c.enum), error=f"is not one of: {', '.join(c.enum)}"))
        if c.pattern is not None:
            checks.append(
                pa.Check.str_matches(c.pattern, error=f"does not match the pattern {c.pattern}")
            )
        if c.min_length is not None or c.max_length is not None:
            checks.append(
                pa.Check.str_length(
                    c.min_length,
                    c.max_length,
                    error=f"length is outside {c.min_length or 0}..{c.max_length}",
                )
            )
        bound = (lambda v: pd.Timestamp(v)) if f.type == "date" else (lambda v: v)
        if c.minimum is not None:
            checks.append(pa.Check.ge(bound(c.minimum), error=f"is below the minimum {c.minimum}"))
        if c.maximum is not None:
            checks.append(pa.Check.le(bound(c.maximum), error=f"is above the maximum {c.maximum}"))
        if c.unique or list(table.primary_key) == [f.name]:
            # Table Schema's unique ignores empty cells; pandera's built-in one does not.
            checks.append(
                pa.Check(lambda s: s.isna() | ~s.duplicated(keep="first"), error=DUPLICATE)
            )
        dtype = None if c.enum is not None else pandas_dtype(f)
        nullable = not (c.required or f.name in table.primary_key)
        columns[f.name] = pa.Column(dtype, checks=checks, nullable=nullable)
    composite = list(table.primary_key) if len(table.primary_key) > 1 else None
    return pa.DataFrameSchema(
        columns,
        strict=True,
        ordered=True,
        unique=composite,
        report_duplicates="exclude_first",
        name=table.name,
    )


def columns_hold(table: TableSpec, frame: pd.DataFrame) -> bool:
    """Whether every check of `pandera_schema(table)` holds, computed column by column in pandas.

    On a small table pandera's validation costs more than reading it; when every check holds there
    is nothing for pandera to name, so the caller skips it. False means "ask pandera", which names
    the failing cells; each check here is the one pandera runs (nulls ignored, as pandera does).
    """
    if list(frame.columns) != [f.name for f in table.fields]:  # strict and ordered
        return False
    for f in table.fields:
        column, c = frame[f.name], f.constraints
        if (c.required or f.name in table.primary_key) and column.isna().any():
            return False
        if c.enum is None and not _dtype_holds(pandas_dtype(f), column.dtype):
            return False
        unique = bool(c.unique) or list(table.primary_key) == [f.name]
        if not _values_hold(f, column, unique):
            return False
    composite = list(table.primary_key) if len(table.primary_key) > 1 else None
    return not (composite and frame.duplicated(subset=composite).any())


@lru_cache(maxsize=256)
def _dtype_holds(expected: Any, found: Any) -> bool:
    """pandera's dtype check of a column (the same few pairs of dtypes, asked for every column)."""
    from pandera.engines import pandas_engine

    return bool(pandas_engine.Engine.dtype(expected).check(pandas_engine.Engine.dtype(found)))


def _values_hold(field: FieldSpec, column: pd.Series, unique: bool) -> bool:
    """The value checks of one column (its non-empty cells), as pandera's checks compute them."""
    import operator

    import pandas as pd

    c = field.constraints
    checked = (c.enum, c.pattern, c.min_length, c.max_length, c.minimum, c.maximum)
    if not unique and all(check is None for check in checked):
        return True  # nothing to check, and no need to drop the empty cells
    if isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow":
        return _text_holds(c, column, unique)
    values = column.dropna()
    if c.enum is not None and not values.isin(list(c.enum)).all():
        return False
    if unique and values.duplicated().any():
        return False
    if c.pattern is not None or c.min_length is not None or c.max_length is not None:
        if not pd.api.types.is_string_dtype(values.dtype):
            return False  # pandera's string checks read `.str`: let pandera say what it makes of it
        if c.pattern is not None and not values.str.match(c.pattern).all():
            return False
        if c.min_length is not None and bool((values.str.len() < c.min_length).any()):
            return False
        if c.max_length is not None and bool((values.str.len() > c.max_length).any()):
            return False
    for limit, beyond in ((c.minimum, operator.lt), (c.maximum, operator.gt)):
        bound: Any = pd.Timestamp(limit) if field.type == "date" and limit is not None else limit
        if limit is not None and bool(beyond(values, bound).any()):
            return False
    return True


def _text_holds(c: Constraints, column: pd.Series, unique: bool) -> bool:
    """`_values_hold` for a text column, on the Arrow array that holds it: pandas runs the same
    Arrow kernels for these checks, behind a fixed cost per call that was most of the exact path's
    time on a small package. Patterns are matched as pandera matches them (`_matches`)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    values = pa.array(column).drop_null()
    if c.enum is not None:
        known = pc.is_in(values, value_set=pa.array(c.enum, pa.string()))
        if not pc.all(known, min_count=0).as_py():
            return False
    if unique and pc.count_distinct(values).as_py() < len(values):
        return False
    if len(values) and (c.min_length is not None or c.max_length is not None):
        lengths = pc.min_max(pc.utf8_length(values)).as_py()
        if c.min_length is not None and lengths["min"] < c.min_length:
            return False
        if c.max_length is not None and lengths["max"] > c.max_length:
            return False
    return c.pattern is None or _matches(c.pattern, column, values)


# Up to this many cells, Python's `re` on each is quicker than one call of pandas' `str.match`.
FEW_CELLS = 1_000


def _matches(pattern: str, column: pd.Series, values: pa.Array) -> bool:
    """Whether every non-empty cell (`values`, the column's) matches `pattern` from its start, as
    pandera's `str_matches` (pandas' `str.match`) decides. pandas matches with Python's `re`, or with
    Arrow's RE2 where it finds the two agree (not for `\\s`, for one); most of its time on a small
    column went to deciding which, so a short column is matched by `re` itself, as pandas would."""
    if len(values) <= FEW_CELLS:
        match = _compiled(pattern).match
        return all(match(cell) for cell in values.to_pylist())
    # an empty cell matches to <NA>, which all() skips as pandera skips empty cells
    return bool(column.str.match(pattern).all())


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def pandas_dtypes(table: TableSpec) -> dict[str, Any]:
    return {f.name: pandas_dtype(f) for f in table.fields}


def typed_frame(root: Path, spec: Spec, table: str) -> pd.DataFrame:
    """One table as `load` returns it; DataError names every cell that cannot be read."""
    result = read_table(root, spec.tables[table])
    if result.problems or result.frame is None:
        raise DataError(result.problems)
    return result.frame.astype(pandas_dtypes(spec.tables[table]))


def typed_frames(root: Path, spec: Spec) -> dict[str, pd.DataFrame]:
    return {name: typed_frame(root, spec, name) for name in spec.tables}
