"""Doing less work changes the verified pair (output, work digest): one round, step, tree or
element fewer, or no serialisation. The same cases as the Rust kernels'
`less_work_changes_the_verified_pair` tests, on the twins."""

from __future__ import annotations

import json
from math import factorial

from twinbench import kernels
from twinbench.digest import Digest, of_int, of_sum, term
from twinbench.kernels import (
    amdahl,
    async_tasks,
    binary_trees,
    fannkuch_redux,
    fib_batch,
    mandelbrot,
    orders_json,
    shared_counter,
    spectral_norm,
    trajectory,
)


def test_fib_one_level_fewer() -> None:
    assert kernels.run("fib", {"n": 20}) != kernels.run("fib", {"n": 19})


def test_fib_memo_one_iteration_fewer() -> None:
    assert kernels.run("fib-memo", {"n": 150}) != kernels.run("fib-memo", {"n": 149})


def test_fib_batch_one_element_fewer_even_a_zero() -> None:
    total, work = fib_batch.fib_batch(8, 1)
    less_total, less_work = fib_batch.fib_batch(7, 1)
    assert total == less_total  # the last input is fib(0): the output cannot tell
    assert work != less_work


def test_amdahl_one_serial_step_fewer() -> None:
    serial = amdahl.serial_steps(90, 20_000)
    less = amdahl.chain(0, serial - 1) + sum(amdahl._chunk(20_000 - serial, c) for c in range(amdahl.CHUNKS))
    assert of_int(amdahl.amdahl(90, 20_000)) != of_int(less & amdahl.MASK)


def test_nbody_one_step_fewer() -> None:
    assert kernels.run("nbody", {"n": 1000})[1] != kernels.run("nbody", {"n": 999})[1]


def test_spectral_norm_one_round_fewer_prints_the_same_norm() -> None:
    full, less = spectral_norm.spectral_norm(100), spectral_norm.power_method(100, spectral_norm.ROUNDS - 1)
    assert full[0] == less[0]
    assert full[1] != less[1]


def test_mandelbrot_one_row_fewer_and_one_iteration_fewer() -> None:
    assert mandelbrot.rows(64, 0, 63)[1] != mandelbrot.rows(64, 0, 64)[1]
    # A pixel in the set counts 50 iterations: 49 would give the same bit, not the same digest.
    assert mandelbrot.escape_time(-0.5, 0.0) == mandelbrot.ITERATIONS
    _, work = mandelbrot.rows(8, 4, 5)
    iterations = sum(mandelbrot.escape_time(2.0 * x / 8 - 1.5, 0.0) for x in range(8))
    assert work == term(4, iterations) != term(4, iterations - 1)


def test_fannkuch_redux_skipping_the_first_permutation() -> None:
    total = factorial(7)
    all_ = fannkuch_redux.tally_block(7, 0, total)
    skipped = fannkuch_redux.tally_block(7, 1, total)
    assert all_[:2] == skipped[:2]  # the first permutation has no flips
    assert of_sum(all_[2]).hex() != of_sum(skipped[2]).hex()


def test_binary_trees_one_tree_fewer_with_its_closed_form_printed() -> None:
    check, terms = binary_trees.many_trees(16, 8)
    less_check, less_terms = binary_trees.many_trees(15, 8)
    assert check == less_check + (1 << 9) - 1
    assert terms != less_terms


def test_orders_json_other_bytes_of_the_same_length_and_total() -> None:
    data = orders_json.orders_to_json(100, 42)
    swapped = data.replace(b',"side":', b',"sid_":')
    total = sum(o["value_cents"] for o in json.loads(data))
    real, other = orders_json.report(data, total), orders_json.report(swapped, total)
    assert real[0] == other[0]
    assert real[1] != other[1]
    assert real[1] != Digest().push(total).hex()  # no JSON written at all


def test_trajectory_last_step_skipped() -> None:
    points = trajectory.trajectory_points(100_000)
    less = [0.0, 0.0, *points[:-2]]
    assert trajectory.summary(points)[1] != trajectory.summary(less)[1]


def test_shared_counter_one_increment_fewer() -> None:
    for strategy in shared_counter.STRATEGIES:
        assert of_int(shared_counter.shared_counter(1000, strategy)) != of_int(999)


def test_async_tasks_one_step_fewer_and_one_task_fewer() -> None:
    _, full = async_tasks.async_tasks(100, 20)
    results = async_tasks.gather(async_tasks.task(i, 20) for i in range(100))
    results[7] = async_tasks.gather([async_tasks.task(7, 19)])[0]
    assert full != of_sum(sum(term(i, r) for i, r in enumerate(results))).hex()
    with_zero, without = async_tasks.async_tasks(1, 0), async_tasks.async_tasks(0, 0)
    assert with_zero[0] == without[0]
    assert with_zero[1] != without[1]


def test_async_tasks_on_asyncio_gives_the_same_pair() -> None:
    assert async_tasks.async_tasks_asyncio(300, 7) == async_tasks.async_tasks(300, 7)
