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


@dataclass(frozen=True)
class Vector:
    workload: str
    params: dict[str, Any]
    output: str | None
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
            sha256=v.get("output_sha256"),
            length=v.get("output_len"),
            browser=v.get("browser", False),
            slow=v.get("slow", False),
        )
        for v in data["vectors"]
    ]


def mismatch(v: Vector, out: str | bytes) -> str | None:
    """None when `out` is what the vector expects, else what differs."""
    if v.is_stub:
        return "the golden vector is a stub: fill in the real output"
    if v.output is not None:
        return None if out == v.output else f"got {out!r}, want {v.output!r}"
    data = out.encode() if isinstance(out, str) else out
    got = hashlib.sha256(data).hexdigest()
    if len(data) == v.length and got == v.sha256:
        return None
    return f"got {len(data)} bytes sha256 {got}, want {v.length} bytes sha256 {v.sha256}"


def combine(pool: str, parts: list[str | bytes]) -> str | bytes:
    """Put pool shards back together the way the page's pool does."""
    if pool == "sum":
        return str(sum(int(p) for p in parts))
    return b"".join(p if isinstance(p, bytes) else p.encode() for p in parts)


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
