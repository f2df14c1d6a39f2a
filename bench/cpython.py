"""Native CPython timings of the Python twins, for the benchmark report (bench/run.mjs).

Reads a JSON list of cases, [{"workload": id, "params": {...}}, ...], on stdin and prints a
JSON list with each case's median time per call (ms), canonical output (byte outputs as
`sha256:<hex> (<n> bytes)`, as the page reports them) and work digest. Each call is timed as
the page's harness times it (twinbench.harness.sample): the twin's call and its unpacking. Each case: one warm-up call, then calls
until at least --min-calls samples and --min-seconds have passed (at most --max-calls). Fast
kernels are batched like the page's harness does: each sample lasts at least 10 ms.

With --pool N1,N2,..., each case is instead split into shards over a started
multiprocessing.Pool of each size (what the page's python-pool does with Pyodide workers), and
the steady-state time per call is reported per pool size: the native limit of that speedup.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "pyodide_glue"))

from twinbench import kernels, params
from twinbench.catalog import workload

MIN_SAMPLE_S = 0.010


def canonical(out: str | bytes) -> str:
    if isinstance(out, bytes):
        return f"sha256:{hashlib.sha256(out).hexdigest()} ({len(out)} bytes)"
    return out


def time_case(case: dict[str, Any], min_calls: int, max_calls: int, min_seconds: float) -> dict[str, Any]:
    w = workload(case["workload"])
    kwargs = params.from_mapping(w, case.get("params", {}))
    fn = kernels.entry(w)
    unpack = kernels.unpacker(w)
    t0 = time.perf_counter()
    out, work = unpack(fn(**kwargs))  # warm-up, and the batch size
    first = time.perf_counter() - t0
    batch = max(1, math.ceil(MIN_SAMPLE_S / max(first, 1e-7)))
    if batch > 1:  # a second, batched warm-up: the first call may have been cold
        t0 = time.perf_counter()
        for _ in range(batch):
            unpack(fn(**kwargs))
        batch = max(1, math.ceil(batch * MIN_SAMPLE_S / max(time.perf_counter() - t0, 1e-7)))
    times: list[float] = []
    began = time.perf_counter()
    while len(times) < max_calls and (len(times) < min_calls or time.perf_counter() - began < min_seconds):
        t0 = time.perf_counter()
        for _ in range(batch):
            out, work = unpack(fn(**kwargs))
        times.append((time.perf_counter() - t0) * 1000.0 / batch)
    return {
        "workload": w.id,
        "params": kwargs,
        "median_ms": statistics.median(times),
        "min_ms": min(times),
        "max_ms": max(times),
        "samples": len(times),
        "batch": batch,
        "output": canonical(out),
        "work": work,
    }


def _shard(args: tuple[str, dict[str, Any], int, int]) -> tuple[str | bytes, str]:
    wid, given, index, shards = args
    return kernels.run_shard(wid, index, shards, given)


def pool_case(case: dict[str, Any], sizes: list[int], samples: int) -> dict[str, Any]:
    import multiprocessing

    w = workload(case["workload"])
    given = dict(case.get("params", {}))
    by_size = []
    for n in sizes:
        with multiprocessing.get_context("fork").Pool(n) as pool:
            jobs = [(w.id, given, i, n) for i in range(n)]
            pool.map(_shard, jobs)  # warm-up: every worker imports and runs once
            times = []
            for _ in range(samples):
                t0 = time.perf_counter()
                pool.map(_shard, jobs, chunksize=1)
                times.append((time.perf_counter() - t0) * 1000.0)
        by_size.append({"workers": n, "median_ms": statistics.median(times), "samples": samples})
    return {"workload": w.id, "params": given, "by_workers": by_size}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-calls", type=int, default=5)
    ap.add_argument("--max-calls", type=int, default=50)
    ap.add_argument("--min-seconds", type=float, default=1.0)
    ap.add_argument("--pool", help="pool sizes, e.g. 1,2: time shards on multiprocessing pools instead")
    args = ap.parse_args()
    cases = json.load(sys.stdin)
    if args.pool:
        sizes = [int(x) for x in args.pool.split(",")]
        results = [pool_case(c, sizes, max(args.min_calls, 5)) for c in cases]
    else:
        results = [time_case(c, args.min_calls, args.max_calls, args.min_seconds) for c in cases]
    json.dump(
        {
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "executable": sys.executable,
            "results": results,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
