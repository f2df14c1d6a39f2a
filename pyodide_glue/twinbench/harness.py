"""The Python half of the measurement harness, run inside the Pyodide worker: resolve the
kernel (the twin, the visitor's code, or the Rust export), check the parameters again, and
time `batch` calls inside one timed region with no messaging in it."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from twinbench import kernels, params
from twinbench.catalog import ParamError, Workload, workload

_visitor_cache: dict[tuple[str, str], Callable[..., Any]] = {}


def visitor_entry(w: Workload, source: str) -> Callable[..., Any]:
    """The entry function defined by the visitor's code, which replaces the twin's module."""
    key = (w.id, source)
    fn = _visitor_cache.get(key)
    if fn is None:
        namespace: dict[str, Any] = {"__name__": f"twinbench_visitor_{w.module_name}"}
        exec(compile(source, f"<your {w.id} code>", "exec"), namespace)
        found = namespace.get(w.module_name)
        if not callable(found):
            names = ", ".join(p.name for p in w.params)
            raise ParamError(f"your code must define a function {w.module_name}({names})")
        fn = found
        _visitor_cache.clear()  # keep only the latest edit alive
        _visitor_cache[key] = fn
    return fn


def resolve(w: Workload, mode: str, source: str | None) -> Callable[..., Any]:
    if mode == "calls-rust":
        from twinbench import rust

        return lambda **kw: rust.run(w.id, **kw)
    if source is not None:
        return visitor_entry(w, source)
    return kernels.entry(w)


def sample(
    workload_id: str, params_json: str, batch: int, source: str | None = None, mode: str = "twin"
) -> tuple[float, str | bytes]:
    """Time `batch` calls; returns (milliseconds, the last canonical output)."""
    w = workload(workload_id)
    kwargs = params.from_mapping(w, json.loads(params_json))
    fn = resolve(w, mode, source)
    out: str | bytes = ""
    start = time.perf_counter()
    for _ in range(max(1, batch)):
        out = kernels.canonical(fn(**kwargs))
    elapsed = time.perf_counter() - start
    return elapsed * 1000.0, out


def shard(workload_id: str, params_json: str, index: int, shards: int) -> tuple[float, str | bytes]:
    """Time one pool shard; returns (milliseconds, its canonical output)."""
    given = json.loads(params_json)
    start = time.perf_counter()
    out = kernels.run_shard(workload_id, index, shards, given)
    return (time.perf_counter() - start) * 1000.0, out
