//! async-tasks: many small coroutines that compute a little and yield, gathered.
//!
//! Task i (for i in 0..tasks) starts with `acc = i` and, `steps` times, does one step of the
//! classic C `rand()` LCG, `acc = (acc * 1103515245 + 12345) mod 2^31`, then yields to the
//! executor once. It returns `acc`. All tasks are gathered and the output is the sum of
//! their results (with steps = 0: 0 + 1 + ... + (tasks - 1)).
//!
//! The executor is a minimal single-threaded one, written out below: a run queue of task
//! numbers and, per task, a waker that puts its task back on the queue. `yield_now` is the
//! twin of `await asyncio.sleep(0)`: it wakes its own task and returns `Pending` once, so the
//! task goes to the back of the queue and every other ready task runs first. Nothing ever
//! blocks or parks the thread (there is nothing to wait for), so it runs on
//! wasm32-unknown-unknown, where tokio does not and a parked thread never wakes. The twin is
//! `twinbench/kernels/async_tasks.py`, on asyncio's own scheduler.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Wake, Waker};

use super::Kernel;
use crate::{KernelError, Output, Params};

/// Yields to the executor once: `yield_now().await` is `await asyncio.sleep(0)`.
pub fn yield_now() -> YieldNow {
    YieldNow { yielded: false }
}

pub struct YieldNow {
    yielded: bool,
}

impl Future for YieldNow {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            return Poll::Ready(());
        }
        self.yielded = true;
        cx.waker().wake_by_ref(); // ready again at once, after the tasks already queued
        Poll::Pending
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

type Queue = Arc<Mutex<VecDeque<usize>>>;

fn lock(queue: &Queue) -> MutexGuard<'_, VecDeque<usize>> {
    queue.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Wakes task `id` by putting it at the back of the run queue.
struct TaskWaker {
    id: usize,
    queue: Queue,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        lock(&self.queue).push_back(self.id);
    }
}

/// Run `futures` to completion on this thread, round robin, and return their results in the
/// order given, like `asyncio.gather`. A future that never completes (nothing woke it) gives
/// `None`; the futures here always complete.
pub fn gather<F: Future>(futures: impl IntoIterator<Item = F>) -> Vec<Option<F::Output>> {
    let mut tasks: Vec<Option<Pin<Box<F>>>> =
        futures.into_iter().map(|f| Some(Box::pin(f))).collect();
    let mut results: Vec<Option<F::Output>> = tasks.iter().map(|_| None).collect();
    let queue: Queue = Arc::new(Mutex::new((0..tasks.len()).collect()));
    let wakers: Vec<Waker> = (0..tasks.len())
        .map(|id| {
            Waker::from(Arc::new(TaskWaker {
                id,
                queue: Arc::clone(&queue),
            }))
        })
        .collect();
    loop {
        // The lock is released before the task runs: the task's waker takes it again.
        let next = lock(&queue).pop_front();
        let Some(id) = next else { break };
        let Some(future) = tasks[id].as_mut() else {
            continue;
        }; // a late wake of a done task
        if let Poll::Ready(out) = future.as_mut().poll(&mut Context::from_waker(&wakers[id])) {
            results[id] = Some(out);
            tasks[id] = None;
        }
    }
    results
}

/// Gather `tasks` tasks of `steps` steps each; the sum of their results, or `None` if one
/// never finished.
pub fn async_tasks(tasks: u64, steps: u64) -> Option<u64> {
    gather((0..tasks).map(|i| task(i, steps))).into_iter().sum()
}

fn run(p: &Params) -> Result<Output, KernelError> {
    // The catalog bounds tasks to 1..=10^6 and steps to 0..=10^4, so the casts are exact;
    // each result is below 2^31, so the sum fits u64.
    let (tasks, steps) = (p.int("tasks") as u64, p.int("steps") as u64);
    let total = async_tasks(tasks, steps)
        .ok_or_else(|| KernelError::Unsupported("async-tasks: a task never finished".into()))?;
    Ok(Output::Text(total.to_string()))
}

pub const KERNEL: Kernel = Kernel {
    id: "async-tasks",
    run,
    run_parallel: None,
    shard: None,
};

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    #[test]
    fn no_steps_sums_the_task_numbers() {
        assert_eq!(async_tasks(1, 0), Some(0));
        assert_eq!(async_tasks(1000, 0), Some(999 * 1000 / 2));
    }

    #[test]
    fn lcg_matches_c_rand() {
        // glibc's TYPE_0 / the C standard's example rand(): seed 1 gives 1103527590 first.
        assert_eq!(step(1), 1_103_527_590);
        assert_eq!(async_tasks(2, 1), Some(step(0) + step(1)));
        assert_eq!(async_tasks(1, 3), Some(step(step(step(0)))));
    }

    #[test]
    fn yielding_interleaves_round_robin_like_asyncio() {
        let log = RefCell::new(Vec::new());
        let worker = |name: char| {
            let log = &log;
            async move {
                for _ in 0..2 {
                    log.borrow_mut().push(name);
                    yield_now().await;
                }
                name
            }
        };
        assert_eq!(gather([worker('a'), worker('b')]), [Some('a'), Some('b')]);
        assert_eq!(*log.borrow(), ['a', 'b', 'a', 'b']);
    }

    #[test]
    fn a_future_nobody_wakes_is_reported_not_waited_for() {
        assert_eq!(gather([std::future::pending::<u8>()]), [None]);
    }
}
