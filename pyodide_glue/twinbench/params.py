"""Parameters checked against the catalog before anything runs. The same rules and messages
as `crate/src/params.rs` (and `web/src/shared/params.ts`), so the CLIs agree on what is valid;
`tests/golden/params.json` holds the cases all three are tested against."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from twinbench.catalog import Param, ParamError, Workload

SAFE_INT = 2**53 - 1  # integers must survive JSON and JavaScript numbers unchanged
_INT_RE = re.compile(r"-?[0-9]{1,18}")
# A plain decimal float: no inf, nan, spaces or underscores (Python's float() takes all of those).
_FLOAT_RE = re.compile(r"[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]{1,4})?")

Value = int | float | str


def _bad(w: Workload, p: Param, what: str) -> ParamError:
    return ParamError(f"parameter {p.name} of {w.id} {what}")


def _fmt_float(v: float) -> str:
    """Format like Rust's `{}` for f64, so both sides print the same message."""
    if math.isfinite(v) and v == int(v) and abs(v) < 1e16:
        return str(int(v))
    return repr(v)


def _check_int(w: Workload, p: Param, v: int) -> int:
    assert p.min is not None and p.max is not None
    if not p.min <= v <= p.max:
        raise _bad(w, p, f"must be between {int(p.min)} and {int(p.max)}, got {v}")
    return v


def _check_float(w: Workload, p: Param, v: float) -> float:
    assert p.min is not None and p.max is not None
    if not math.isfinite(v):
        raise _bad(w, p, f"must be a finite number, got {_fmt_float(v)}")
    if not p.min <= v <= p.max:
        raise _bad(w, p, f"must be between {_fmt_float(p.min)} and {_fmt_float(p.max)}, got {_fmt_float(v)}")
    return v


def _check_choice(w: Workload, p: Param, v: str) -> str:
    if v not in p.choices:
        raise _bad(w, p, f"must be one of {', '.join(p.choices)}, got '{v}'")
    return v


def _slot(w: Workload, name: str) -> Param:
    p = w.param(name)
    if p is None:
        allowed = ", ".join(q.name for q in w.params) or "none"
        raise ParamError(f"unknown parameter '{name}' for {w.id}; allowed: {allowed}")
    return p


def defaults(w: Workload) -> dict[str, Value]:
    return {p.name: p.default for p in w.params}


def from_mapping(w: Workload, given: Mapping[str, Any]) -> dict[str, Value]:
    """Parameters from already-typed values (JSON, keyword arguments); missing ones default."""
    out = defaults(w)
    for name, raw in given.items():
        p = _slot(w, name)
        if p.type == "int":
            if isinstance(raw, bool) or not isinstance(raw, int) or abs(raw) > SAFE_INT:
                raise _bad(w, p, f"must be an integer, got {json.dumps(raw)}")
            out[name] = _check_int(w, p, raw)
        elif p.type == "float":
            if isinstance(raw, bool) or not isinstance(raw, int | float):
                raise _bad(w, p, f"must be a number, got {json.dumps(raw)}")
            out[name] = _check_float(w, p, float(raw))
        else:
            if not isinstance(raw, str):
                raise _bad(w, p, f"must be a string, got {json.dumps(raw)}")
            out[name] = _check_choice(w, p, raw)
    return out


def from_strings(w: Workload, pairs: Iterable[tuple[str, str]]) -> dict[str, Value]:
    """Parameters from command-line strings (`--n 30` gives ("n", "30"))."""
    out = defaults(w)
    for name, raw in pairs:
        p = _slot(w, name)
        if p.type == "int":
            if not _INT_RE.fullmatch(raw) or abs(int(raw)) > SAFE_INT:
                raise _bad(w, p, f"must be an integer, got '{raw}'")
            out[name] = _check_int(w, p, int(raw))
        elif p.type == "float":
            if not _FLOAT_RE.fullmatch(raw):
                raise _bad(w, p, f"must be a number, got '{raw}'")
            out[name] = _check_float(w, p, float(raw))
        else:
            out[name] = _check_choice(w, p, raw)
    return out
