"""Parameter validation against `tests/golden/params.json`, the cases the Rust and
TypeScript validators are tested against too."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.golden import GOLDEN_DIR
from twinbench import params
from twinbench.catalog import ParamError, workload

TABLE: dict[str, Any] = json.loads((GOLDEN_DIR / "params.json").read_text(encoding="utf-8"))


def _check(case: dict[str, Any], parse: Any, valid: Any) -> None:
    if "error" in case:
        with pytest.raises(ParamError) as e:
            parse()
        assert case["error"] in str(e.value)
    else:
        assert valid(parse()) == case["valid"]


@pytest.mark.parametrize("case", TABLE["json"], ids=lambda c: f"{c['workload']} {json.dumps(c['params'])}")
def test_json_cases(case: dict[str, Any]) -> None:
    # `valid` is the complete set of parameters, defaults filled in.
    _check(case, lambda: params.from_mapping(workload(case["workload"]), case["params"]), lambda p: p)


@pytest.mark.parametrize("case", TABLE["strings"], ids=lambda c: f"{c['workload']} {c['param']}={c['raw']!r}")
def test_string_cases(case: dict[str, Any]) -> None:
    # `valid` is the one value the string parses to.
    parse = lambda: params.from_strings(workload(case["workload"]), [(case["param"], case["raw"])])  # noqa: E731
    _check(case, parse, lambda p: p[case["param"]])


@pytest.mark.parametrize("ok", TABLE["float_grammar"]["accept"])
def test_float_grammar_accepts(ok: str) -> None:
    assert params._FLOAT_RE.fullmatch(ok)


@pytest.mark.parametrize("no", TABLE["float_grammar"]["reject"])
def test_float_grammar_rejects(no: str) -> None:
    assert not params._FLOAT_RE.fullmatch(no)
