"""orders-json: build stock orders, write them as compact JSON, parse them back, total them.

The generator is splitmix64 seeded with `seed`: `state += 0x9E3779B97F4A7C15` (mod 2**64),
then the output is `z = state`, `z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9`,
`z = (z ^ (z >> 27)) * 0x94D049BB133111EB`, `z ^ (z >> 31)` (mod 2**64). Order i (for i in
range(count)) draws five numbers r1..r5 in this order and is

- `id`: i + 1
- `symbol`: `SYMBOLS[r1 % 10]`
- `side`: "BUY" if r2 is even, else "SELL"
- `type`: "MARKET", "LIMIT", "STOP" for r3 % 3 == 0, 1, 2
- `quantity`: 1 + r4 % 1000
- `price_cents`: 100 + r5 % 100000 (1.00 to 1000.99 in cents)
- `value_cents`: quantity * price_cents, the order's current value

The orders (plain dicts, keys in that order) are written as one compact JSON array with
`json.dumps(..., separators=(",", ":"))`, encoded to bytes, parsed back with `json.loads`,
and the parsed `value_cents` are summed. The output is `bytes=<length>\\ntotal_cents=<sum>`.
The twin of `crate/src/kernels/orders_json.rs`, which writes byte-identical JSON with
serde_json, typed structs and enums for side and type.

Length and total can be computed without writing any JSON, so the work digest folds in the
JSON bytes themselves (their Adler-32 and length), then the total.
"""

import json
from collections.abc import Iterator
from typing import Any

from twinbench.digest import Digest

MASK = 0xFFFFFFFFFFFFFFFF
SYMBOLS = ("AAPL", "MSFT", "GOOG", "AMZN", "NVDA", "META", "TSLA", "JPM", "V", "XOM")
SIDES = ("BUY", "SELL")
ORDER_TYPES = ("MARKET", "LIMIT", "STOP")


def splitmix64(seed: int) -> Iterator[int]:
    """splitmix64: a tiny, well-known 64-bit generator."""
    state = seed
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = ((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def build_orders(count: int, seed: int) -> list[dict[str, Any]]:
    rng = splitmix64(seed)
    orders = []
    for i in range(count):
        symbol = SYMBOLS[next(rng) % len(SYMBOLS)]
        side = SIDES[next(rng) % 2]
        order_type = ORDER_TYPES[next(rng) % 3]
        quantity = 1 + next(rng) % 1000
        price_cents = 100 + next(rng) % 100_000
        orders.append(
            {
                "id": i + 1,
                "symbol": symbol,
                "side": side,
                "type": order_type,
                "quantity": quantity,
                "price_cents": price_cents,
                "value_cents": quantity * price_cents,
            }
        )
    return orders


def orders_to_json(count: int, seed: int) -> bytes:
    """The orders of generator `seed` as compact JSON (the list is dropped once written)."""
    return json.dumps(build_orders(count, seed), separators=(",", ":")).encode()


def report(data: bytes, total: int) -> tuple[str, str]:
    """The verified pair of a JSON text and the total parsed back from it."""
    return f"bytes={len(data)}\ntotal_cents={total}", Digest().push_bytes(data).push(total).hex()


def orders_json(count: int, seed: int) -> tuple[str, str]:
    data = orders_to_json(count, seed)
    parsed = json.loads(data)
    total = sum(order["value_cents"] for order in parsed)
    return report(data, total)
