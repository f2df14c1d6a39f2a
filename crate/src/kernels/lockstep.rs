//! Work in lockstep on every thread of the rayon pool: one task per thread, all running at
//! once, meeting at a barrier between phases. For kernels with many short dependent steps
//! (spectral-norm: 40 matrix-vector products per call, each tens of microseconds at its
//! defaults): a rayon loop per step lets the other threads fall asleep between steps, and
//! waking a sleeping thread (a futex, `Atomics.wait` in wasm) costs about as much as the step.
//! Here a thread waiting at the barrier spins for a while before it sleeps.

use std::hint::spin_loop;
use std::sync::atomic::{AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};

/// How many polls a thread spins at a barrier before it sleeps, at most: longer than a step of
/// the kernels that use it, far shorter than a scheduler's time slice. wasm's `spin_loop` is no
/// instruction at all (x86's is a PAUSE of tens of cycles), so wasm polls 16 times as often for
/// about the same time; with native's count a wasm thread slept at most barriers, and waking it
/// (`Atomics.notify`) cost more than the step (spectral-norm on 2 threads: 1.3-1.7x, now 1.9x).
#[cfg(not(target_arch = "wasm32"))]
const MAX_SPINS: u32 = 1 << 15;
#[cfg(target_arch = "wasm32")]
const MAX_SPINS: u32 = 1 << 19;
/// ... and at least. Between the two the barrier adapts: a wait that had to sleep cuts the
/// spinning to an eighth, one that spinning ended doubles it, so on a machine whose other cores
/// are busy (the partner preempted, not just late) the threads soon sleep instead of burning a
/// slice.
#[cfg(not(target_arch = "wasm32"))]
const MIN_SPINS: u32 = 1 << 6;
#[cfg(target_arch = "wasm32")]
const MIN_SPINS: u32 = 1 << 8;

/// A reusable barrier for `size` threads that spins, then sleeps.
pub struct Barrier {
    size: usize,
    arrived: AtomicUsize,
    generation: AtomicUsize,
    spins: AtomicU32,
    /// How many threads sleep on `wake` (only the last arrival wakes them, and only if any).
    sleepers: Mutex<usize>,
    wake: Condvar,
}

impl Barrier {
    pub fn new(size: usize) -> Barrier {
        Barrier {
            size: size.max(1),
            arrived: AtomicUsize::new(0),
            generation: AtomicUsize::new(0),
            spins: AtomicU32::new(MAX_SPINS),
            sleepers: Mutex::new(0),
            wake: Condvar::new(),
        }
    }

    /// Wait until all `size` threads have called `wait` (every write before it, on any thread,
    /// is then visible after it, on every thread).
    pub fn wait(&self) {
        if self.size == 1 {
            return;
        }
        let generation = self.generation.load(Ordering::Acquire);
        if self.arrived.fetch_add(1, Ordering::AcqRel) + 1 == self.size {
            // Reset before the next generation can start: no thread leaves until it sees it.
            self.arrived.store(0, Ordering::Relaxed);
            let sleepers = self.sleepers.lock().unwrap_or_else(PoisonError::into_inner);
            self.generation
                .store(generation.wrapping_add(1), Ordering::Release);
            if *sleepers > 0 {
                self.wake.notify_all();
            }
            return;
        }
        let spins = self.spins.load(Ordering::Relaxed);
        for _ in 0..spins {
            if self.generation.load(Ordering::Acquire) != generation {
                // Written only when it changes: a store would pull the cache line away from the
                // thread polling `generation` beside it.
                if spins < MAX_SPINS {
                    self.spins
                        .store((spins * 2).min(MAX_SPINS), Ordering::Relaxed);
                }
                return;
            }
            spin_loop();
        }
        if spins > MIN_SPINS {
            self.spins
                .store((spins / 8).max(MIN_SPINS), Ordering::Relaxed);
        }
        let mut sleepers = self.sleepers.lock().unwrap_or_else(PoisonError::into_inner);
        *sleepers += 1;
        while self.generation.load(Ordering::Acquire) == generation {
            sleepers = self
                .wake
                .wait(sleepers)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *sleepers -= 1;
    }
}

/// A vector of f64 that the threads of a lockstep run share: each writes its own rows, and
/// after a barrier every thread reads them all (as their exact bits).
pub struct SharedVec(Vec<AtomicU64>);

impl SharedVec {
    pub fn zeros(n: usize) -> SharedVec {
        SharedVec((0..n).map(|_| AtomicU64::new(0)).collect())
    }

    /// Store `rows` at `lo..lo + rows.len()`.
    pub fn publish(&self, lo: usize, rows: &[f64]) {
        for (cell, x) in self.0[lo..lo + rows.len()].iter().zip(rows) {
            cell.store(x.to_bits(), Ordering::Relaxed);
        }
    }

    /// Copy the whole vector into `out` (of the same length).
    pub fn read_into(&self, out: &mut [f64]) {
        for (o, cell) in out.iter_mut().zip(&self.0) {
            *o = f64::from_bits(cell.load(Ordering::Relaxed));
        }
    }
}

/// Run `task(rank, size, &barrier)` once on every thread of the current rayon pool, all at
/// once, and return the result of rank 0. Every task must call `barrier.wait()` the same number
/// of times.
pub fn on_every_thread<R: Send>(task: impl Fn(usize, usize, &Barrier) -> R + Sync) -> R {
    let size = rayon::current_num_threads().max(1);
    let barrier = Barrier::new(size);
    let mut results = rayon::broadcast(|ctx| task(ctx.index(), ctx.num_threads(), &barrier));
    results.swap_remove(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_do_not_overtake_each_other() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .expect("a pool");
        let counter = AtomicUsize::new(0);
        let seen = pool.install(|| {
            on_every_thread(|rank, size, barrier| {
                let mut seen = Vec::new();
                for phase in 0..200 {
                    if rank == phase % size {
                        counter.fetch_add(1, Ordering::Relaxed);
                    }
                    barrier.wait();
                    seen.push(counter.load(Ordering::Relaxed));
                    barrier.wait();
                }
                seen
            })
        });
        assert_eq!(seen, (1..=200).collect::<Vec<_>>());
    }
}
