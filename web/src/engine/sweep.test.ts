// The engine additions the site needs: sweeps checked point by point before anything runs,
// latency mode (every kernel sample one call), and the trajectory points request.
import { describe, expect, it } from 'vitest';
import type { Capabilities } from './environment';
import { measure, type Probe, type Sampler, type Timed } from './harness';
import { checkRequest, sweepRequests } from './request';

const isolated: Capabilities = { crossOriginIsolated: true, sharedArrayBuffer: true, wasmThreads: true, threads: true, pythonInterrupt: true, notice: null };

describe('sweeps', () => {
  it('one request per point: threads and parameters override the base', () => {
    const reqs = sweepRequests({ workload: 'amdahl', params: { work: 1000 }, implementations: ['rust-threads'] }, [{ threads: 1 }, { threads: 2, params: { p: 50 } }], isolated, 4);
    expect(reqs.map((r) => r.threads)).toEqual([1, 2]);
    expect(reqs[1]!.params).toEqual({ work: 1000, p: 50 });
  });

  it('every point is checked before any runs', () => {
    expect(() => sweepRequests({ workload: 'fib' }, [{ params: { n: 10 } }, { params: { n: 99 } }], isolated, 2)).toThrow(/between 0 and 50/);
    expect(() => sweepRequests({ workload: 'fib' }, [], isolated, 2)).toThrow(/between 1 and 16 points/);
    expect(() => sweepRequests({ workload: 'fib' }, [{ workers: 2 } as never], isolated, 2)).toThrow(/unknown sweep point key 'workers'/);
    expect(() => sweepRequests({ workload: 'fib' }, 'x' as never, isolated, 2)).toThrow(/points/);
  });
});

describe('latency mode and points', () => {
  it('latency: true asks for batch 1; points only for trajectory', () => {
    expect(checkRequest({ workload: 'binary-trees', latency: true }, isolated, 2).batch).toBe(1);
    expect(checkRequest({ workload: 'binary-trees' }, isolated, 2).batch).toBeUndefined();
    expect(() => checkRequest({ workload: 'fib', latency: 'yes' as never }, isolated, 2)).toThrow(/latency must be true or false/);
    expect(checkRequest({ workload: 'trajectory', wantPoints: true }, isolated, 2).wantPoints).toBe(true);
    expect(checkRequest({ workload: 'fib', wantPoints: true }, isolated, 2).wantPoints).toBe(false);
  });

  it('the harness keeps a fixed batch: every kernel sample is one call, even a fast one', async () => {
    const batches: number[] = [];
    const s: Sampler = {
      name: 'fast',
      async sample(batch: number, probe: Probe): Promise<Timed> {
        if (probe === 'kernel') batches.push(batch);
        return { ms: 0.01 * batch, batch, output: '1', work: '00000000000000aa' };
      },
    };
    const [m] = await measure([s], { tickMs: 0.005, timeBudgetMs: 5, maxSamples: 9, batch: 1 });
    expect(new Set(batches)).toEqual(new Set([1]));
    expect(m!.batch).toBe(1);
    expect(m!.samplesMs).toHaveLength(9);
  });
});
