import { describe, expect, it } from 'vitest';
import { measure, type Measured, type Probe, type Sampler } from './harness';
import { planScaling } from './scaling';
import { rng } from './stats';
import { verdict, type ImplFacts } from './verdict';

const WORK = '0123456789abcdef';

function samples(seed: number, n: number, base: number, spread = 0.01): number[] {
  const next = rng(seed);
  return Array.from({ length: n }, () => base * (1 + spread * next()));
}

function measured(name: string, samplesMs: number[], extra: Partial<Measured> = {}): Measured {
  return {
    name,
    samplesMs,
    batch: 1,
    warmupMs: [],
    warmupWallMs: 0,
    outputs: [{ output: '196418', work: WORK }],
    discardedHidden: 0,
    scalingMs: [],
    scalingBesideMs: [],
    overheadMs: null,
    messagingMs: [],
    ...extra,
  };
}

function facts(label: string, extra: Partial<ImplFacts> = {}): ImplFacts {
  return { label, build: 'python', custom: false, scaling: null, ...extra };
}

const F = {
  python: facts('Python'),
  rust: facts('Rust', { build: 'st' }),
  'rust-threads': facts('Rust, threads', { build: 'mt' }),
  'rust-threads-1': facts('Rust, threads (1)', { build: 'mt' }),
};
const base = { facts: F, tickMs: 0.005, coarseTickMs: 0.02 };

describe('verification of output and work', () => {
  it('a clean run is verified, with ratios both ways and no flags', () => {
    const v = verdict({ ...base, measured: [measured('python', samples(1, 20, 100)), measured('rust', samples(2, 20, 1))] });
    expect(v.verified).toBe(true);
    expect(v.output).toBe('196418');
    expect(v.work).toBe(WORK);
    expect(v.mismatch).toBeNull();
    expect(v.flags).toEqual([]);
    const r = v.ratios['python/rust']!;
    expect(r.hidden).toBe(false);
    expect(r.value).toBeGreaterThan(95);
    expect(r.ci95![0]).toBeLessThanOrEqual(r.value!);
    expect(r.ci95![1]).toBeGreaterThanOrEqual(r.value!);
    expect(v.ratios['rust/python']!.value).toBeCloseTo(1 / r.value!, 12);
  });

  it('the same answer from less work is a mismatch: the ratio is hidden', () => {
    const lazy = measured('rust', samples(2, 20, 1), { outputs: [{ output: '196418', work: 'ffffffffffffffff' }] });
    const v = verdict({ ...base, measured: [measured('python', samples(1, 20, 100)), lazy] });
    expect(v.verified).toBe(false);
    expect(v.output).toBeNull();
    expect(v.mismatch).toEqual({ python: { output: '196418', work: WORK }, rust: { output: '196418', work: 'ffffffffffffffff' } });
    const f = v.flags.find((x) => x.code === 'mismatch')!;
    expect(f.message).toMatch(/work digests differ/);
    expect(f.hidesRatio).toBe(true);
    expect(v.ratios['python/rust']).toEqual({ value: null, ci95: null, flags: ['mismatch'], hidden: true });
  });

  it('a different output is a mismatch', () => {
    const wrong = measured('python', samples(1, 20, 100), { outputs: [{ output: '11', work: '' }] });
    const v = verdict({ ...base, measured: [wrong, measured('rust', samples(2, 20, 1))] });
    expect(v.verified).toBe(false);
    expect(v.flags.map((f) => f.code)).toContain('mismatch');
    expect(v.flags.find((f) => f.code === 'mismatch')!.message).toMatch(/outputs differ/);
  });

  it('an implementation whose output changes between samples is nondeterministic, never verified', () => {
    const flaky = measured('rust', samples(2, 20, 1), { outputs: [{ output: '196418', work: WORK }, { output: '196417', work: WORK }] });
    const v = verdict({ ...base, measured: [measured('python', samples(1, 20, 100)), flaky] });
    expect(v.verified).toBe(false);
    expect(v.flags.map((f) => f.code)).toEqual(expect.arrayContaining(['nondeterministic', 'mismatch']));
    expect(v.ratios['python/rust']!.hidden).toBe(true);
  });

  it('a one-implementation run says there is nothing to compare, and is not called verified', () => {
    const v = verdict({ ...base, measured: [measured('rust', samples(2, 20, 1))] });
    expect(v.verified).toBe(false);
    expect(v.output).toBe('196418');
    expect(v.mismatch).toBeNull();
    expect(v.ratios).toEqual({});
    expect(v.flags.map((f) => f.code)).toEqual(['nothing-to-compare']);
  });

  it('a pool verifies against a whole run: the digests of its shards add up to the whole one', () => {
    const pf = { ...F, 'python-pool': facts('Python pool') };
    const pool = measured('python-pool', samples(3, 20, 50));
    expect(verdict({ ...base, facts: pf, measured: [measured('python', samples(1, 20, 100)), pool] }).verified).toBe(true);
  });
});

