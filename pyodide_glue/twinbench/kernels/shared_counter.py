"""shared-counter: one counter incremented `increments` times, three ways, as in the Rust
twin (`crate/src/kernels/shared_counter.rs`):

- `mutex`: a counter in a shared cell behind a `threading.Lock`, acquired once per increment
  (Rust: `Arc<Mutex<u64>>`).
- `atomic`: a counter in a shared cell, incremented in place. Python has no atomic integers;
  without threads a shared cell is what an `AtomicU64` is to Rust's single thread. (Under
  threads `cell[0] += 1` could lose increments: it is a read, an add and a write.)
- `reduce`: no sharing at all: each worker counts in a local variable and the workers'
  counts are summed at the end.

The increments are split over workers in contiguous shares (`shard_range`), as in Rust, but
here there is one worker: Pyodide, CPython in the browser, cannot start threads, and this same
file runs there and in native CPython. So the lock is never contended: this is the cost of
the strategy itself, against Rust's rayon variant with one worker per thread on one counter.
The output is the final count, which must equal `increments`; it depends on every increment,
so the work digest is the count's.
"""

import threading
from collections.abc import Callable
from typing import TypeVar

from twinbench.kernels import shard_range

R = TypeVar("R")

WORK_IS_ANSWER = True
WORKERS = 1  # Pyodide has no threads


def _mutex(increments: int) -> int:
    lock = threading.Lock()
    cell = [0]  # the shared counter, guarded by the lock

    def work(share: int) -> None:
        for _ in range(share):
            with lock:
                cell[0] += 1

    _on_workers(increments, work)
    with lock:
        return cell[0]


def _atomic(increments: int) -> int:
    cell = [0]  # the shared counter

    def work(share: int) -> None:
        for _ in range(share):
            cell[0] += 1

    _on_workers(increments, work)
    return cell[0]


def _reduce(increments: int) -> int:
    def work(share: int) -> int:
        local = 0
        for _ in range(share):
            local += 1
        return local

    return sum(_on_workers(increments, work))


def _on_workers(increments: int, work: Callable[[int], R]) -> list[R]:
    """Run `work(share)` for each worker's share of `increments`; the results in order."""
    shares = (shard_range(increments, w, WORKERS) for w in range(WORKERS))
    return [work(hi - lo) for lo, hi in shares]


STRATEGIES = {"mutex": _mutex, "atomic": _atomic, "reduce": _reduce}


def shared_counter(increments: int, strategy: str) -> int:
    return STRATEGIES[strategy](increments)
