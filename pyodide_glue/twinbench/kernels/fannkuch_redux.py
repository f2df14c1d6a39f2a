"""fannkuch-redux: not written yet (a stub so the package imports; its golden test fails)."""


def fannkuch_redux(n: int) -> str:
    raise NotImplementedError("fannkuch-redux is not implemented yet")
