"""shared-counter: one counter incremented `increments` times, three ways.

- `mutex`: a `threading.Lock`, acquired once per increment (`with lock: count += 1`).
- `atomic`: Python has no atomic integers. The closest idiom is `itertools.count()`: each
  `next()` is one C call, so under the GIL no two threads can get the same number. The
  final count is the next number it would hand out.
- `reduce`: no sharing at all: count in a local variable and sum the workers' counts.

Single-threaded on purpose: Pyodide, CPython in the browser, cannot start threads, and this
same file runs there and in native CPython. So the lock is never contended here: this is
the cost of the strategy itself, against the Rust twin (`crate/src/kernels/shared_counter.rs`)
whose rayon variant runs one worker per thread on one `Arc<Mutex<u64>>` or `AtomicU64`.
The output is the final count, which must equal `increments`.
"""

import itertools
import threading


def _mutex(increments: int) -> int:
    lock = threading.Lock()
    count = 0
    for _ in range(increments):
        with lock:
            count += 1
    with lock:
        return count


def _atomic(increments: int) -> int:
    counter = itertools.count()
    for _ in range(increments):
        next(counter)
    return next(counter)


def _reduce(increments: int) -> int:
    # One worker, so one local count; with threads, each would count its own share.
    local = 0
    for _ in range(increments):
        local += 1
    return sum([local])


STRATEGIES = {"mutex": _mutex, "atomic": _atomic, "reduce": _reduce}


def shared_counter(increments: int, strategy: str) -> int:
    return STRATEGIES[strategy](increments)
