"""The Python half of the measurement harness, run inside the Pyodide worker: resolve the
kernel (the twin, the visitor's code, the Rust export, or an empty kernel), check the
parameters again, and time `batch` calls inside one timed region with no messaging in it.

Every call yields (canonical output, work digest); `sample` returns the last one with the
time. Modes:
- `twin`: the Python twin, or the visitor's code when `source` is given.
- `calls-rust`: Python calling the Rust kernel (`twinbench.rust`).
- `overhead`: an empty kernel through the same loop, call and unpacking: the per-call cost
  of the harness itself, shown beside a kernel's time. Returns ("", "").
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from types import CodeType
from typing import Any, cast

from twinbench import kernels, params
from twinbench.catalog import ParamError, Workload, workload
from twinbench.kernels import Output

MODES = ("twin", "calls-rust", "overhead")
Call = Callable[..., Any]
Unpack = Callable[[object], tuple[Output, str]]

_compiled: dict[tuple[str, str], CodeType] = {}


def visitor_entries(w: Workload, source: str, count: int) -> list[Call]:
    """`count` entry functions from the visitor's code (which replaces the twin's module),
    each from its own run of the module in a fresh namespace: module-level state (a cache)
    cannot carry work over from one call of the batch to the next."""
    key = (w.id, source)
    code = _compiled.get(key)
    if code is None:
        code = compile(source, f"<your {w.id} code>", "exec")
        _compiled.clear()  # keep only the latest edit
        _compiled[key] = code
    entries = []
    for _ in range(count):
        namespace: dict[str, Any] = {"__name__": f"twinbench_visitor_{w.module_name}"}
        exec(code, namespace)
        found = namespace.get(w.module_name)
        if not callable(found):
            names = ", ".join(p.name for p in w.params)
            raise ParamError(f"your code must define a function {w.module_name}({names})")
        entries.append(found)
    return entries


def _pair(result: object) -> tuple[Output, str]:
    return cast(tuple[Output, str], result)  # the Rust glue returns pairs


def _empty(**_: Any) -> tuple[Output, str]:
    return "", ""


def calls(w: Workload, mode: str, source: str | None, batch: int) -> tuple[list[Call], Unpack]:
    """The `batch` functions to call, in order, and how to read what they return."""
    if mode == "calls-rust":
        from twinbench import rust

        return [rust.calls_rust(w)] * batch, _pair
    if mode == "overhead":
        return [_empty] * batch, kernels.pair_unpacker(w.module_name)
    if mode != "twin":
        raise ParamError(f"unknown mode '{mode}'; known: {', '.join(MODES)}")
    unpack = kernels.unpacker(w)
    if source is not None:
        return visitor_entries(w, source, batch), unpack
    return [kernels.entry(w)] * batch, unpack


def sample(
    workload_id: str, params_json: str, batch: int, source: str | None = None, mode: str = "twin"
) -> tuple[float, Output, str]:
    """Time `batch` calls; returns (milliseconds, the last output, the last work digest)."""
    w = workload(workload_id)
    kwargs = params.from_mapping(w, json.loads(params_json))
    fns, unpack = calls(w, mode, source, max(1, batch))
    out: Output = ""
    work = ""
    start = time.perf_counter()
    for fn in fns:
        out, work = unpack(fn(**kwargs))
    elapsed = time.perf_counter() - start
    return elapsed * 1000.0, out, work


def shard(workload_id: str, params_json: str, index: int, shards: int) -> tuple[float, Output, str]:
    """Time one pool shard; returns (milliseconds, its output, its work digest)."""
    given = json.loads(params_json)
    start = time.perf_counter()
    out, work = kernels.run_shard(workload_id, index, shards, given)
    return (time.perf_counter() - start) * 1000.0, out, work
