"""The Python twins. Workload `<id>` lives in module `twinbench.kernels.<id_>` (dashes become
underscores) as a function of the same name, called with the parameters as keyword arguments.
A workload with a `pool` in the catalog also has `shard(index, shards, **params)`."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any

from twinbench import params as _params
from twinbench.catalog import ParamError, Workload, workload

Output = str | bytes


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


def run(wid: str, given: Mapping[str, Any] | None = None) -> Output:
    """Validate the parameters and run the twin once; returns its canonical output."""
    w = workload(wid)
    kwargs = _params.from_mapping(w, given or {})
    return canonical(entry(w)(**kwargs))


def run_shard(wid: str, index: int, shards: int, given: Mapping[str, Any] | None = None) -> Output:
    """Shard `index` of `shards` of a pool-able workload."""
    w = workload(wid)
    if w.pool is None:
        raise ParamError(f"{wid} cannot be split into shards")
    if not 0 <= index < shards:
        raise ParamError(f"shard {index} of {shards} does not exist")
    kwargs = _params.from_mapping(w, given or {})
    return canonical(module(w).shard(index, shards, **kwargs))


def shard_range(total: int, index: int, shards: int) -> tuple[int, int]:
    """The contiguous range [lo, hi) of range(total) that shard `index` of `shards` owns."""
    shards = max(shards, 1)
    return total * index // shards, total * (index + 1) // shards
