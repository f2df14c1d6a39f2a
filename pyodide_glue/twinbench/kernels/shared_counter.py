"""shared-counter: not written yet (a stub so the package imports; its golden test fails)."""


def shared_counter(increments: int, strategy: str) -> str:
    raise NotImplementedError("shared-counter is not implemented yet")
