"""orders-json: not written yet (a stub so the package imports; its golden test fails)."""


def orders_json(count: int, seed: int) -> str:
    raise NotImplementedError("orders-json is not implemented yet")
