"""spectral-norm: not written yet (a stub so the package imports; its golden test fails)."""


def spectral_norm(n: int) -> str:
    raise NotImplementedError("spectral-norm is not implemented yet")
