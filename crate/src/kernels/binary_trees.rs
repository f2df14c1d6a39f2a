//! binary-trees: the Benchmarks Game's allocation storm. Build perfect binary trees bottom-up,
//! walk them to count their nodes, and drop them: a stretch tree one level deeper than n, a
//! long-lived tree of depth n that lives through the whole run, and for every second depth d
//! from 4 up, 2^(n - d + 4) short-lived trees of depth d. Each inner node is one allocation
//! holding its two subtrees, like the Python twin's 2-tuples; leaves cost nothing on either
//! side (an enum variant here, one shared tuple there). The rayon variant builds and checks
//! the short-lived trees of every depth in one parallel loop; the node counts are integers, so
//! its output is identical.
//!
//! Nodes are allocated in an arena (bumpalo), reset after each short-lived tree, in both
//! variants, as the Benchmarks Game's fastest Rust programs do: a node costs a pointer bump
//! and a tree is freed at once. Python has no arenas: each tuple comes from its small-object
//! allocator and goes back by reference counting. With a `Box` per node instead, the threaded
//! wasm build was slower on 2 threads than on 1 (0.66-0.83x here, 0.16-0.21x on a quieter
//! machine): std's wasm allocator (dlmalloc) takes one global spin lock on every allocation
//! and free, 334,521 of each per call at n = 12, so every rayon thread queued on it.
//!
//! Every check has a closed form (2^(d+1) - 1 nodes), so the output cannot tell a tree that
//! was built from one that was not. The work digest folds in every tree's check by position:
//! the stretch tree, then for each depth the sum of `term(i, check of tree i)`, then the
//! long-lived tree, so one tree fewer changes it even where its closed-form check is printed.
//! No digest of data-less trees can prove that they were allocated: a run that never builds
//! one can still compute it.

use super::Kernel;
use crate::digest::term;
use crate::{Digest, Run};
use bumpalo::Bump;
use rayon::prelude::*;

const MIN_DEPTH: u32 = 4;

/// A leaf, or an inner node whose two subtrees live in the same arena.
#[derive(Clone, Copy)]
enum Tree<'a> {
    Leaf,
    Node(&'a (Tree<'a>, Tree<'a>)),
}

/// A perfect tree of the given depth (depth 0 is a single leaf), built bottom-up in `arena`.
fn bottom_up(arena: &Bump, depth: u32) -> Tree<'_> {
    if depth == 0 {
        Tree::Leaf
    } else {
        Tree::Node(arena.alloc((bottom_up(arena, depth - 1), bottom_up(arena, depth - 1))))
    }
}

impl Tree<'_> {
    /// The number of nodes in the tree, leaves included.
    fn check(self) -> u64 {
        match self {
            Tree::Leaf => 1,
            Tree::Node((left, right)) => 1 + left.check() + right.check(),
        }
    }
}

/// Tree i of a depth: built in `arena`, checked and freed; its check and its term of the digest.
fn one_tree(arena: &mut Bump, depth: u32, i: u64) -> (u64, u64) {
    let check = bottom_up(arena, depth).check();
    arena.reset();
    (check, term(i, check))
}

/// Node counts add up; digest terms wrap.
fn add((c1, w1): (u64, u64), (c2, w2): (u64, u64)) -> (u64, u64) {
    (c1 + c2, w1.wrapping_add(w2))
}

/// The depths of the short-lived trees: MIN_DEPTH, MIN_DEPTH + 2, ..., up to `max_depth`.
fn short_lived_depths(max_depth: u32) -> impl Iterator<Item = u32> {
    (MIN_DEPTH..=max_depth).step_by(2)
}

/// How many short-lived trees of depth `depth` a run with this `max_depth` builds.
fn iterations(max_depth: u32, depth: u32) -> u64 {
    1 << (max_depth - depth + MIN_DEPTH)
}

/// For each of the short-lived depths, in order, the total node count of its
/// short-lived trees and the sum of their digest terms. Sequential: one arena, depth by depth.
/// Parallel: the trees of every depth in one rayon loop, an arena per task (reset after each
/// tree, so it keeps its memory). One loop per call, not one per depth: rayon's threads fall
/// asleep between loops, and in wasm waking them (`Atomics.notify`) cost a tenth of a call at
/// n = 12.
fn short_lived(max_depth: u32, parallel: bool) -> Vec<(u64, u64)> {
    let depths: Vec<u32> = short_lived_depths(max_depth).collect();
    if parallel {
        let zero = || vec![(0, 0); depths.len()];
        depths
            .par_iter()
            .enumerate()
            .flat_map(|(k, &depth)| {
                (0..iterations(max_depth, depth))
                    .into_par_iter()
                    .map(move |i| (k, depth, i))
            })
            .fold(
                || (Bump::new(), zero()),
                |(mut arena, mut sums), (k, depth, i)| {
                    sums[k] = add(sums[k], one_tree(&mut arena, depth, i));
                    (arena, sums)
                },
            )
            .map(|(_, sums)| sums)
            .reduce(zero, |a, b| {
                a.into_iter().zip(b).map(|(x, y)| add(x, y)).collect()
            })
    } else {
        let mut arena = Bump::new();
        depths
            .iter()
            .map(|&depth| trees_of_depth(&mut arena, depth, iterations(max_depth, depth)))
            .collect()
    }
}

