// The benchmark's choices, in one place: how long each part measures, and the few workloads
// a figure is stated on. Every other workload, parameter and property comes from the catalog
// (the page's window.twinbench.workloads()); targets live in bench/targets.mjs.

/** How long each part measures; the full run takes about 15-25 minutes on 2 cores. */
export function settings(quick) {
  const Q = quick;
  return {
    criterion: Q ? ['--warm-up-time', '0.5', '--measurement-time', '1'] : ['--warm-up-time', '2', '--measurement-time', '4'],
    cpython: Q ? ['--min-calls', '3', '--min-seconds', '0.2'] : ['--min-calls', '7', '--min-seconds', '2'],
    cpythonPoolCalls: Q ? 5 : 15,
    kernel: Q ? { maxSamples: 10, timeBudgetMs: 600 } : { maxSamples: 80, timeBudgetMs: 5000 },
    reproducibility: Q ? { maxSamples: 10, timeBudgetMs: 500 } : { maxSamples: 60, timeBudgetMs: 3000 },
    threads: Q ? { maxSamples: 8, timeBudgetMs: 500 } : { maxSamples: 40, timeBudgetMs: 3000 },
    // A second per call: 7 rounds give every median and the ratio a 95% interval.
    threadsLarge: Q ? { maxSamples: 3, timeBudgetMs: 500 } : { maxSamples: 7, timeBudgetMs: 30000 },
    // The kernels table in three engines: lighter than `kernel`, since it runs three times.
    engines: Q ? { maxSamples: 5, timeBudgetMs: 300 } : { maxSamples: 30, timeBudgetMs: 1500 },
    pools: Q ? { maxSamples: 8, timeBudgetMs: 800 } : { maxSamples: 40, timeBudgetMs: 5000 },
    startupRepeats: Q ? 1 : 3,
    freshPages: 5,
  };
}

/** The headline story (its ratio is the one whose reproducibility is measured). */
export const HEADLINE = 'fib';

/** The workload the worker-pool figures (and the python-pool target) are stated on. */
export const POOL_WORKLOAD = 'fib-batch';

/**
 * Thread scaling "at a large n" for the rust-threads target: a second per call, far above any
 * start-up cost. `criterion` is its group in crate/benches/kernels.rs (sequential, parallel).
 */
export const THREADS_LARGE = { workload: 'mandelbrot', params: { n: 4000 }, criterion: 'mandelbrot-4000' };

/**
 * Small runs that only start things: each is a call of a few milliseconds at most, with no
 * minimum warm-up (the engine's default warms a fresh worker up for a second first).
 */
const probe = { maxSamples: 1, timeBudgetMs: 1, minWarmupMs: 0 };
export const PROBES = {
  /** The first Rust result after navigation. */
  rust: { workload: HEADLINE, params: { n: 20 }, implementations: ['rust'], ...probe },
  /** A Python call of ~30 ms keeps the batch at 1, so the time of the run after ready is known. */
  python: { workload: HEADLINE, params: { n: 25 }, implementations: ['python'], ...probe },
  /** Starts Pyodide so the page can report its versions. */
  pythonTiny: { workload: HEADLINE, params: { n: 5 }, implementations: ['python'], ...probe },
  /** Starts a thread pool or a worker pool (threads: set by the caller). */
  pool: (implementations, threads) => ({ workload: POOL_WORKLOAD, params: { count: 2, n: 10 }, implementations, threads, ...probe }),
};

/** A Pyodide call at a page cap should take about 2-3 s; longer than this is flagged. */
export const CAP_FLAG_MS = 4000;
