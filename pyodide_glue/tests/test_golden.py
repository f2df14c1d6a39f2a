"""Every twin reproduces its golden vectors exactly (slow ones run with TWINBENCH_SLOW=1)."""

from __future__ import annotations

import os

import pytest

from tests import golden
from twinbench.catalog import WORKLOADS

SLOW = os.environ.get("TWINBENCH_SLOW") == "1"


@pytest.mark.parametrize("wid", [w.id for w in WORKLOADS])
def test_twin_matches_golden_vectors(wid: str) -> None:
    vectors = golden.load(wid)
    assert vectors, f"{wid}: no golden vectors"
    assert sum(v.browser for v in vectors) == 1, f"{wid}: exactly one vector must be marked browser"
    failures = [f for v in vectors if SLOW or not v.slow for f in golden.check(v)]
    assert not failures, "\n".join(failures)


def test_no_golden_file_without_a_workload() -> None:
    ids = {w.id for w in WORKLOADS}
    for path in golden.GOLDEN_DIR.glob("*.json"):
        if path.name == golden.PARAMS_FILE:
            continue
        assert path.stem in ids, f"{path.name} has no catalog entry"
