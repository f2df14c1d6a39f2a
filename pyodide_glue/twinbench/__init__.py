"""twinbench, the Python side: the twin of every Rust kernel, the catalog they are described
in, and the glue that lets Python call the Rust kernels inside Pyodide (`twinbench.rust`)."""

from twinbench.catalog import WORKLOADS, Workload, workload
from twinbench.kernels import canonical, run

__all__ = ["WORKLOADS", "Workload", "canonical", "run", "workload"]
