"""async-tasks: many small coroutines that compute a little and yield, gathered.

Task i (for i in range(tasks)) starts with `acc = i` and, `steps` times, does one step of the
classic C `rand()` LCG, `acc = (acc * 1103515245 + 12345) mod 2**31`, then yields to the
event loop once (`await asyncio.sleep(0)`). It returns `acc`. All tasks are gathered
(`asyncio.gather`, results in task order) and the output is the sum of their results. The
twin of `crate/src/kernels/async_tasks.rs`, on a minimal single-threaded Rust executor.

The event loop is asyncio's own scheduler (`BaseEventLoop`: its ready queue, Tasks,
`gather`) without I/O. `asyncio.run()` cannot be used: in Pyodide the default loop is the
browser's (running it to completion needs WebAssembly stack switching), and
`asyncio.SelectorEventLoop` needs a socketpair, which the browser does not have. There is no
I/O here, so `_NoIOLoop` gives the loop a selector that never has events: `select()` returns
at once and only `sleep(0)` yields. It runs the same in CPython and in Pyodide.

Pyodide registers its browser loop as the running loop, and the caller may itself be inside
a task (Python 3.12+ allows one running task per thread), so both are set aside while our
loop runs and put back afterwards.
"""

import asyncio
from typing import Any


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


async def task(i: int, steps: int) -> int:
    acc = i
    for _ in range(steps):
        acc = (acc * 1103515245 + 12345) & 0x7FFFFFFF
        await asyncio.sleep(0)
    return acc


async def _gather_all(tasks: int, steps: int) -> int:
    results = await asyncio.gather(*(task(i, steps) for i in range(tasks)))
    return sum(results)


def async_tasks(tasks: int, steps: int) -> int:
    outer_loop = asyncio.events._get_running_loop()
    outer_task = asyncio.current_task(outer_loop) if outer_loop is not None else None
    if outer_loop is not None and outer_task is not None:
        asyncio.tasks._leave_task(outer_loop, outer_task)
    asyncio.events._set_running_loop(None)
    loop = _NoIOLoop()
    try:
        return loop.run_until_complete(_gather_all(tasks, steps))
    finally:
        loop.close()
        asyncio.events._set_running_loop(outer_loop)
        if outer_loop is not None and outer_task is not None:
            asyncio.tasks._enter_task(outer_loop, outer_task)
