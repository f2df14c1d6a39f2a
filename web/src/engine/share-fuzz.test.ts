// The share codec under the fuzz of tests/e2e/fuzz.spec.ts, without a browser: 1,000 random
// or mutated fragments, each decoded to a checked state or refused with a notice, never thrown.
import { describe, expect, it } from 'vitest';
import { fragments } from '../../../tests/e2e/fuzz-inputs';
import { IMPLEMENTATION_IDS } from './implementations';
import { workloadSpec } from '../shared/params';
import { decodeShare } from '../shared/share';

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);

describe(`share links, fuzzed (seed ${SEED})`, () => {
  it('every fragment is a checked state or a notice, never an exception', () => {
    let refused = 0;
    for (const [i, f] of fragments(SEED, 1000).entries()) {
      const w = workloadSpec(['fib', 'fib-batch', 'nbody', 'shared-counter'][i % 4]);
      const d = decodeShare(`#s=${f}`, w, IMPLEMENTATION_IDS);
      if (d.state === null) {
        refused++;
        expect(d.notice).toMatch(/^This share link was not loaded, because .+; nothing from it is shown or run\.$/);
        expect(d.notice!.length).toBeLessThan(400);
      } else {
        expect(d.notice).toBeNull();
        expect(d.state.v).toBe(1);
        if (d.state.code !== undefined) expect(typeof d.state.code).toBe('string');
        for (const [k, v] of Object.entries(d.state.params ?? {})) {
          const p = w.params.find((x) => x.name === k)!;
          expect(p).toBeDefined();
          if (p.type !== 'choice') expect(v as number).toBeLessThanOrEqual(p.max);
        }
      }
    }
    expect(refused).toBeGreaterThan(200);
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  }, 60_000);
});
