// What a workload page starts with, from the strongest source to the weakest: a share link
// (#s=...), the query string (?n=30&impls=python,rust&threads=2&sampling=quick), what the
// visitor typed here before (localStorage), then the catalog's defaults. Every source is
// checked the same way; whatever is refused is dropped with a notice, never an exception.
import type { WorkloadSpec } from '../../generated/catalog';
import { IMPLEMENTATION_IDS, isImplId } from '../../app';
import { ParamError, parseValue, validate } from '../../shared/params';
import { decodeShare, type SharedResult } from '../../shared/share';
import { load } from '../../ui/storage';

export const SAMPLING = {
  quick: { maxSamples: 7, timeBudgetMs: 300 },
  standard: { maxSamples: 30, timeBudgetMs: 2000 },
  thorough: { maxSamples: 100, timeBudgetMs: 8000 },
} as const;
export type Sampling = keyof typeof SAMPLING;

export interface StartState {
  params: Record<string, number | string>;
  code?: string;
  impls?: string[];
  threads?: number;
  sampling: Sampling;
  /** The result a share link carried. */
  shared?: SharedResult;
  /** The page was opened from a share link: nothing runs or downloads until Run. */
  fromShare: boolean;
  notices: string[];
}

/** Each saved parameter that still validates on its own (a saved value may predate a catalog change). */
function savedParams(w: WorkloadSpec, saved: unknown): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  if (typeof saved !== 'object' || saved === null) return out;
  for (const [k, v] of Object.entries(saved)) {
    try {
      Object.assign(out, { [k]: validate(w, { [k]: v })[k] });
    } catch {
      // dropped: the form shows the default instead
    }
  }
  return out;
}

function fromQuery(w: WorkloadSpec, q: URLSearchParams, s: StartState): void {
  try {
    const given: Record<string, number | string> = {};
    for (const p of w.params) {
      const raw = q.get(p.name);
      if (raw !== null) given[p.name] = parseValue(p, raw);
    }
    if (Object.keys(given).length) s.params = { ...s.params, ...validate(w, { ...s.params, ...given }) };
    const impls = q.get('impls');
    if (impls !== null) {
      const list = impls.split(',').filter(Boolean);
      const bad = list.find((i) => !isImplId(i));
      if (bad !== undefined) throw new ParamError(`unknown implementation '${bad.slice(0, 40)}'; known: ${IMPLEMENTATION_IDS.join(', ')}`);
      s.impls = list;
    }
    const threads = q.get('threads');
    if (threads !== null) {
      const t = Number(threads);
      if (!Number.isInteger(t) || t < 1 || t > 64) throw new ParamError(`threads must be a whole number from 1, got '${threads.slice(0, 20)}'`);
      s.threads = t;
    }
    const sampling = q.get('sampling');
    if (sampling !== null && sampling in SAMPLING) s.sampling = sampling as Sampling;
  } catch (e) {
    s.notices.push(`Ignored the link's settings: ${e instanceof Error ? e.message : String(e)}.`);
  }
}

export function startState(w: WorkloadSpec, loc: Location = window.location): StartState {
  const saved = load(w.id);
  const s: StartState = { params: savedParams(w, saved.params), sampling: 'standard', fromShare: false, notices: [] };
  if (typeof saved.code === 'string') s.code = saved.code;
  if (Array.isArray(saved.impls)) s.impls = saved.impls.filter(isImplId);
  if (typeof saved.threads === 'number' && Number.isInteger(saved.threads)) s.threads = saved.threads;
  fromQuery(w, new URLSearchParams(loc.search), s);
  const shared = decodeShare(loc.hash, w, IMPLEMENTATION_IDS);
  if (shared.notice) s.notices.push(shared.notice);
  const st = shared.state;
  if (st) {
    s.fromShare = true;
    if (st.params) s.params = st.params;
    if (st.code !== undefined) s.code = st.code;
    if (st.impls) s.impls = st.impls;
    if (st.threads !== undefined) s.threads = st.threads;
    if (st.result) s.shared = st.result;
  }
  s.params = { ...Object.fromEntries(w.params.map((p) => [p.name, p.default])), ...s.params };
  return s;
}
