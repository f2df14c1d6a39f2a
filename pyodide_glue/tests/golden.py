"""Golden vectors (`tests/golden/<id>.json`) for the Python twins: loading and checking."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from twinbench import kernels
from twinbench.catalog import workload

GOLDEN_DIR = Path(__file__).resolve().parents[2] / "tests" / "golden"
PARAMS_FILE = "params.json"  # the parameter cases (test_params), not a workload's vectors


@dataclass(frozen=True)
class Vector:
    workload: str
    params: dict[str, Any]
    output: str | None
    work: str | None
    sha256: str | None
    length: int | None
    browser: bool
    slow: bool

    @property
    def is_stub(self) -> bool:
        return self.output is None and self.sha256 is None


def load(wid: str) -> list[Vector]:
    data = json.loads((GOLDEN_DIR / f"{wid}.json").read_text(encoding="utf-8"))
    assert data["workload"] == wid
    return [
        Vector(
            workload=wid,
            params=v["params"],
            output=v.get("output"),
            work=v.get("work"),
            sha256=v.get("output_sha256"),
            length=v.get("output_len"),
            browser=v.get("browser", False),
            slow=v.get("slow", False),
        )
        for v in data["vectors"]
    ]


def mismatch(v: Vector, run: tuple[str | bytes, str]) -> str | None:
    """None when the run's (output, work) is what the vector expects, else what differs."""
    out, work = run
    if v.is_stub or v.work is None:
        return "the golden vector is a stub: fill in the real output and work"
    if work != v.work:
        return f"got work {work}, want {v.work}"
    if v.output is not None:
        return None if out == v.output else f"got {out!r}, want {v.output!r}"
    data = out.encode() if isinstance(out, str) else out
    got = hashlib.sha256(data).hexdigest()
    if len(data) == v.length and got == v.sha256:
        return None
    return f"got {len(data)} bytes sha256 {got}, want {v.length} bytes sha256 {v.sha256}"


def combine(pool: str, parts: list[tuple[str | bytes, str]]) -> tuple[str | bytes, str]:
    """Put pool shards back together the way the page's pool does: outputs summed or
    concatenated, work digests summed modulo 2**64."""
    outs = [out for out, _ in parts]
    work = kernels.combine_work([w for _, w in parts])
    if pool == "sum":
        return str(sum(int(p) for p in outs)), work
    return b"".join(p if isinstance(p, bytes) else p.encode() for p in outs), work


def check(v: Vector) -> list[str]:
    """Every failure of the twin (and its pool shards) on this vector."""
    failures = []
    out = kernels.run(v.workload, v.params)
    if (m := mismatch(v, out)) is not None:
        failures.append(f"{v.workload} {v.params}: {m}")
    pool = workload(v.workload).pool
    if pool is not None and not v.is_stub:
        for shards in range(1, 5):
            parts = [kernels.run_shard(v.workload, i, shards, v.params) for i in range(shards)]
            if (m := mismatch(v, combine(pool, parts))) is not None:
                failures.append(f"{v.workload} {v.params} in {shards} shards: {m}")
    return failures
