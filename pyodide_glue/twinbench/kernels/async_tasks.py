"""async-tasks: not written yet (a stub so the package imports; its golden test fails)."""


def async_tasks(tasks: int, steps: int) -> str:
    raise NotImplementedError("async-tasks is not implemented yet")
