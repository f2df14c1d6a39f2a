"""The catalog and the twins agree: every workload has a twin with the right entry points."""

from __future__ import annotations

import inspect

import pytest

from twinbench import kernels
from twinbench.catalog import WORKLOADS, ParamError, workload


@pytest.mark.parametrize("w", WORKLOADS, ids=lambda w: w.id)
def test_every_workload_has_a_twin_with_its_parameters(w: object) -> None:
    from twinbench.catalog import Workload

    assert isinstance(w, Workload)
    fn = kernels.entry(w)
    assert fn.__name__ == w.module_name
    names = [p.name for p in w.params]
    sig = inspect.signature(fn)
    assert list(sig.parameters) == names, f"{w.id}: entry takes {list(sig.parameters)}, catalog says {names}"
    has_shard = hasattr(kernels.module(w), "shard")
    assert has_shard == (w.pool is not None), f"{w.id}: shard() vs catalog pool"


def test_unknown_workload_lists_the_known_ones() -> None:
    with pytest.raises(ParamError, match=r"unknown workload 'nope'; known: fib, "):
        workload("nope")


def test_ids_are_unique_and_ordered() -> None:
    ids = [w.id for w in WORKLOADS]
    assert len(ids) == len(set(ids))
    assert [w.order for w in WORKLOADS] == sorted(w.order for w in WORKLOADS)


@pytest.mark.parametrize("w", WORKLOADS, ids=lambda w: w.id)
def test_cost_is_positive_and_grows_with_the_work_param(w: object) -> None:
    from twinbench import params
    from twinbench.catalog import Workload

    assert isinstance(w, Workload)
    base = params.defaults(w)
    p = w.param(w.work_param)
    assert p is not None and p.type != "choice" and p.page_max_python is not None
    assert w.cost(base) > 0
    if p.page_max_python > p.default:
        assert w.cost({**base, p.name: p.page_max_python}) > w.cost(base)
    assert w.cost_model.python_ms_per_unit >= 0 and w.cost_model.rust_ms_per_unit >= 0
