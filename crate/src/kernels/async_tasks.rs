//! async-tasks: many small coroutines that compute a little and yield, gathered.
//!
//! Task i (for i in 0..tasks) starts with `acc = i` and, `steps` times, does one step of the
//! classic C `rand()` LCG, `acc = (acc * 1103515245 + 12345) mod 2^31`, then yields to the
//! scheduler once. It returns `acc`. All tasks are gathered and the output is the sum of
//! their results (with steps = 0: 0 + 1 + ... + (tasks - 1)). The work digest is the sum of
//! `term(i, result of task i)`: each result depends on every one of its task's steps.
//!
//! The scheduler is the same design on both sides, so the comparison is of languages, not of
//! frameworks: a round-robin ready queue. Here it holds futures, boxed; the twin
//! (`twinbench/kernels/async_tasks.py`) holds coroutines. The scheduler takes the task at the
//! front, polls (resumes) it once, and puts it at the back if it yielded. Every task is always
//! ready (nothing waits for I/O or a timer), so there are no wakers: a pending task simply
//! goes round again. `yield_now` is the twin of a bare `yield` in a `types.coroutine` (what
//! `asyncio.sleep(0)` is made of): it returns `Pending` once. Nothing blocks or parks the
//! thread, so it runs on wasm32-unknown-unknown as natively.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use super::Kernel;
use crate::digest::term;
use crate::{Digest, Run};

/// Yields to the scheduler once: `yield_now().await` is the twin's `await yield_now()`.
pub fn yield_now() -> YieldNow {
    YieldNow { yielded: false }
}

pub struct YieldNow {
    yielded: bool,
}

impl Future for YieldNow {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            return Poll::Ready(());
        }
        self.yielded = true;
        Poll::Pending // the scheduler puts this task at the back of the queue
    }
}

/// One step of the computation: the C `rand()` LCG, modulo 2^31 (no overflow in u64).
pub fn step(acc: u64) -> u64 {
    (acc * 1_103_515_245 + 12_345) & 0x7FFF_FFFF
}

/// Task i: compute a step, yield, `steps` times; return the result.
pub async fn task(i: u64, steps: u64) -> u64 {
    let mut acc = i;
    for _ in 0..steps {
        acc = step(acc);
        yield_now().await;
    }
    acc
}

/// Run `futures` to completion on this thread, round robin, and return their results in the
/// order given. Every future must be ready again whenever it returns `Pending` (no wakers).
pub fn gather<F: Future>(futures: impl IntoIterator<Item = F>) -> Vec<F::Output> {
    let mut ready: VecDeque<(usize, Pin<Box<F>>)> =
        futures.into_iter().map(Box::pin).enumerate().collect();
    let mut results: Vec<Option<F::Output>> = ready.iter().map(|_| None).collect();
    let mut cx = Context::from_waker(Waker::noop());
    while let Some((i, mut future)) = ready.pop_front() {
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(out) => results[i] = Some(out),
            Poll::Pending => ready.push_back((i, future)),
        }
    }
    // The queue empties only when every future has returned.
    results.into_iter().flatten().collect()
}

/// Gather `tasks` tasks of `steps` steps each: the sum of their results, and the digest.
pub fn async_tasks(tasks: u64, steps: u64) -> Run {
    let results = gather((0..tasks).map(|i| task(i, steps)));
    let (mut total, mut work) = (0u64, 0u64);
    for (i, r) in (0..).zip(results) {
        total += r; // each result is below 2^31: the sum of 2^32 of them fits u64
        work = work.wrapping_add(term(i, r));
    }
    Run::text(total.to_string(), Digest::sum(work))
}

pub const KERNEL: Kernel = Kernel::sequential("async-tasks", |p| {
    Ok(async_tasks(p.u64("tasks")?, p.u64("steps")?))
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Output;
    use std::cell::RefCell;

    fn total(run: Run) -> Output {
        run.output
    }

    #[test]
    fn no_steps_sums_the_task_numbers() {
        assert_eq!(total(async_tasks(1, 0)), Output::Text("0".into()));
        assert_eq!(
            total(async_tasks(1000, 0)),
            Output::Text((999 * 1000 / 2).to_string())
        );
    }

    #[test]
    fn lcg_matches_c_rand() {
        // glibc's TYPE_0 / the C standard's example rand(): seed 1 gives 1103527590 first.
        assert_eq!(step(1), 1_103_527_590);
        assert_eq!(gather([task(0, 1), task(1, 1)]), [step(0), step(1)]);
        assert_eq!(gather([task(0, 3)]), [step(step(step(0)))]);
    }

    #[test]
    fn yielding_interleaves_round_robin() {
        let log = RefCell::new(Vec::new());
        let worker = |name: char, turns: usize| {
            let log = &log;
            async move {
                for _ in 0..turns {
                    log.borrow_mut().push(name);
                    yield_now().await;
                }
                name
            }
        };
        assert_eq!(gather([worker('a', 2), worker('b', 3)]), ['a', 'b']);
        assert_eq!(*log.borrow(), ['a', 'b', 'a', 'b', 'b']);
    }

    #[test]
    fn less_work_changes_the_verified_pair() {
        // One step fewer in one task, and one task fewer whose result was 0.
        let full = async_tasks(100, 20);
        let mut results = gather((0..100).map(|i| task(i, 20)));
        results[7] = gather([task(7, 19)])[0];
        let work: u64 = (0..)
            .zip(&results)
            .fold(0, |w: u64, (i, r)| w.wrapping_add(term(i, *r)));
        assert_ne!(full.work, Digest::sum(work));
        let (with_zero, without) = (async_tasks(1, 0), async_tasks(0, 0));
        assert_eq!(with_zero.output, without.output);
        assert_ne!(with_zero.work, without.work);
    }
}