/// The node count and digest terms of trees 0..count of depth `depth`, one after another.
fn trees_of_depth(arena: &mut Bump, depth: u32, count: u64) -> (u64, u64) {
    (0..count)
        .map(|i| one_tree(arena, depth, i))
        .fold((0, 0), add)
}

fn binary_trees_with(n: u32, parallel: bool) -> Run {
    let max_depth = n.max(MIN_DEPTH + 2);
    let stretch_depth = max_depth + 1;
    let mut work = Digest::new();
    let stretch = bottom_up(&Bump::new(), stretch_depth).check();
    work.push(stretch);
    let mut lines = vec![format!(
        "stretch tree of depth {stretch_depth}\t check: {stretch}"
    )];
    let long_lived_arena = Bump::new();
    let long_lived = bottom_up(&long_lived_arena, max_depth);
    let depths = short_lived_depths(max_depth);
    for (depth, (check, terms)) in depths.zip(short_lived(max_depth, parallel)) {
        work.push(terms);
        let iterations = iterations(max_depth, depth);
        lines.push(format!(
            "{iterations}\t trees of depth {depth}\t check: {check}"
        ));
    }
    let long_lived = long_lived.check();
    work.push(long_lived);
    lines.push(format!(
        "long lived tree of depth {max_depth}\t check: {long_lived}"
    ));
    Run::text(lines.join("\n"), work)
}

/// The Benchmarks Game's report: the stretch tree, each depth's trees, the long-lived tree.
pub fn binary_trees(n: u32) -> Run {
    binary_trees_with(n, false)
}

/// The same, with the short-lived trees built on rayon's threads.
pub fn binary_trees_parallel(n: u32) -> Run {
    binary_trees_with(n, true)
}

pub const KERNEL: Kernel = Kernel::parallel(
    "binary-trees",
    |p| Ok(binary_trees(p.u32("n")?)),
    |p| Ok(binary_trees_parallel(p.u32("n")?)),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Output;

    #[test]
    fn benchmarks_game_reference_output() {
        let want = "stretch tree of depth 11\t check: 4095\n\
                    1024\t trees of depth 4\t check: 31744\n\
                    256\t trees of depth 6\t check: 32512\n\
                    64\t trees of depth 8\t check: 32704\n\
                    16\t trees of depth 10\t check: 32752\n\
                    long lived tree of depth 10\t check: 2047";
        assert_eq!(binary_trees(10).output, Output::Text(want.into()));
        assert_eq!(binary_trees_parallel(10), binary_trees(10));
    }

    #[test]
    fn small_depths_use_the_minimum_of_six() {
        assert_eq!(binary_trees(4), binary_trees(6));
        assert!(
            binary_trees(5)
                .output
                .as_text()
                .unwrap()
                .ends_with("long lived tree of depth 6\t check: 127")
        );
    }

    #[test]
    fn less_work_changes_the_verified_pair() {
        // One short-lived tree of depth 12 fewer, its closed-form check printed instead: the
        // same output, another digest.
        let closed_form = (1u64 << 13) - 1;
        let (check, terms) = trees_of_depth(&mut Bump::new(), 12, 16);
        let (less_check, less_terms) = trees_of_depth(&mut Bump::new(), 12, 15);
        assert_eq!(check, less_check + closed_form);
        assert_ne!(terms, less_terms);
    }

    #[test]
    #[ignore = "the Benchmarks Game's full size, seconds in release: cargo test --release -- --ignored"]
    fn benchmarks_game_full_size() {
        let mut want = vec!["stretch tree of depth 22\t check: 8388607".to_string()];
        for d in (4..=20).step_by(2) {
            // 2^(25 - d) trees of 2^(d + 1) - 1 nodes each.
            want.push(format!(
                "{}\t trees of depth {d}\t check: {}",
                1u64 << (25 - d),
                (1u64 << 26) - (1u64 << (25 - d))
            ));
        }
        want.push("long lived tree of depth 21\t check: 4194303".to_string());
        assert_eq!(
            binary_trees_parallel(21).output,
            Output::Text(want.join("\n"))
        );
    }
}
