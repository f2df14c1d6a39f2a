"""The Python twins. Workload `<id>` lives in module `twinbench.kernels.<id_>` (dashes become
underscores) as a function of the same name, called with the parameters as keyword arguments.
A workload with a `pool` in the catalog also has `shard(index, shards, **params)`.

A twin returns `(answer, work)`: its answer (an int, a str or bytes) and the 16-hex-digit work
digest (`twinbench.digest`). A twin whose answer is an int that depends on all of its work
(fib, for one) says `WORK_IS_ANSWER = True` and returns only the answer; its digest is the
answer's (`digest.of_int`)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any

from twinbench import digest
from twinbench import params as _params
from twinbench.catalog import ParamError, Workload, workload

Output = str | bytes
Unpack = Callable[[object], tuple[Output, str]]


def canonical(result: object) -> Output:
    """A twin's return value as canonical output: text (an int in decimal) or bytes."""
    if isinstance(result, bytes | str):
        return result
    if isinstance(result, int) and not isinstance(result, bool):
        return str(result)
    raise TypeError(f"a kernel must return int, str or bytes, not {type(result).__name__}")


def module(w: Workload) -> ModuleType:
    return importlib.import_module(f"twinbench.kernels.{w.module_name}")


def entry(w: Workload) -> Callable[..., Any]:
    fn: Callable[..., Any] = getattr(module(w), w.module_name)
    return fn


def unpacker(w: Workload) -> Unpack:
    """How to read what `w`'s twin returns as (canonical output, work digest). Code that
    replaces the twin but returns another shape still gets its output compared; its work is a
    sentence saying what is wrong instead of a digest, which never matches one."""
    name = w.module_name
    if getattr(module(w), "WORK_IS_ANSWER", False):

        def from_answer(result: object) -> tuple[Output, str]:
            if isinstance(result, int) and not isinstance(result, bool) and result >= 0:
                return str(result), digest.of_int(result).hex()
            return canonical(result), f"no work digest: {name}() must return an int >= 0, like the twin"

        return from_answer
    return pair_unpacker(name)


def pair_unpacker(name: str) -> Unpack:
    """Reads `(answer, work)` from entry function `name`."""

    def from_pair(result: object) -> tuple[Output, str]:
        if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], str):
            return canonical(result[0]), result[1]
        return canonical(result), (
            f"no work digest: {name}() must return (answer, work) like the twin, where work is "
            "the digest of the work done (see twinbench.digest)"
        )

    return from_pair


def run(wid: str, given: Mapping[str, Any] | None = None) -> tuple[Output, str]:
    """Validate the parameters and run the twin once: (canonical output, work digest)."""
    w = workload(wid)
    kwargs = _params.from_mapping(w, given or {})
    return unpacker(w)(entry(w)(**kwargs))


def run_shard(
    wid: str, index: int, shards: int, given: Mapping[str, Any] | None = None
) -> tuple[Output, str]:
    """Shard `index` of `shards` of a pool-able workload: (its output, its work digest). The
    shards' digests add up, modulo 2**64, to the whole run's (`combine_work`)."""
    w = workload(wid)
    if w.pool is None:
        raise ParamError(f"{wid} cannot be split into shards")
    if not 0 <= index < shards:
        raise ParamError(f"shard {index} of {shards} does not exist")
    kwargs = _params.from_mapping(w, given or {})
    return unpacker(w)(module(w).shard(index, shards, **kwargs))


def combine_work(works: list[str]) -> str:
    """The work digest of a whole run from its shards' digests."""
    return digest.of_sum(sum(int(h, 16) for h in works)).hex()


def shard_range(total: int, index: int, shards: int) -> tuple[int, int]:
    """The contiguous range [lo, hi) of range(total) that shard `index` of `shards` owns."""
    shards = max(shards, 1)
    return total * index // shards, total * (index + 1) // shards
