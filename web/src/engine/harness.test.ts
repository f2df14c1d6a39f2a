import { describe, expect, it } from 'vitest';
import { measure, minSampleMs, roundOrder, settled, type Probe, type Sampler, type Timed } from './harness';

interface Fake extends Sampler {
  batches: number[];
  probes: Probe[];
}

/** A sampler whose kernel takes `perCallMs` per call (our own logic under test, so a fake). */
function fake(name: string, perCallMs: number, opts: { output?: string; log?: string[]; extra?: Partial<Sampler>; small?: number } = {}): Fake {
  const batches: number[] = [];
  const probes: Probe[] = [];
  return {
    name,
    batches,
    probes,
    ...opts.extra,
    async sample(batch: number, probe: Probe): Promise<Timed> {
      batches.push(batch);
      probes.push(probe);
      if (probe === 'kernel') opts.log?.push(name);
      const per = probe === 'overhead' ? 0.0001 : probe === 'scaling' ? (opts.small ?? perCallMs / 4) : perCallMs;
      return { ms: per * batch, batch, output: opts.output ?? '42', work: '00000000000000aa' };
    },
  };
}

const opts = { tickMs: 0.005, timeBudgetMs: 200, maxSamples: 20 };

describe('harness', () => {
  it('a sample lasts at least max(50 ticks, 10 ms)', () => {
    expect(minSampleMs(0.005)).toBe(10);
    expect(minSampleMs(1)).toBe(50);
  });

  it('settles within 10%', () => {
    expect(settled(10, 10.9)).toBe(true);
    expect(settled(10, 12)).toBe(false);
  });

  it('batches a fast kernel so each sample lasts at least the minimum', async () => {
    const fast = fake('rust', 0.001);
    const [m] = await measure([fast], opts);
    expect(m!.batch * 0.001).toBeGreaterThanOrEqual(10);
    expect(m!.samplesMs.every((x) => Math.abs(x - 0.001) < 1e-12)).toBe(true);
  });

  it('does not batch a slow kernel, and still takes the seven samples a ratio interval needs', async () => {
    const [m] = await measure([fake('python', 50)], opts);
    expect(m!.batch).toBe(1);
    expect(m!.samplesMs.length).toBe(7);
  });

  it('does not take a slow first call for a slow kernel: the batch still grows when the next call is fast', async () => {
    let first = true;
    const batches: number[] = [];
    const coldFirst: Sampler = {
      name: 'rust',
      sample: async (batch) => {
        batches.push(batch);
        const per = first ? 1800 : 0.001;
        first = false;
        return { ms: per * batch, batch, output: '42', work: '00000000000000aa' };
      },
    };
    const [m] = await measure([coldFirst], opts);
    expect(batches[0]).toBe(1);
    expect(m!.batch * 0.001).toBeGreaterThanOrEqual(10);
    expect(m!.samplesMs.every((x) => Math.abs(x - 0.001) < 1e-12)).toBe(true);
  });

  it('respects maxSamples and the time budget', async () => {
    const [m] = await measure([fake('x', 1)], { ...opts, maxSamples: 5 });
    expect(m!.samplesMs.length).toBe(5);
    const [slow] = await measure([fake('y', 100)], { ...opts, timeBudgetMs: 250, maxSamples: 100, minSamples: 3 });
    expect(slow!.samplesMs.length).toBe(3);
  });

  it('discards samples taken while the page is hidden', async () => {
    let calls = 0;
    const [m] = await measure([fake('x', 20)], { ...opts, maxSamples: 4, isHidden: () => ++calls % 3 === 0 });
    expect(m!.discardedHidden).toBeGreaterThan(0);
    expect(m!.samplesMs.length).toBe(4);
  });

  it('collects every distinct output and work digest', async () => {
    let i = 0;
    const flaky: Sampler = {
      name: 'f',
      sample: async (batch) => ({ ms: 20 * batch, batch, output: '1', work: String(i++ % 2) }),
    };
    const [m] = await measure([flaky], { ...opts, maxSamples: 3 });
    expect(m!.outputs.map((o) => o.work).sort()).toEqual(['0', '1']);
  });

  it('stops when aborted', async () => {
    const ac = new AbortController();
    ac.abort(new Error('stopped'));
    await expect(measure([fake('x', 20)], { ...opts, signal: ac.signal })).rejects.toThrow('stopped');
  });
});