describe('flags that grey or hide a number', () => {
  it('few samples: no interval, a few-samples flag, and a greyed (not hidden) ratio', () => {
    const v = verdict({ ...base, measured: [measured('python', [100, 101, 102]), measured('rust', samples(2, 20, 1))] });
    expect(v.implementations.python!.ci95Ms).toBeNull();
    const f = v.flags.find((x) => x.code === 'few-samples')!;
    expect(f).toMatchObject({ impl: 'python', hidesRatio: false });
    expect(f.message).toMatch(/3 samples/);
    const r = v.ratios['python/rust']!;
    expect(r).toMatchObject({ hidden: false, ci95: null, flags: ['few-samples'] });
    expect(r.value).toBeGreaterThan(90);
  });

  it('maxSamples: 1 gives no interval rather than a zero-width one', () => {
    const v = verdict({ ...base, measured: [measured('python', [100]), measured('rust', [1])] });
    expect(v.implementations.python!.ci95Ms).toBeNull();
    expect(v.ratios['python/rust']!.ci95).toBeNull();
  });

  it('a folded kernel (time does not grow with the work) hides its ratios', () => {
    const plan = { param: 'n', params: { n: 24 }, small: 24, expected: 0.236 };
    const fr = { ...F, rust: facts('Rust', { build: 'st', scaling: plan }) };
    const folded = measured('rust', samples(2, 20, 0.0002), { scalingMs: [0.0002, 0.0002, 0.0002], scalingBesideMs: [0.0002, 0.0002, 0.0002] });
    const v = verdict({ ...base, facts: fr, measured: [measured('python', samples(1, 20, 100)), folded] });
    expect(v.implementations.rust!.scaling).toEqual({ param: 'n', small: 24, expected: 0.236, measured: expect.closeTo(1, 1) });
    const f = v.flags.find((x) => x.code === 'work-not-scaling')!;
    expect(f).toMatchObject({ impl: 'rust', hidesRatio: true });
    expect(v.ratios['python/rust']).toMatchObject({ value: null, hidden: true, flags: ['work-not-scaling'] });
    // The outputs still agree: verified, but no number is shown for it.
    expect(v.verified).toBe(true);
  });

  it('a kernel whose time grows with the work passes the scaling check', () => {
    const plan = { param: 'n', params: { n: 24 }, small: 24, expected: 0.236 };
    const fr = { ...F, rust: facts('Rust', { build: 'st', scaling: plan }) };
    const honest = measured('rust', samples(2, 20, 1), { scalingMs: [0.25, 0.24, 0.26], scalingBesideMs: [1, 1, 1] });
    const v = verdict({ ...base, facts: fr, measured: [measured('python', samples(1, 20, 100)), honest] });
    expect(v.flags).toEqual([]);
    expect(v.ratios['python/rust']!.hidden).toBe(false);
  });

  it('custom Python is flagged and its ratios greyed', () => {
    const fc = { ...F, python: facts('Python', { custom: true }) };
    const v = verdict({ ...base, facts: fc, measured: [measured('python', samples(1, 20, 100)), measured('rust', samples(2, 20, 1))] });
    expect(v.flags.map((f) => f.code)).toEqual(['custom-python']);
    expect(v.ratios['python/rust']).toMatchObject({ hidden: false, flags: ['custom-python'] });
  });

  it('rust against rust-threads carries different-builds; rust-threads-1 against rust-threads does not', () => {
    const v = verdict({
      ...base,
      measured: [measured('rust', samples(1, 20, 10)), measured('rust-threads-1', samples(2, 20, 13)), measured('rust-threads', samples(3, 20, 7))],
    });
    expect(v.ratios['rust/rust-threads']!.flags).toEqual(['different-builds']);
    expect(v.ratios['rust-threads/rust']!.flags).toEqual(['different-builds']);
    expect(v.ratios['rust-threads-1/rust-threads']!.flags).toEqual([]);
    expect(v.ratios['rust-threads-1/rust-threads']!.value).toBeGreaterThan(1.7);
    // One flag per pair in the run's list, not one per direction.
    expect(v.flags.filter((f) => f.code === 'different-builds').map((f) => f.ratio)).toEqual(['rust/rust-threads-1', 'rust/rust-threads']);
  });

  it('drift between the halves of a run is flagged', () => {
    const slowing = [...samples(1, 10, 100), ...samples(2, 10, 130)];
    const v = verdict({ ...base, measured: [measured('python', slowing), measured('rust', samples(3, 20, 1))] });
    const f = v.flags.find((x) => x.code === 'drift')!;
    expect(f.impl).toBe('python');
    expect(f.message).toMatch(/\+3\d%/);
    expect(v.ratios['python/rust']!.flags).toContain('drift');
  });

  it('noisy samples flag the implementation and the ratio', () => {
    const v = verdict({ ...base, measured: [measured('python', samples(1, 8, 100, 0.5)), measured('rust', samples(2, 8, 1, 0.5))] });
    const codes = v.flags.map((f) => f.code);
    expect(codes).toContain('noisy');
    expect(codes).toContain('noisy-ratio');
    expect(v.ratios['python/rust']!.hidden).toBe(false);
  });

  it('a coarse timer and discarded hidden samples are said, without touching the ratio', () => {
    const v = verdict({
      ...base,
      tickMs: 0.1,
      measured: [measured('python', samples(1, 20, 100), { discardedHidden: 2 }), measured('rust', samples(2, 20, 1))],
    });
    expect(v.flags.map((f) => f.code)).toEqual(['hidden-samples-discarded', 'timer-coarse']);
    expect(v.ratios['python/rust']!.flags).toEqual([]);
  });

  it('every flag message is one sentence', () => {
    const v = verdict({
      ...base,
      tickMs: 0.1,
      facts: { ...F, python: facts('Python', { custom: true }) },
      measured: [measured('python', [1, 2, 3], { discardedHidden: 1 }), measured('rust', [1], { outputs: [{ output: 'x', work: 'y' }] })],
    });
    for (const f of v.flags) expect(f.message).toMatch(/^[A-Z0-9][^]*[.]$/);
  });
});

