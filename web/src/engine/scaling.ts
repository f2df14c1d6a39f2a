// The scaling check (issue 9): time must grow with the work. An optimiser that folds a loop
// into one addition still returns the right answer, so verification alone cannot see it.
// The catalog names the parameter that sets the work (`work_param`) and its cost model
// (`cost(params)`, Contract 2); the harness takes a few samples at a smaller work size, and
// here the measured time ratio is compared with the expected one. Pure.
import type { ParamSpec } from '../generated/catalog';
import type { ParamValues } from '../shared/params';

/** What the check needs from a workload (a structural subset of the catalog's WorkloadSpec). */
export interface ScalingSpec {
  readonly params: readonly ParamSpec[];
  readonly work_param?: string | null;
  readonly cost?: ((params: Record<string, number | string>) => number) | null;
}

export interface ScalingPlan {
  param: string;
  /** The parameters at the smaller work size (only the work parameter differs). */
  params: ParamValues;
  /** The work parameter's smaller value. */
  small: number;
  /** Expected time at the smaller size over the time at the requested one: cost ratio, < 1. */
  expected: number;
}

/** The smaller size aims at a quarter of the work: large enough a change to see, small enough to be cheap. */
const AIM = 0.25;
/** No check when the smallest allowed size still costs more than half the work: too little to see. */
const MAX_EXPECTED = 0.5;

/**
 * Where to take the scaling samples: the work parameter's value whose cost is nearest a quarter
 * of the requested cost (on a log scale), among those that cost at most half. Null when the
 * workload has no work parameter or cost, or the request is already near the smallest size.
 */
export function planScaling(w: ScalingSpec, params: ParamValues): ScalingPlan | null {
  const name = w.work_param;
  const cost = w.cost;
  if (!name || !cost) return null;
  const spec = w.params.find((p) => p.name === name);
  const full = params[name];
  if (!spec || spec.type === 'choice' || typeof full !== 'number') return null;
  const total = cost(params);
  if (!(total > 0) || !Number.isFinite(total)) return null;
  const ratio = (v: number): number => cost({ ...params, [name]: v }) / total;
  // The largest value costing at most AIM (cost grows with the work parameter), by bisection.
  let lo = spec.min;
  let hi = full;
  if (ratio(lo) > AIM) hi = lo;
  else {
    while (hi - lo > (spec.type === 'int' ? 1 : 1e-9 * Math.max(1, Math.abs(full)))) {
      const mid = spec.type === 'int' ? Math.floor((lo + hi) / 2) : (lo + hi) / 2;
      if (ratio(mid) <= AIM) lo = mid;
      else hi = mid;
    }
  }
  const candidates = [...new Set([lo, hi])].filter((v) => v < full && v >= spec.min);
  let best: { v: number; r: number } | null = null;
  for (const v of candidates) {
    const r = ratio(v);
    if (!(r > 0) || r > MAX_EXPECTED) continue;
    if (!best || Math.abs(Math.log(r / AIM)) < Math.abs(Math.log(best.r / AIM))) best = { v, r };
  }
  if (!best) return null;
  return { param: name, params: { ...params, [name]: best.v }, small: best.v, expected: best.r };
}

export interface ScalingResult {
  param: string;
  small: number;
  /** Expected time ratio small/full, from the cost model. */
  expected: number;
  /** Measured time ratio small/full: the median over pairs of adjacent samples. */
  measured: number;
  /** False when time does not grow with the work: it grew by less than the square root of the expected growth. */
  scales: boolean;
}

/**
 * Judge the measured ratio (time per call at the smaller size over time per call at the
 * requested one). Work that scales gives about `expected` (per-call overheads pull it towards
 * 1); folded work gives about 1. The line is half the expected growth on a log scale: a quarter
 * of the work must take at most half the time.
 */
export function judgeScaling(plan: ScalingPlan, measured: number): ScalingResult {
  return { param: plan.param, small: plan.small, expected: plan.expected, measured, scales: scales(plan.expected, measured) };
}

/** The line itself: a measured ratio at most the square root of the expected one. */
export function scales(expected: number, measured: number): boolean {
  return Number.isFinite(measured) && measured <= Math.sqrt(expected);
}
