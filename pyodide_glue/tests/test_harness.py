"""The Python half of the harness, natively (the browser runs the same module in Pyodide)."""

from __future__ import annotations

import pytest

from twinbench import harness
from twinbench.catalog import ParamError


def test_sample_times_the_twin_and_returns_canonical_output() -> None:
    ms, out = harness.sample("fib", '{"n": 15}', 3)
    assert out == "610"
    assert ms >= 0.0


def test_sample_checks_parameters_again() -> None:
    with pytest.raises(ParamError, match="between 0 and 50"):
        harness.sample("fib", '{"n": 51}', 1)


def test_visitor_code_replaces_the_twin() -> None:
    source = "def fib(n):\n    return 42\n"
    assert harness.sample("fib", '{"n": 15}', 1, source)[1] == "42"


def test_visitor_code_must_define_the_entry_function() -> None:
    with pytest.raises(ParamError, match=r"must define a function fib\(n\)"):
        harness.sample("fib", '{"n": 1}', 1, "def fob(n):\n    return n\n")


def test_visitor_code_errors_propagate() -> None:
    with pytest.raises(ZeroDivisionError):
        harness.sample("fib", '{"n": 1}', 1, "def fib(n):\n    return 1 // 0\n")


def test_calls_rust_needs_the_pyodide_worker() -> None:
    with pytest.raises(RuntimeError, match="only inside the twinbench Pyodide worker"):
        harness.sample("fib", '{"n": 5}', 1, mode="calls-rust")
