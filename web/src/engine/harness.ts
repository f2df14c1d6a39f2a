// The one harness every implementation goes through: warm up (for a minimum wall time on a
// fresh worker, and until timings settle) while calibrating a batch, measure the per-call
// overhead, then take samples from all implementations in rounds whose order alternates
// (A B, B A, A B ...) until they stop together. A few samples at a smaller work size go in the
// first rounds, for the scaling check. Samplers time inside their workers; this loop only
// decides what to ask for next.

import { scales } from './scaling';

/** What a sample measures: the kernel, the kernel at the smaller work size, or an empty kernel. */
export type Probe = 'kernel' | 'scaling' | 'overhead';

/** One timed sample, as a sampler reports it. */
export interface Timed {
  /** Time for the whole batch, in ms. */
  ms: number;
  batch: number;
  /** The canonical output (text, or a digest of bytes). */
  output: string;
  /** The work digest (Contract 1). */
  work: string;
  /** Pools: the part of `ms` spent outside the slowest shard's kernel (messages, merging). */
  messagingMs?: number;
}

export interface Sampler {
  readonly name: string;
  /** Minimum warm-up wall time, ms: long on a fresh worker (tier-up), 0 on a warm one. */
  readonly warmupMinMs?: number;
  /** Whether the sampler can time an empty kernel through the same path ('overhead'). */
  readonly overhead?: boolean;
  /** Expected growth of the time from the 'scaling' size to the requested one; null: no check. */
  readonly scalingGrowth?: number | null;
  sample(batch: number, probe: Probe): Promise<Timed>;
}

export interface HarnessOptions {
  /** The timer tick seen by the workers, in ms. */
  tickMs: number;
  /** Sampling time of the slowest implementation, in ms (warm-up not included). */
  timeBudgetMs: number;
  maxSamples: number;
  /** Samples every implementation gets before the budget may stop the run (7 by default). */
  minSamples?: number;
  /** Warm-up samples after which a settled kernel stops warming up (once its minimum wall time is spent). */
  maxWarmup?: number;
  /** Largest batch (keeps a mis-calibrated fast kernel from running for minutes). */
  maxBatch?: number;
  /** Kernel samples use exactly this batch (latency mode: 1, so the samples are a per-call time series). */
  batch?: number;
  /** True while the page is hidden: samples taken then are discarded (timers are throttled). */
  isHidden?: () => boolean;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** The clock for warm-up wall time (performance.now by default). */
  now?: () => number;
}

export interface Progress {
  phase: 'warmup' | 'overhead' | 'sampling';
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
  /** Wall time the warm-up took, ms. */
  warmupWallMs: number;
  /** Every distinct (output, work) this implementation produced (one when it is deterministic). */
  outputs: Array<{ output: string; work: string }>;
  discardedHidden: number;
  /** Per-call times at the smaller work size. */
  scalingMs: number[];
  /** For each of those, the per-call time of the kernel sample taken just before it (same conditions). */
  scalingBesideMs: number[];
  /** Per-call times of the empty kernel (median of a few batched samples); null when not measured. */
  overheadMs: number | null;
  /** Pools: per-call messaging cost of each sample. */
  messagingMs: number[];
}

/** Each sample lasts at least this long: max(50 ticks, 10 ms). */
export function minSampleMs(tickMs: number): number {
  return Math.max(50 * tickMs, 10);
}

/** Consecutive per-call timings within 10% of each other count as settled. */
export function settled(prev: number, cur: number): boolean {
  return Math.abs(cur - prev) <= 0.1 * Math.max(prev, cur);
}

export const DEFAULT_MIN_SAMPLES = 7;
/** Pairs (full size, then smaller) for the scaling check; as many again when the first ones say it fails. */
export const SCALING_SAMPLES = 3;
/** Scaling pairs go into the odd rounds from this one on, after the start of the sampling. */
const SCALING_FROM_ROUND = DEFAULT_MIN_SAMPLES;
const OVERHEAD_SAMPLES = 5;

function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
}

function record(m: Measured, t: Timed): void {
  if (!m.outputs.some((o) => o.output === t.output && o.work === t.work)) m.outputs.push({ output: t.output, work: t.work });
}

