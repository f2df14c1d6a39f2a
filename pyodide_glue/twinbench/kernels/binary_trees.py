"""binary-trees: not written yet (a stub so the package imports; its golden test fails)."""


def binary_trees(n: int) -> str:
    raise NotImplementedError("binary-trees is not implemented yet")
