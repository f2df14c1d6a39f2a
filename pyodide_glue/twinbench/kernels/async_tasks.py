"""async-tasks: many small coroutines that compute a little and yield, gathered.

Task i (for i in range(tasks)) starts with `acc = i` and, `steps` times, does one step of the
classic C `rand()` LCG, `acc = (acc * 1103515245 + 12345) mod 2**31`, then yields to the
scheduler once. It returns `acc`. All tasks are gathered and the output is the sum of their
results. The work digest is the sum of `term(i, result of task i)` (mod 2**64): each result
depends on every one of its task's steps.

The scheduler is the same design as the Rust twin's (`crate/src/kernels/async_tasks.rs`), so
the comparison is of languages, not of frameworks: a round-robin ready queue, of coroutines
here and of futures there. It takes the task at the front, resumes it once (`send(None)`) and
puts it at the back if it yielded. Every task is always ready (nothing waits for I/O or a
timer). `yield_now` is a bare `yield` in a `types.coroutine`, which is also what
`asyncio.sleep(0)` is made of.

`async_tasks_asyncio` runs the same tasks on asyncio's own event loop (Tasks, `gather`, a new
loop per call) instead: an extra, labelled Python implementation, with the same output and
digest, that shows what the framework costs on top of the scheduling itself.
"""

import asyncio
import types
from collections import deque
from collections.abc import Coroutine, Generator, Iterable
from typing import Any

from twinbench.digest import of_sum, term


@types.coroutine
def yield_now() -> Generator[None, None, None]:
    """Yields to the scheduler once: the twin of Rust's `yield_now().await`."""
    yield


async def task(i: int, steps: int) -> int:
    acc = i
    for _ in range(steps):
        acc = (acc * 1103515245 + 12345) & 0x7FFFFFFF
        await yield_now()
    return acc


def gather(coros: Iterable[Coroutine[None, None, int]]) -> list[int]:
    """Run the coroutines to completion, round robin; their results in the order given."""
    ready = deque(enumerate(coros))
    results = [0] * len(ready)
    while ready:
        i, coro = ready.popleft()
        try:
            coro.send(None)
        except StopIteration as done:
            results[i] = done.value
        else:
            ready.append((i, coro))
    return results


def _report(results: list[int]) -> tuple[int, str]:
    total = work = 0
    for i, r in enumerate(results):
        total += r
        work += term(i, r)
    return total, of_sum(work).hex()


def async_tasks(tasks: int, steps: int) -> tuple[int, str]:
    return _report(gather(task(i, steps) for i in range(tasks)))


# --- The same tasks on asyncio's event loop.
#
# `asyncio.run()` cannot be used: in Pyodide the default loop is the browser's (running it to
# completion needs WebAssembly stack switching), and `asyncio.SelectorEventLoop` needs a
# socketpair, which the browser does not have. There is no I/O here, so `_NoIOLoop` gives
# the loop a selector that never has events. Pyodide registers its browser loop as the
# running loop, and the caller may itself be inside a task, so both are set aside while our
# loop runs and put back afterwards.


class _NoSelector:
    """A selector with nothing to watch: no events, ever, and no waiting for them."""

    def select(self, timeout: float | None = None) -> list[Any]:
        # The loop asks to wait forever only when nothing is ready or scheduled: with no I/O
        # to wait for, that would spin for ever, so say what is wrong instead.
        if timeout is None:
            raise RuntimeError("the event loop has nothing left to run, but the tasks are not done")
        return []


class _NoIOLoop(asyncio.BaseEventLoop):
    def __init__(self) -> None:
        super().__init__()
        self._selector = _NoSelector()

    def _process_events(self, event_list: list[Any]) -> None:
        pass


async def _gather_asyncio(tasks: int, steps: int) -> list[int]:
    return list(await asyncio.gather(*(task(i, steps) for i in range(tasks))))


def async_tasks_asyncio(tasks: int, steps: int) -> tuple[int, str]:
    """The same tasks, output and digest, on asyncio's scheduler (a bare `yield` inside an
    asyncio Task reschedules it, as `asyncio.sleep(0)` does)."""
    outer_loop = asyncio.events._get_running_loop()
    outer_task = asyncio.current_task(outer_loop) if outer_loop is not None else None
    if outer_loop is not None and outer_task is not None:
        asyncio.tasks._leave_task(outer_loop, outer_task)
    asyncio.events._set_running_loop(None)
    loop = _NoIOLoop()
    try:
        return _report(loop.run_until_complete(_gather_asyncio(tasks, steps)))
    finally:
        loop.close()
        asyncio.events._set_running_loop(outer_loop)
        if outer_loop is not None and outer_task is not None:
            asyncio.tasks._enter_task(outer_loop, outer_task)
