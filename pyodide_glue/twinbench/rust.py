"""Python calling Rust, the PyO3 idea in the browser: inside Pyodide the worker registers the
Rust wasm exports as the module `twinbench_rs`, so Python code (the visitor's included) calls
the Rust kernels directly. Every call crosses the Python/JavaScript/wasm boundary once.

    from twinbench.rust import Method, fib
    fib(30, method=Method.RUST)
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Any

from twinbench.kernels import fib as _fib


class Method(Enum):
    PYTHON = "python"
    RUST = "rust"


def _rs() -> Any:
    try:
        import twinbench_rs
    except ImportError as e:  # natively there is no wasm to call
        raise RuntimeError("twinbench_rs exists only inside the twinbench Pyodide worker") from e
    return twinbench_rs


def run(workload_id: str, **params: Any) -> str | bytes:
    """Run the Rust kernel of a workload once; returns its canonical output."""
    out = _rs().run(workload_id, json.dumps(params), False, 1)
    if isinstance(out, str):
        return out
    data: bytes = out.to_bytes()  # a JsProxy of a Uint8Array
    return data


def fib(n: int, method: Method = Method.PYTHON) -> int:
    """Recursive Fibonacci in Python, or in Rust with one crossing for the whole call."""
    if method is Method.RUST:
        return int(_rs().fib(n))
    return _fib.fib(n)
