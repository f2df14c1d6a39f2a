"""The two CLIs agree byte for byte, work digest included (`run --work`): on every golden
vector, on random in-range parameters, and on which inputs are bad (both exit 2). Needs the
Rust CLI built (`make test` does it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import golden
from twinbench.catalog import WORKLOADS, Param, Workload

ROOT = Path(__file__).resolve().parents[2]
RUST_CLI = Path(os.environ.get("TWINBENCH_RUST_CLI", ROOT / "target" / "release" / "twinbench-cli"))


def rust(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    assert RUST_CLI.exists(), f"{RUST_CLI} is missing: run `cargo build --release` (make test does)"
    return subprocess.run([str(RUST_CLI), *args], capture_output=True, timeout=300, check=False)


def python(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "twinbench", *args],
        capture_output=True,
        timeout=300,
        check=False,
        cwd=ROOT / "pyodide_glue",
    )


def cli_args(wid: str, params: dict[str, Any], work: bool = True) -> list[str]:
    args = ["run", "--work", wid] if work else ["run", wid]
    for name, value in params.items():
        args += [f"--{name}", str(value)]
    return args


def assert_same(args: list[str]) -> None:
    r, p = rust(args), python(args)
    assert (r.returncode, r.stdout) == (p.returncode, p.stdout), (
        f"{args}: rust exit {r.returncode} {r.stdout[:200]!r} {r.stderr[:200]!r}, "
        f"python exit {p.returncode} {p.stdout[:200]!r} {p.stderr[:200]!r}"
    )


def random_ranges(w: Workload) -> dict[str, Any]:
    """The golden file's `random` ranges (kept small so the suite stays quick)."""
    data = json.loads((golden.GOLDEN_DIR / f"{w.id}.json").read_text(encoding="utf-8"))
    ranges: dict[str, Any] = data.get("random", {})
    return ranges


def param_strategy(p: Param, ranges: dict[str, Any]) -> st.SearchStrategy[Any]:
    if p.type == "choice":
        return st.sampled_from(p.choices)
    lo, hi = ranges.get(p.name, [p.min, p.page_max_python])
    if p.type == "int":
        return st.integers(int(lo), int(hi))
    return st.floats(float(lo), float(hi), allow_nan=False, allow_infinity=False)


@pytest.mark.parametrize("wid", [w.id for w in WORKLOADS])
def test_golden_vectors_through_both_clis(wid: str) -> None:
    for v in golden.load(wid):
        if v.slow or v.is_stub:
            continue
        args = cli_args(wid, v.params)
        r = rust(args)
        assert r.returncode == 0, f"{args}: {r.stderr!r}"
        if v.output is not None:
            assert r.stdout == f"{v.output}\nwork {v.work}\n".encode()
            assert rust(cli_args(wid, v.params, work=False)).stdout == f"{v.output}\n".encode()
        assert_same(args)


@pytest.mark.parametrize("w", WORKLOADS, ids=lambda w: w.id)
def test_random_in_range_parameters_agree(w: Workload) -> None:
    ranges = random_ranges(w)
    strategy = st.fixed_dictionaries({p.name: param_strategy(p, ranges) for p in w.params})

    @settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(strategy)
    def agree(params: dict[str, Any]) -> None:
        assert_same(cli_args(w.id, params))

    agree()


BAD_VALUES = ["", "x", "1.5.1", "nan", "inf", "-", "1e999", "99999999999999999999", "0x1", " 3"]


@pytest.mark.parametrize("w", WORKLOADS, ids=lambda w: w.id)
def test_bad_parameters_exit_2_in_both(w: Workload) -> None:
    cases = [["run", w.id, "--no_such_param", "1"], ["run", w.id + "-x"]]
    for p in w.params:
        cases += [["run", w.id, f"--{p.name}", bad] for bad in BAD_VALUES]
        if p.type != "choice":
            assert p.min is not None and p.max is not None
            below, above = p.min - 1, p.max + 1
            fmt = (lambda x: str(int(x))) if p.type == "int" else repr
            cases += [["run", w.id, f"--{p.name}", fmt(below)], ["run", w.id, f"--{p.name}", fmt(above)]]
    for args in cases:
        r, py = rust(args), python(args)
        assert (r.returncode, py.returncode) == (2, 2), f"{args}: rust {r.returncode}, python {py.returncode}"
        assert r.stdout == py.stdout == b""
        assert r.stderr.count(b"\n") == 1 and py.stderr.count(b"\n") == 1, (args, r.stderr, py.stderr)