describe('the scaling check catches a folded kernel end to end (harness + verdict, stand-in samplers)', () => {
  const fib = {
    params: [{ name: 'n', type: 'int', default: 27, min: 0, max: 50, page_max_python: 32, page_max_rust: 42, help: '' }] as const,
    work_param: 'n',
    cost: (p: Record<string, number | string>) => {
      const f = [1, 1];
      for (let i = 2; i <= Number(p.n) + 1; i++) f.push(f[i - 1]! + f[i - 2]!);
      return 2 * f[Number(p.n)]! - 1;
    },
  };

  function sampler(name: string, perCall: (n: number) => number, growth: number, smallN: number): Sampler {
    return {
      name,
      scalingGrowth: growth,
      async sample(batch: number, probe: Probe) {
        const n = probe === 'scaling' ? smallN : 27;
        return { ms: perCall(n) * batch, batch, output: '196418', work: WORK };
      },
    };
  }

  it('picks a quarter of the work, and flags the kernel whose time does not change', async () => {
    const plan = planScaling(fib, { n: 27 })!;
    expect(plan.small).toBe(24);
    expect(plan.expected).toBeCloseTo(0.236, 3);
    const growth = 1 / plan.expected;
    const honest = sampler('python', (n) => 1e-4 * 1.618 ** n, growth, plan.small);
    const folded = sampler('rust', () => 0.0002, growth, plan.small); // one addition, whatever n
    const m = await measure([honest, folded], { tickMs: 0.005, timeBudgetMs: 100, maxSamples: 10 });
    const v = verdict({
      measured: m,
      facts: { python: facts('Python', { scaling: plan }), rust: facts('Rust', { build: 'st', scaling: plan }) },
      tickMs: 0.005,
      coarseTickMs: 0.02,
    });
    expect(v.flags.map((f) => [f.code, f.impl])).toEqual([['work-not-scaling', 'rust']]);
    expect(v.ratios['python/rust']!.hidden).toBe(true);
    expect(v.implementations.python!.scaling!.measured).toBeCloseTo(plan.expected, 2);
  });
});
