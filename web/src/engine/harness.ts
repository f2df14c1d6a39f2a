// The one harness every implementation goes through: warm up and calibrate a batch, then
// take samples from all implementations interleaved (A B A B ...) within a time budget each.
// Samplers time inside their workers; this loop only decides what to ask for next.

/** One timed sample, as a sampler reports it. */
export interface Timed {
  /** Time for the whole batch, in ms. */
  ms: number;
  batch: number;
  /** The canonical output (text, or a digest of bytes). */
  output: string;
}

export interface Sampler {
  readonly name: string;
  sample(batch: number): Promise<Timed>;
}

export interface HarnessOptions {
  /** The timer tick seen by the workers, in ms. */
  tickMs: number;
  /** Sampling time per implementation, in ms (warm-up not included). */
  timeBudgetMs: number;
  maxSamples: number;
  minSamples?: number;
  maxWarmup?: number;
  /** Largest batch (keeps a mis-calibrated fast kernel from running for minutes). */
  maxBatch?: number;
  /** True while the page is hidden: samples taken then are discarded (timers are throttled). */
  isHidden?: () => boolean;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

export interface Progress {
  phase: 'warmup' | 'sampling';
  name: string;
  samples: number;
}

export interface Measured {
  name: string;
  /** Per-call times, ms, in the order taken. */
  samplesMs: number[];
  batch: number;
  /** Per-call times seen during warm-up, ms. */
  warmupMs: number[];
  /** Every distinct output this implementation produced (one when it is deterministic). */
  outputs: string[];
  discardedHidden: number;
}

/** Each sample lasts at least this long: max(50 ticks, 10 ms). */
export function minSampleMs(tickMs: number): number {
  return Math.max(50 * tickMs, 10);
}

/** Consecutive per-call timings within 10% of each other count as settled. */
export function settled(prev: number, cur: number): boolean {
  return Math.abs(cur - prev) <= 0.1 * Math.max(prev, cur);
}

function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
}

/**
 * Warm up until timings settle (V8 tiers wasm up; Pyodide warms its caches) while growing
 * the batch until one sample lasts at least minSampleMs. Returns the batch to sample with.
 */
export async function warmUp(s: Sampler, opts: HarnessOptions, m: Measured): Promise<number> {
  const target = minSampleMs(opts.tickMs);
  const maxWarmup = opts.maxWarmup ?? 12;
  const maxBatch = opts.maxBatch ?? 1_000_000;
  const budget = Math.max(opts.timeBudgetMs, 2 * target);
  let batch = 1;
  let prev: number | null = null;
  let spent = 0;
  for (let i = 0; i < maxWarmup; i++) {
    checkAborted(opts.signal);
    const t = await s.sample(batch);
    record(m, t);
    spent += t.ms;
    const perCall = t.ms / t.batch;
    m.warmupMs.push(perCall);
    opts.onProgress?.({ phase: 'warmup', name: s.name, samples: i + 1 });
    if (t.ms < target && batch < maxBatch) {
      // Too short to time well: grow the batch towards the target and try again.
      const grow = t.ms > opts.tickMs ? Math.ceil((batch * target * 1.2) / t.ms) : batch * 10;
      batch = Math.min(maxBatch, Math.max(batch * 2, grow));
      prev = null;
      continue;
    }
    if (prev !== null && settled(prev, perCall)) break;
    prev = perCall;
    if (spent > budget) break; // slow kernel: a long call is its own warm-up
  }
  return batch;
}

function record(m: Measured, t: Timed): void {
  if (!m.outputs.includes(t.output)) m.outputs.push(t.output);
}

/** Measure every sampler: warm-up each, then interleaved rounds until each budget is spent. */
export async function measure(samplers: readonly Sampler[], opts: HarnessOptions): Promise<Measured[]> {
  const minSamples = opts.minSamples ?? 3;
  const results = samplers.map<Measured>((s) => ({
    name: s.name,
    samplesMs: [],
    batch: 1,
    warmupMs: [],
    outputs: [],
    discardedHidden: 0,
  }));
  for (const [i, s] of samplers.entries()) results[i]!.batch = await warmUp(s, opts, results[i]!);
  const spent = samplers.map(() => 0);
  const done = (i: number): boolean => {
    const n = results[i]!.samplesMs.length;
    return n >= opts.maxSamples || (n >= minSamples && spent[i]! >= opts.timeBudgetMs);
  };
  // Rounds: A B A B ..., so drift in machine load hits every implementation alike.
  while (!samplers.every((_, i) => done(i))) {
    for (const [i, s] of samplers.entries()) {
      if (done(i)) continue;
      checkAborted(opts.signal);
      const m = results[i]!;
      const hiddenBefore = opts.isHidden?.() ?? false;
      const t = await s.sample(m.batch);
      const hidden = hiddenBefore || (opts.isHidden?.() ?? false);
      spent[i]! += t.ms;
      record(m, t);
      if (hidden) {
        m.discardedHidden++;
        if (m.discardedHidden > 10 * opts.maxSamples) throw new Error('the page stayed hidden; measurement abandoned');
        continue;
      }
      m.samplesMs.push(t.ms / t.batch);
      opts.onProgress?.({ phase: 'sampling', name: s.name, samples: m.samplesMs.length });
    }
  }
  return results;
}
