import { describe, expect, it } from 'vitest';
import { measure, minSampleMs, settled, type Sampler, type Timed } from './harness';

/** A sampler whose kernel takes `perCallMs` per call (our own logic under test, so a fake). */
function fake(name: string, perCallMs: number, output = '42', log?: string[]): Sampler & { batches: number[] } {
  const batches: number[] = [];
  return {
    name,
    batches,
    async sample(batch: number): Promise<Timed> {
      batches.push(batch);
      log?.push(name);
      return { ms: perCallMs * batch, batch, output };
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

  it('does not batch a slow kernel', async () => {
    const [m] = await measure([fake('python', 50)], opts);
    expect(m!.batch).toBe(1);
    expect(m!.samplesMs.length).toBeGreaterThanOrEqual(3);
  });

  it('interleaves samples A B A B after warm-up', async () => {
    const log: string[] = [];
    const a = fake('a', 20, '1', log);
    const b = fake('b', 20, '1', log);
    await measure([a, b], { ...opts, maxSamples: 4 });
    const sampling = log.slice(log.length - 8);
    expect(sampling).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
  });

  it('respects maxSamples and the time budget', async () => {
    const [m] = await measure([fake('x', 1)], { ...opts, maxSamples: 5 });
    expect(m!.samplesMs.length).toBe(5);
    const [slow] = await measure([fake('y', 100)], { ...opts, timeBudgetMs: 250, maxSamples: 100 });
    expect(slow!.samplesMs.length).toBe(3);
  });

  it('discards samples taken while the page is hidden', async () => {
    let calls = 0;
    const [m] = await measure([fake('x', 20)], { ...opts, maxSamples: 4, isHidden: () => ++calls % 3 === 0 });
    expect(m!.discardedHidden).toBeGreaterThan(0);
    expect(m!.samplesMs.length).toBe(4);
  });

  it('collects every distinct output', async () => {
    let i = 0;
    const flaky: Sampler = { name: 'f', sample: async (batch) => ({ ms: 20 * batch, batch, output: String(i++ % 2) }) };
    const [m] = await measure([flaky], { ...opts, maxSamples: 3 });
    expect(m!.outputs.sort()).toEqual(['0', '1']);
  });

  it('stops when aborted', async () => {
    const ac = new AbortController();
    ac.abort(new Error('stopped'));
    await expect(measure([fake('x', 20)], { ...opts, signal: ac.signal })).rejects.toThrow('stopped');
  });
});