describe('interleaving (issue 9: always A then B, and the fast side ran alone at the end)', () => {
  it('alternates the order of each round: A B, B A, A B ...', async () => {
    expect(roundOrder(3, 0)).toEqual([0, 1, 2]);
    expect(roundOrder(3, 1)).toEqual([2, 1, 0]);
    const log: string[] = [];
    const a = fake('a', 20, { log });
    const b = fake('b', 20, { log });
    await measure([a, b], { ...opts, maxSamples: 4 });
    const sampling = log.slice(log.length - 8);
    expect(sampling).toEqual(['a', 'b', 'b', 'a', 'a', 'b', 'b', 'a']);
  });

  it('all implementations stop together: no back-to-back samples of the fast side after the slow one spent its budget', async () => {
    const log: string[] = [];
    const slow = fake('python', 100, { log });
    const fast = fake('rust', 1, { log });
    const [p, r] = await measure([slow, fast], { ...opts, timeBudgetMs: 500, maxSamples: 30 });
    expect(p!.samplesMs.length).toBe(r!.samplesMs.length);
    const sampling = log.slice(log.length - 2 * p!.samplesMs.length);
    for (let k = 0; k + 1 < sampling.length; k += 2) expect(new Set(sampling.slice(k, k + 2))).toEqual(new Set(['python', 'rust']));
  });
});

describe('warm-up for a minimum wall time on a fresh worker', () => {
  /** A kernel on a simulated clock: `perCall(clock)` ms per call, with a minimum warm-up. */
  async function onClock(perCall: (clockMs: number) => number, warmupMinMs: number) {
    let clock = 0;
    const s: Sampler = {
      name: 'rust',
      warmupMinMs,
      sample: async (batch) => {
        const per = perCall(clock);
        clock += per * batch;
        return { ms: per * batch, batch, output: '1', work: '1' };
      },
    };
    const [m] = await measure([s], { ...opts, now: () => clock, maxSamples: 7 });
    return m!;
  }

  it('keeps warming a settled kernel until the minimum wall time has passed', async () => {
    const m = await onClock(() => 10, 1000);
    expect(m.warmupWallMs).toBeGreaterThanOrEqual(1000);
    expect(m.warmupMs.length).toBeGreaterThanOrEqual(100);
  });

  it('a warm worker (no minimum) stops once two calls agree', async () => {
    const [m] = await measure([fake('rust', 20)], { ...opts, maxSamples: 7 });
    expect(m!.warmupMs.length).toBe(2);
  });

  it('sees a slow phase of tier-up and does not sample it', async () => {
    // 30 ms per call for the first 500 ms (a baseline tier), 10 ms after.
    const m = await onClock((clock) => (clock < 500 ? 30 : 10), 800);
    expect(m.samplesMs.every((x) => x === 10)).toBe(true);
  });
});

describe('probes: the empty kernel and the smaller work size', () => {
  it('measures the per-call overhead with a batch long enough to time', async () => {
    const s = fake('rust', 0.01, { extra: { overhead: true } });
    const [m] = await measure([s], { ...opts, maxSamples: 7 });
    expect(m!.overheadMs).toBeCloseTo(0.0001, 9);
    const overheadBatches = s.batches.filter((_, k) => s.probes[k] === 'overhead');
    expect(Math.max(...overheadBatches) * 0.0001).toBeGreaterThanOrEqual(10);
  });

  it('takes three samples at the smaller size, batched by the expected growth', async () => {
    const s = fake('rust', 8, { extra: { scalingGrowth: 4 }, small: 2 });
    const [m] = await measure([s], { ...opts, maxSamples: 10 });
    expect(m!.scalingMs).toEqual([2, 2, 2]);
    expect(m!.scalingBesideMs).toEqual([8, 8, 8]);
    const small = s.batches.filter((_, k) => s.probes[k] === 'scaling');
    expect(small.every((b) => b === m!.batch * 4)).toBe(true);
  });

  it('takes the scaling samples even when the run is one round long', async () => {
    const s = fake('rust', 8, { extra: { scalingGrowth: 2 } });
    const [m] = await measure([s], { ...opts, maxSamples: 1 });
    expect(m!.scalingMs.length).toBe(3);
  });

  it('a check that fails is confirmed with as many pairs again before it is believed', async () => {
    const folded = fake('rust', 8, { extra: { scalingGrowth: 4 }, small: 8 });
    const [m] = await measure([folded], { ...opts, maxSamples: 10 });
    expect(m!.scalingMs.length).toBe(6);
    const honest = fake('rust', 8, { extra: { scalingGrowth: 4 }, small: 2 });
    const [h] = await measure([honest], { ...opts, maxSamples: 10 });
    expect(h!.scalingMs.length).toBe(3);
  });

  it('does not take scaling samples without an expected growth', async () => {
    const s = fake('rust', 8);
    await measure([s], { ...opts, maxSamples: 7 });
    expect(s.probes).not.toContain('scaling');
    expect(s.probes).not.toContain('overhead');
  });
});
