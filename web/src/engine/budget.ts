// Parameters that are fine alone but not together: every page cap is checked one parameter at a
// time (shared/params.ts), so all of them at once can ask Pyodide for a 30 s call. The catalog's
// cost model (`cost(params)` units times the ms per unit calibrated from `make bench`) predicts
// one call; a request whose predicted call is over the budget is refused before anything runs,
// naming the combination and the nearest allowed value of each parameter. Pure.
import type { NumberParamSpec, WorkloadSpec } from '../generated/catalog';
import { sig } from '../shared/format';
import { ParamError, type Language, type ParamValues } from '../shared/params';

/** The longest predicted single call the page accepts, per language (Pyodide is the slow one). */
export const CALL_BUDGET_MS: Record<Language, number> = { python: 4000, rust: 10_000 };

/** What the check needs from a workload (a structural subset of the catalog's WorkloadSpec). */
export type BudgetSpec = Pick<WorkloadSpec, 'id' | 'params' | 'cost' | 'cost_model'>;

/** One call's predicted time in ms; `share` is the fraction of the work one call does (a pool shard). */
export function predictMs(w: BudgetSpec, params: ParamValues, language: Language, share = 1): number {
  const perUnit = language === 'python' ? w.cost_model.python_ms_per_unit : w.cost_model.rust_ms_per_unit;
  const units = w.cost(params);
  return Number.isFinite(units) ? units * perUnit * share : Number.POSITIVE_INFINITY;
}

function seconds(ms: number): string {
  if (!Number.isFinite(ms)) return 'forever';
  return ms >= 1000 ? `${sig(ms / 1000, 2)} s` : `${sig(ms, 2)} ms`;
}

/**
 * The largest value of `p` at or below the requested one that fits, the other parameters kept
 * (binary search: every cost model grows with each of its parameters); null if none does.
 */
function largestFitting(w: BudgetSpec, params: ParamValues, p: NumberParamSpec, fits: (v: ParamValues) => boolean): number | null {
  const at = (x: number): ParamValues => ({ ...params, [p.name]: x });
  const asked = Number(params[p.name]);
  if (!fits(at(p.min))) return null;
  let lo = p.min;
  let hi = asked;
  if (p.type === 'int') {
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (fits(at(mid))) lo = mid;
      else hi = mid;
    }
    return lo;
  }
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (fits(at(mid))) lo = mid;
    else hi = mid;
  }
  return Number(sig(lo, 3)) <= lo ? Number(sig(lo, 3)) : lo;
}

/** For each numeric parameter, the nearest allowed value with the others as asked ("count <= 33"). */
export function nearestAllowed(w: BudgetSpec, params: ParamValues, language: Language, share = 1): { name: string; value: number }[] {
  const budget = CALL_BUDGET_MS[language];
  const fits = (v: ParamValues): boolean => predictMs(w, v, language, share) <= budget;
  const out: { name: string; value: number }[] = [];
  for (const p of w.params) {
    if (p.type === 'choice') continue;
    const v = largestFitting(w, params, p, fits);
    if (v !== null && v < Number(params[p.name])) out.push({ name: p.name, value: v });
  }
  return out;
}

/**
 * Refuse a call predicted over its language's budget. The message names the combination, the
 * predicted time, the budget and the nearest allowed values.
 */
export function checkBudget(w: BudgetSpec, params: ParamValues, language: Language, share = 1): void {
  const ms = predictMs(w, params, language, share);
  const budget = CALL_BUDGET_MS[language];
  if (ms <= budget) return;
  const combo = w.params
    .filter((p) => p.type !== 'choice')
    .map((p) => `${p.name}=${String(params[p.name])}`)
    .join(' and ');
  const who = language === 'python' ? 'Python' : 'Rust';
  const near = nearestAllowed(w, params, language, share).map((x) => `${x.name} <= ${x.value}`);
  const hint = near.length ? `; allowed with the others unchanged: ${near.join(', or ')}` : '';
  throw new ParamError(
    `${w.id} with ${combo} would take about ${seconds(ms)} per ${who} call in the page (limit ${seconds(budget)})${hint}`,
  );
}
