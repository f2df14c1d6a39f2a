"""The work digest's reference values, shared with `crate/src/digest.rs`'s test."""

from __future__ import annotations

from twinbench.digest import GAMMA, Digest, mix64, of_int, term


def test_reference_values_shared_with_rust() -> None:
    assert mix64(0) == 0
    assert mix64(GAMMA) == 0xE220A8397B1DCDAF  # splitmix64(0)'s first output
    assert Digest().push(1).push_f64(0.5).push_bytes(b"twinbench").hex() == "f093795ef83b7fb8"
    assert term(3, 7) == 32
    assert of_int(2**64 + 5).hex() == "0000000000000004"
    assert of_int(832_040).hex() == "00000000000cb228"


def test_order_and_count_matter() -> None:
    def fold(xs: list[int]) -> str:
        d = Digest()
        for x in xs:
            d.push(x)
        return d.hex()

    assert fold([1, 2]) != fold([2, 1])
    assert fold([0]) != fold([0, 0])
    assert fold([]) != fold([0])
    assert term(0, 5) != term(1, 5)
    assert term(0, 0) != 0
    assert of_int(149).hex() != of_int(150).hex()
