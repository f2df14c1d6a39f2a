"""Parameter validation: the same rules and messages as the Rust side."""

from __future__ import annotations

from typing import Any

import pytest

from twinbench import params
from twinbench.catalog import ParamError, workload

FIB = workload("fib")


def test_defaults_and_overrides() -> None:
    assert params.defaults(FIB) == {"n": 27}
    assert params.from_mapping(FIB, {"n": 10}) == {"n": 10}
    assert params.from_strings(FIB, [("n", "12")]) == {"n": 12}


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"n": 51}, "parameter n of fib must be between 0 and 50, got 51"),
        ({"n": -1}, "parameter n of fib must be between 0 and 50, got -1"),
        ({"n": 3.5}, "parameter n of fib must be an integer, got 3.5"),
        ({"n": "7"}, 'parameter n of fib must be an integer, got "7"'),
        ({"n": True}, "parameter n of fib must be an integer, got true"),
        ({"m": 1}, "unknown parameter 'm' for fib; allowed: n"),
        ({"n": 2**60}, "must be an integer"),
    ],
)
def test_rejects_with_a_message_that_says_what_is_allowed(given: dict[str, Any], message: str) -> None:
    with pytest.raises(ParamError) as e:
        params.from_mapping(FIB, given)
    assert message in str(e.value)


@pytest.mark.parametrize("raw", ["", "1.0", " 1", "1_0", "0x10", "+1", "ten", "99999999999999999999", "٣"])
def test_strings_are_strict_decimal(raw: str) -> None:
    with pytest.raises(ParamError):
        params.from_strings(FIB, [("n", raw)])


@pytest.mark.parametrize("ok", ["1", "1.", ".5", "-2.5e3", "+1E-2", "0.0"])
def test_float_grammar_accepts(ok: str) -> None:
    assert params._FLOAT_RE.fullmatch(ok)


@pytest.mark.parametrize("no", ["", ".", "inf", "nan", "1e", "1_0.0", " 1", "1.0.0", "--1", "1e99999"])
def test_float_grammar_rejects(no: str) -> None:
    assert not params._FLOAT_RE.fullmatch(no)
