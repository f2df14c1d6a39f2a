"""The Python half of the harness, natively (the browser runs the same module in Pyodide)."""

from __future__ import annotations

import json
import sys
import types
from array import array
from collections.abc import Iterator
from typing import Any

import pytest

from twinbench import harness, kernels
from twinbench.catalog import ParamError
from twinbench.digest import of_int


def test_sample_times_the_twin_and_returns_output_and_work() -> None:
    ms, out, work = harness.sample("fib", '{"n": 15}', 3)
    assert (out, work) == ("610", of_int(610).hex())
    assert ms >= 0.0
    ms, out, work = harness.sample("nbody", '{"n": 10}', 2)
    assert (out, work) == kernels.run("nbody", {"n": 10})


def test_sample_checks_parameters_again() -> None:
    with pytest.raises(ParamError, match="between 0 and 50"):
        harness.sample("fib", '{"n": 51}', 1)


def test_visitor_code_replaces_the_twin() -> None:
    source = "def fib(n):\n    return 42\n"
    assert harness.sample("fib", '{"n": 15}', 1, source)[1:] == ("42", of_int(42).hex())


def test_visitor_code_runs_in_a_fresh_namespace_for_every_call_of_the_batch() -> None:
    # A module-level cache would carry the answer from one call to the next.
    source = "CALLS = []\ndef fib(n):\n    CALLS.append(n)\n    return len(CALLS)\n"
    assert harness.sample("fib", '{"n": 15}', 5, source)[1] == "1"


def test_visitor_code_that_returns_only_the_answer_is_a_mismatch_not_an_error() -> None:
    # nbody's twin returns (answer, work): an answer alone has the right output, no digest.
    want, want_work = kernels.run("nbody", {"n": 3})
    source = f"def nbody(n):\n    return {want!r}\n"
    _, out, work = harness.sample("nbody", '{"n": 3}', 1, source)
    assert out == want
    assert work != want_work and work.startswith("no work digest: nbody() must return (answer, work)")
    # fib's twin returns an int: a pair is the wrong shape there.
    _, out, work = harness.sample("fib", '{"n": 3}', 1, "def fib(n):\n    return 2\n")
    assert work == of_int(2).hex()


def test_visitor_code_must_define_the_entry_function() -> None:
    with pytest.raises(ParamError, match=r"must define a function fib\(n\)"):
        harness.sample("fib", '{"n": 1}', 1, "def fob(n):\n    return n\n")


def test_visitor_code_errors_propagate() -> None:
    with pytest.raises(ZeroDivisionError):
        harness.sample("fib", '{"n": 1}', 1, "def fib(n):\n    return 1 // 0\n")


def test_overhead_mode_runs_an_empty_kernel_through_the_same_loop() -> None:
    ms, out, work = harness.sample("fib-memo", '{"n": 150}', 1000, mode="overhead")
    assert (out, work) == ("", "")
    assert ms >= 0.0


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(ParamError, match="unknown mode 'turbo'"):
        harness.sample("fib", '{"n": 5}', 1, mode="turbo")


def test_calls_rust_needs_the_pyodide_worker() -> None:
    with pytest.raises(RuntimeError, match="only inside the twinbench Pyodide worker"):
        harness.sample("fib", '{"n": 5}', 1, mode="calls-rust")


class _Bytes:
    """What Pyodide gives Python for a Uint8Array or a Float64Array: a proxy with to_bytes()."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def to_bytes(self) -> bytes:
        return self.data


@pytest.fixture
def fake_rust() -> Iterator[None]:
    """A stand-in for the wasm exports, backed by the Python twins (what the Rust kernels
    return, as the golden tests prove)."""
    from twinbench.kernels import trajectory

    def run(wid: str, params_json: str, parallel: bool, batch: int) -> Any:
        out, work = kernels.run(wid, json.loads(params_json))
        return types.SimpleNamespace(output=_Bytes(out) if isinstance(out, bytes) else out, work=work)

    def trajectory_points(steps: int) -> _Bytes:
        return _Bytes(array("d", trajectory.trajectory_points(steps)).tobytes())

    sys.modules["twinbench_rs"] = types.SimpleNamespace(run=run, trajectory_points=trajectory_points)  # type: ignore[assignment]
    try:
        yield
    finally:
        del sys.modules["twinbench_rs"]


@pytest.mark.usefixtures("fake_rust")
def test_calls_rust_returns_output_and_work_through_the_glue() -> None:
    for wid, params in [("fib", '{"n": 12}'), ("mandelbrot", '{"n": 9}'), ("trajectory", '{"steps": 1000}')]:
        _, out, work = harness.sample(wid, params, 2, mode="calls-rust")
        assert (out, work) == kernels.run(wid, json.loads(params)), wid