function middle(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** The next batch when a sample of `batch` calls took `ms`, short of `target`. */
function grow(batch: number, ms: number, target: number, tickMs: number, maxBatch: number): number {
  const next = ms > tickMs ? Math.ceil((batch * target * 1.2) / ms) : batch * 10;
  return Math.min(maxBatch, Math.max(batch * 2, next));
}

/**
 * Warm up until timings settle (V8 tiers wasm up; Pyodide warms its caches) and, on a fresh
 * worker, for at least `warmupMinMs` of wall time, while growing the batch until one sample
 * lasts at least minSampleMs. Returns the batch to sample with.
 */
export async function warmUp(s: Sampler, opts: HarnessOptions, m: Measured): Promise<number> {
  const target = minSampleMs(opts.tickMs);
  const maxWarmup = opts.maxWarmup ?? 12;
  const maxBatch = opts.maxBatch ?? 1_000_000;
  const minWall = s.warmupMinMs ?? 0;
  const now = opts.now ?? (() => performance.now());
  const budget = Math.max(opts.timeBudgetMs, 2 * target);
  const t0 = now();
  const fixed = opts.batch !== undefined;
  let batch = opts.batch ?? 1;
  let prev: number | null = null;
  let spent = 0;
  for (let i = 1; ; i++) {
    checkAborted(opts.signal);
    const t = await s.sample(batch, 'kernel');
    record(m, t);
    spent += t.ms;
    const perCall = t.ms / t.batch;
    m.warmupMs.push(perCall);
    opts.onProgress?.({ phase: 'warmup', name: s.name, samples: i });
    if (!fixed && t.ms < target && batch < maxBatch) {
      // Too short to time well: grow the batch towards the target and try again.
      batch = grow(batch, t.ms, target, opts.tickMs, maxBatch);
      prev = null;
      continue;
    }
    // A slow kernel's long call is its own warm-up; otherwise wait for two calls that agree.
    // Never on a fresh worker's first call alone: WebKit can spend 1-2 s in it (compiling the
    // wasm) for a kernel that then takes microseconds, which left the batch at 1 (docs/engines.md).
    const enough = (prev !== null && (settled(prev, perCall) || spent > budget)) || i >= maxWarmup;
    prev = perCall;
    if (enough && now() - t0 >= minWall) break;
  }
  m.warmupWallMs = now() - t0;
  return batch;
}

/** The per-call time of an empty kernel through the same path, batched like any sample. */
async function measureOverhead(s: Sampler, opts: HarnessOptions, m: Measured): Promise<void> {
  const target = minSampleMs(opts.tickMs);
  const maxBatch = opts.maxBatch ?? 1_000_000;
  let batch = Math.max(1, m.batch);
  const perCall: number[] = [];
  for (let i = 0; perCall.length < OVERHEAD_SAMPLES && i < 40; i++) {
    checkAborted(opts.signal);
    const t = await s.sample(batch, 'overhead');
    opts.onProgress?.({ phase: 'overhead', name: s.name, samples: perCall.length });
    if (t.ms < target && batch < maxBatch) batch = grow(batch, t.ms, target, opts.tickMs, maxBatch);
    else perCall.push(t.ms / t.batch);
  }
  m.overheadMs = perCall.length ? middle(perCall) : null;
}

/** The order of round `r`: forwards on even rounds, backwards on odd ones (A B, B A, ...). */
export function roundOrder(n: number, r: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  return r % 2 === 0 ? order : order.reverse();
}

function emptyMeasured(name: string): Measured {
  return {
    name,
    samplesMs: [],
    batch: 1,
    warmupMs: [],
    warmupWallMs: 0,
    outputs: [],
    discardedHidden: 0,
    scalingMs: [],
    scalingBesideMs: [],
    overheadMs: null,
    messagingMs: [],
  };
}

/**
 * Measure every sampler: warm each up, time its empty kernel, then interleaved rounds. Every
 * implementation takes one sample per round, so all stop together: when each has minSamples
 * and the slowest has spent the time budget, or when maxSamples is reached.
 */
export async function measure(samplers: readonly Sampler[], opts: HarnessOptions): Promise<Measured[]> {
  const minSamples = Math.min(opts.minSamples ?? DEFAULT_MIN_SAMPLES, opts.maxSamples);
  const maxBatch = opts.maxBatch ?? 1_000_000;
  const results = samplers.map((s) => emptyMeasured(s.name));
  for (const [i, s] of samplers.entries()) {
    const m = results[i]!;
    m.batch = await warmUp(s, opts, m);
    if (s.overhead) await measureOverhead(s, opts, m);
  }
  const spent = samplers.map(() => 0);
  const count = (i: number): number => results[i]!.samplesMs.length;
  const finished = (): boolean =>
    samplers.every((_, i) => count(i) >= opts.maxSamples) ||
    (samplers.every((_, i) => count(i) >= minSamples) && spent.some((x) => x >= opts.timeBudgetMs));

  /** One sample; null when it was taken while the page was hidden (and is discarded). */
  const take = async (i: number, probe: Probe, batch: number): Promise<Timed | null> => {
    checkAborted(opts.signal);
    const m = results[i]!;
    const hiddenBefore = opts.isHidden?.() ?? false;
    const t = await samplers[i]!.sample(batch, probe);
    if (probe === 'kernel') {
      spent[i]! += t.ms;
      record(m, t);
    }
    if (hiddenBefore || (opts.isHidden?.() ?? false)) {
      m.discardedHidden++;
      if (m.discardedHidden > 10 * opts.maxSamples) throw new Error('the page stayed hidden; measurement abandoned');
      return null;
    }
    return t;
  };
  const scalingBatch = (i: number): number =>
    Math.min(maxBatch, Math.max(1, Math.round(results[i]!.batch * (samplers[i]!.scalingGrowth ?? 1))));
  /** Scaling pairs still wanted: SCALING_SAMPLES, and as many again to confirm a failing check before it is believed. */
  const wantsScaling = (i: number): boolean => {
    const growth = samplers[i]!.scalingGrowth ?? null;
    const m = results[i]!;
    const n = m.scalingMs.length;
    if (growth === null || n >= 2 * SCALING_SAMPLES) return false;
    if (n < SCALING_SAMPLES) return true;
    return !scales(1 / growth, middle(m.scalingMs.map((x, k) => x / m.scalingBesideMs[k]!)));
  };

  /** A sample at the smaller size, paired with the full-size one just before it (`beside`, or a fresh one). */
  const takeScaling = async (i: number, beside?: number): Promise<void> => {
    const m = results[i]!;
    let full = beside;
    if (full === undefined) {
      const t = await take(i, 'kernel', m.batch);
      full = t ? t.ms / t.batch : undefined;
    }
    const small = await take(i, 'scaling', scalingBatch(i));
    if (small && full !== undefined) {
      m.scalingMs.push(small.ms / small.batch);
      m.scalingBesideMs.push(full);
    }
  };

  for (let round = 0; !finished(); round++) {
    for (const i of roundOrder(samplers.length, round)) {
      if (count(i) >= opts.maxSamples) continue;
      const m = results[i]!;
      const t = await take(i, 'kernel', m.batch);
      if (!t) continue;
      m.samplesMs.push(t.ms / t.batch);
      if (t.messagingMs !== undefined) m.messagingMs.push(t.messagingMs / t.batch);
      opts.onProgress?.({ phase: 'sampling', name: m.name, samples: m.samplesMs.length });
      // The smaller work size, in the odd rounds once sampling is under way, right after a
      // full-size sample: the pair sees the same conditions.
      if (round >= SCALING_FROM_ROUND && round % 2 === 1 && wantsScaling(i)) await takeScaling(i, t.ms / t.batch);
    }
  }
  // A run too short for every scaling sample in its rounds takes the rest now, each with a fresh full-size partner.
  for (const [i] of samplers.entries()) {
    for (let tries = 0; wantsScaling(i) && tries < 4 * SCALING_SAMPLES; tries++) await takeScaling(i);
  }
  return results;
}
