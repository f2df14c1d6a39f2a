"""binary-trees: the Benchmarks Game's allocation storm. Build perfect binary trees bottom-up,
walk them to count their nodes, and let them go: a stretch tree one level deeper than n, a
long-lived tree of depth n that lives through the whole run, and for every second depth d
from 4 up, 2^(n - d + 4) short-lived trees of depth d. Each inner node is one new 2-tuple of
its subtrees, exactly like the Rust kernel's `Box<(Tree, Tree)>`; leaves cost nothing on
either side (one shared tuple here, an enum variant there). Step for step the same as the
Rust kernel.

Every check has a closed form, so the work digest folds in every tree's check by position:
the stretch tree, then for each depth the sum of `term(i, check of tree i)` (mod 2**64), then
the long-lived tree, so one tree fewer changes it even where its closed-form check is printed.
No digest of data-less trees can prove that they were allocated."""

from __future__ import annotations

from typing import TypeAlias

from twinbench.digest import MASK, Digest, term

MIN_DEPTH = 4

# A tree is the pair of its subtrees; a leaf is the pair (None, None).
Tree: TypeAlias = "tuple[Tree, Tree] | tuple[None, None]"
LEAF: Tree = (None, None)


def bottom_up(depth: int) -> Tree:
    """A perfect tree of the given depth (depth 0 is a single leaf), built bottom-up."""
    if depth == 0:
        return LEAF
    return (bottom_up(depth - 1), bottom_up(depth - 1))


def check(tree: Tree) -> int:
    """The number of nodes in the tree, leaves included."""
    left, right = tree
    if left is None or right is None:
        return 1
    return 1 + check(left) + check(right)


def many_trees(iterations: int, depth: int) -> tuple[int, int]:
    """The total node count of `iterations` trees of depth `depth`, each built, checked and
    let go, and the sum of their digest terms."""
    total = terms = 0
    for i in range(iterations):
        c = check(bottom_up(depth))
        total += c
        terms += term(i, c)
    return total, terms & MASK


def binary_trees(n: int) -> tuple[str, str]:
    """The Benchmarks Game's report: the stretch tree, each depth's trees, the long-lived tree."""
    max_depth = max(n, MIN_DEPTH + 2)
    stretch_depth = max_depth + 1
    work = Digest()
    stretch = check(bottom_up(stretch_depth))
    work.push(stretch)
    lines = [f"stretch tree of depth {stretch_depth}\t check: {stretch}"]
    long_lived = bottom_up(max_depth)
    for depth in range(MIN_DEPTH, max_depth + 1, 2):
        iterations = 1 << (max_depth - depth + MIN_DEPTH)
        total, terms = many_trees(iterations, depth)
        work.push(terms)
        lines.append(f"{iterations}\t trees of depth {depth}\t check: {total}")
    long_lived_check = check(long_lived)
    work.push(long_lived_check)
    lines.append(f"long lived tree of depth {max_depth}\t check: {long_lived_check}")
    return "\n".join(lines), work.hex()
