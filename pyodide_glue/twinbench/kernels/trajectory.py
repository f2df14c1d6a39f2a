"""trajectory: not written yet (a stub so the package imports; its golden test fails)."""


def trajectory(steps: int) -> str:
    raise NotImplementedError("trajectory is not implemented yet")
