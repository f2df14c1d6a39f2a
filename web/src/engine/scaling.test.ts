import { describe, expect, it } from 'vitest';
import type { ParamSpec } from '../generated/catalog';
import { judgeScaling, planScaling } from './scaling';

const int = (name: string, min: number, max: number): ParamSpec => ({
  name,
  type: 'int',
  default: min,
  min,
  max,
  page_max_python: max,
  page_max_rust: max,
  help: '',
});

describe('planScaling: where to take the smaller samples', () => {
  it('a linear cost takes a quarter of the work parameter', () => {
    const w = { params: [int('n', 0, 1e6)], work_param: 'n', cost: (p: Record<string, number | string>) => Number(p.n) + 1 };
    expect(planScaling(w, { n: 1000 })).toEqual({ param: 'n', params: { n: 249 }, small: 249, expected: 250 / 1001 });
  });

  it('a quadratic cost takes half the size, other parameters unchanged', () => {
    const w = {
      params: [int('n', 1, 16000), { name: 'mode', type: 'choice', default: 'a', choices: ['a'], help: '' } as ParamSpec],
      work_param: 'n',
      cost: (p: Record<string, number | string>) => Number(p.n) ** 2,
    };
    expect(planScaling(w, { n: 200, mode: 'a' })).toMatchObject({ params: { n: 100, mode: 'a' }, expected: 0.25 });
  });

  it('a steep cost picks the nearest step on a log scale, never more than half the work', () => {
    const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
    const w = { params: [int('n', 3, 12)], work_param: 'n', cost: (p: Record<string, number | string>) => fact(Number(p.n)) * Number(p.n) };
    const plan = planScaling(w, { n: 9 })!;
    expect(plan.small).toBe(8);
    expect(plan.expected).toBeLessThanOrEqual(0.5);
  });

  it('no check where there is no smaller size worth measuring, or no cost model', () => {
    const w = { params: [int('n', 5, 50)], work_param: 'n', cost: (p: Record<string, number | string>) => Number(p.n) };
    expect(planScaling(w, { n: 5 })).toBeNull();
    expect(planScaling(w, { n: 9 })).toBeNull(); // 5/9 > 1/2
    expect(planScaling(w, { n: 10 })).toMatchObject({ small: 5 });
    expect(planScaling({ params: w.params }, { n: 40 })).toBeNull();
    expect(planScaling({ ...w, cost: () => 0 }, { n: 40 })).toBeNull();
  });
});

describe('judgeScaling: time must grow with the work', () => {
  const plan = { param: 'n', params: { n: 250 }, small: 250, expected: 0.25 };
  it('passes work that scales, even with some per-call overhead', () => {
    expect(judgeScaling(plan, 0.25).scales).toBe(true);
    expect(judgeScaling(plan, 0.49).scales).toBe(true);
  });
  it('fails work whose time does not change (folded by the optimiser)', () => {
    expect(judgeScaling(plan, 1)).toMatchObject({ measured: 1, scales: false });
    expect(judgeScaling(plan, 0.6).scales).toBe(false);
  });
});
