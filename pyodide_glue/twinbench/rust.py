"""Python calling Rust, the PyO3 idea in the browser: inside Pyodide the worker registers the
Rust wasm exports as the module `twinbench_rs`, so Python code (the visitor's included) calls
the Rust kernels directly. Every call crosses the Python/JavaScript/wasm boundary once.

    from twinbench.rust import Method, fib
    fib(30, method=Method.RUST)

`calls_rust(w)` is what the harness times for "Python calls Rust": the whole kernel in Rust
and its result back (`run`), except where the story is the data crossing the boundary:
trajectory's points all come back to Python, which summarises them (`trajectory`).
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Callable
from enum import Enum
from typing import Any

from twinbench.catalog import Workload
from twinbench.kernels import Output
from twinbench.kernels import fib as _fib
from twinbench.kernels import trajectory as _trajectory


class Method(Enum):
    PYTHON = "python"
    RUST = "rust"


def _rs() -> Any:
    try:
        import twinbench_rs
    except ImportError as e:  # natively there is no wasm to call
        raise RuntimeError("twinbench_rs exists only inside the twinbench Pyodide worker") from e
    return twinbench_rs


def run(workload_id: str, **params: Any) -> tuple[Output, str]:
    """Run the Rust kernel of a workload once: (its canonical output, its work digest)."""
    result = _rs().run(workload_id, json.dumps(params), False, 1)
    out = result.output
    if not isinstance(out, str):
        out = out.to_bytes()  # a JsProxy of a Uint8Array
    return out, str(result.work)


def trajectory(steps: int) -> tuple[str, str]:
    """Rust integrates the trajectory and returns every point (a Float64Array, 16 bytes a
    point, copied out of wasm memory and into Python's); Python summarises them."""
    points = array("d")
    points.frombytes(_rs().trajectory_points(steps).to_bytes())
    return _trajectory.summary(points)


CALLS_RUST: dict[str, Callable[..., tuple[Output, str]]] = {"trajectory": trajectory}


def calls_rust(w: Workload) -> Callable[..., tuple[Output, str]]:
    """What "Python calls Rust" runs for workload `w`, called with its parameters."""
    special = CALLS_RUST.get(w.id)
    if special is not None:
        return special
    return lambda **params: run(w.id, **params)


def fib(n: int, method: Method = Method.PYTHON) -> int:
    """Recursive Fibonacci in Python, or in Rust with one crossing for the whole call."""
    if method is Method.RUST:
        return int(_rs().fib(n))
    return _fib.fib(n)
