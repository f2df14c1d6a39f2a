"""The Python CLI's own behaviour (its agreement with Rust is in test_cli_parity)."""

from __future__ import annotations

import pytest

from twinbench.catalog import WORKLOADS
from twinbench.cli import main


def test_run_prints_canonical_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "fib", "--n", "20"]) == 0
    assert capsys.readouterr().out == "6765\n"
    assert main(["run", "fib", "--n=20"]) == 0
    assert capsys.readouterr().out == "6765\n"


def test_run_work_adds_a_line_with_the_digest(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["run", "--work", "fib", "--n", "20"]) == 0
    assert capsysbinary.readouterr().out == b"6765\nwork 0000000000001a6d\n"
    # After the id, --work is a parameter (amdahl has one).
    assert main(["run", "amdahl", "--work", "5"]) == 0


@pytest.mark.parametrize(
    "argv",
    [
        ["run", "nope"],
        ["run", "fib", "--n", "99"],
        ["run", "fib", "--n"],
        ["run", "fib", "n", "3"],
        ["run", "fib", "--n", "3", "--n", "4"],
        ["run"],
        ["frobnicate"],
    ],
)
def test_bad_input_exits_2_with_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: ")


def test_list_names_every_workload(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    for w in WORKLOADS:
        assert w.id in out
