"""The workload catalog (`catalog/*.toml`), read through the generated `catalog_data`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from twinbench.catalog_data import COST as _COST
from twinbench.catalog_data import WORKLOADS as _RAW


class ParamError(ValueError):
    """A parameter or workload id the catalog does not allow. The message says what is."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # "int", "float" or "choice"
    default: Any
    help: str
    min: float | None = None
    max: float | None = None
    page_max_python: float | None = None
    page_max_rust: float | None = None
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class CostModel:
    units: str  # an expression over the numeric parameters
    python_ms_per_unit: float
    rust_ms_per_unit: float


@dataclass(frozen=True)
class Workload:
    id: str
    order: int
    title: str
    story: str
    output: str  # "text" or "bytes"
    chart: str
    parallel: bool
    pool: str | None
    category: str | None  # "loop", "call" or None
    differences: str  # what differs between the twins, "" where they are faithful
    work_param: str  # the parameter that sets the amount of work
    cost_model: CostModel
    params: tuple[Param, ...]

    def cost(self, params: Mapping[str, Any]) -> float:
        """The units of work of a run with these (complete) parameters: `cost_model.units`."""
        return _COST[self.id](**params)

    @property
    def module_name(self) -> str:
        """The Python module and entry function name: the id with dashes as underscores."""
        return self.id.replace("-", "_")

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def _param(raw: dict[str, Any]) -> Param:
    fields = dict(raw)
    fields["choices"] = tuple(fields.get("choices", ()))
    return Param(**fields)


WORKLOADS: tuple[Workload, ...] = tuple(
    Workload(
        **{**w, "cost_model": CostModel(**w["cost_model"]), "params": tuple(_param(p) for p in w["params"])}
    )
    for w in _RAW
)


def workload(wid: str) -> Workload:
    for w in WORKLOADS:
        if w.id == wid:
            return w
    known = ", ".join(w.id for w in WORKLOADS)
    raise ParamError(f"unknown workload '{wid}'; known: {known}")
