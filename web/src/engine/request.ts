// A run request checked completely before any worker is asked to do anything: the workload,
// its parameters (each implementation's page caps), the implementations (known, available
// here, not twice), threads and the sampling limits. Messages say what is wrong and what is allowed.
import { ParamError, show, validate, workloadSpec } from '../shared/params';
import { checkBudget } from './budget';
import type { Capabilities } from './environment';
import { IMPLEMENTATION_IDS, IMPLEMENTATIONS, isImpl, type Impl } from './implementations';
import { planScaling } from './scaling';
import type { SessionRequest } from './session';
import type { RunRequest, SweepPoint } from './types';
import type { WorkloadSpec } from '../generated/catalog';

/** Limits the API enforces on a run's shape (the catalog limits its parameters). */
export const LIMITS = { maxThreads: 16, maxPoolWorkers: 8, maxSamples: 500, maxTimeBudgetMs: 60_000, maxWarmupMs: 30_000, maxSweepPoints: 16 };
export const DEFAULTS = { implementations: ['python', 'rust'] as Impl[], maxSamples: 30, timeBudgetMs: 2000 };

export interface CheckedRequest extends SessionRequest {
  impls: Impl[];
  maxSamples: number;
  timeBudgetMs: number;
  /** Latency mode: every kernel sample is one call. */
  batch?: number;
}

function limit(req: RunRequest, key: 'maxSamples' | 'timeBudgetMs' | 'minWarmupMs', lo: number, hi: number): number | undefined {
  const v = req[key];
  if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi)) {
    throw new ParamError(`${key} must be a number between ${lo} and ${hi}, got ${show(v)}`);
  }
  return v;
}

/** The implementations asked for, known and available, each once, with their companions added. */
function implementations(req: RunRequest, caps: Capabilities): Impl[] {
  const w = workloadSpec(req.workload);
  const asked: unknown = req.implementations ?? DEFAULTS.implementations;
  if (!Array.isArray(asked) || asked.length === 0) throw new ParamError('implementations must be a non-empty array');
  const impls: Impl[] = [];
  for (const impl of asked as unknown[]) {
    if (!isImpl(impl)) throw new ParamError(`unknown implementation '${typeof impl === 'string' ? show(impl).slice(1, -1) : show(impl)}'; known: ${IMPLEMENTATION_IDS.join(', ')}`);
    if (impls.includes(impl)) throw new ParamError(`an implementation is listed twice: ${impl}`);
    const why = IMPLEMENTATIONS[impl].available(w, caps, { pythonSource: req.pythonSource });
    if (why !== null) throw new ParamError(`${impl} is not available: ${why}`);
    impls.push(impl);
  }
  for (const impl of [...impls]) {
    const companion = IMPLEMENTATIONS[impl].companion;
    if (companion !== undefined && isImpl(companion) && !impls.includes(companion)) impls.splice(impls.indexOf(impl), 0, companion);
  }
  return impls;
}

/**
 * The catalog's messages (shared word for word with Rust and Python) say what is wrong; the
 * page adds what is allowed where they do not ("must be an integer" gets "from 0 to 50").
 */
function withRange<T>(w: WorkloadSpec, check: () => T): T {
  try {
    return check();
  } catch (e) {
    const p = e instanceof ParamError ? w.params.find((x) => e.message.startsWith(`parameter ${x.name} of ${w.id} `)) : undefined;
    if (!p || p.type === 'choice' || /between|at most/.test((e as Error).message)) throw e;
    throw new ParamError(`${(e as Error).message}; allowed: ${p.min} to ${p.max} (Python in the page: up to ${p.page_max_python})`);
  }
}

export function checkRequest(req: RunRequest, caps: Capabilities, cores: number): CheckedRequest {
  if (typeof req !== 'object' || req === null) throw new ParamError('run() needs a request object');
  const w = workloadSpec(req.workload);
  const impls = implementations(req, caps);
  const pools = impls.some((i) => IMPLEMENTATIONS[i].pool === true);
  const threaded = impls.some((i) => IMPLEMENTATIONS[i].runtime === 'rust-threads');
  const cap = pools && !threaded ? LIMITS.maxPoolWorkers : LIMITS.maxThreads;
  const threads = req.threads ?? Math.min(cores || 2, cap);
  if (!Number.isInteger(threads) || threads < 1 || threads > cap) {
    throw new ParamError(`threads must be an integer between 1 and ${cap}, got ${show(req.threads)}`);
  }
  const maxSamples = limit(req, 'maxSamples', 1, LIMITS.maxSamples) ?? DEFAULTS.maxSamples;
  const timeBudgetMs = limit(req, 'timeBudgetMs', 1, LIMITS.maxTimeBudgetMs) ?? DEFAULTS.timeBudgetMs;
  const minWarmupMs = limit(req, 'minWarmupMs', 0, LIMITS.maxWarmupMs);
  if (req.pythonSource !== undefined && typeof req.pythonSource !== 'string') throw new ParamError('pythonSource must be a string');
  if (req.latency !== undefined && typeof req.latency !== 'boolean') throw new ParamError('latency must be true or false');
  // Each implementation's page cap; the result's params are the validated ones.
  let params = withRange(w, () => validate(w, req.params));
  for (const impl of impls) params = withRange(w, () => validate(w, req.params, IMPLEMENTATIONS[impl].language));
  // Together, too: the longest call each language would make (a pool shard does 1/threads of the work).
  for (const language of ['python', 'rust'] as const) {
    const mine = impls.filter((i) => IMPLEMENTATIONS[i].language === language);
    if (mine.length) checkBudget(w, params, language, Math.max(...mine.map((i) => (IMPLEMENTATIONS[i].pool === true ? 1 / threads : 1))));
  }
  return {
    workload: w,
    params,
    impls,
    threads,
    ...(req.pythonSource !== undefined ? { pythonSource: req.pythonSource } : {}),
    wantBytes: req.wantBytes === true && w.output === 'bytes',
    wantPoints: req.wantPoints === true && w.id === 'trajectory',
    scaling: planScaling(w, params),
    maxSamples,
    timeBudgetMs,
    ...(minWarmupMs !== undefined ? { minWarmupMs } : {}),
    ...(req.latency === true ? { batch: 1 } : {}),
  };
}

/** The requests of a sweep, each checked before any of them runs. */
export function sweepRequests(req: RunRequest, points: unknown, caps: Capabilities, cores: number): RunRequest[] {
  if (!Array.isArray(points) || points.length === 0 || points.length > LIMITS.maxSweepPoints) {
    throw new ParamError(`a sweep needs between 1 and ${LIMITS.maxSweepPoints} points`);
  }
  return points.map((p: unknown) => {
    if (typeof p !== 'object' || p === null || Array.isArray(p)) throw new ParamError('each sweep point must be an object { threads?, params? }');
    const { threads, params, ...rest } = p as SweepPoint;
    if (Object.keys(rest).length) throw new ParamError(`unknown sweep point key '${show(Object.keys(rest)[0]).slice(1, -1)}'; allowed: threads, params`);
    const one: RunRequest = {
      ...req,
      ...(threads !== undefined ? { threads } : {}),
      ...(params !== undefined ? { params: { ...req.params, ...params } } : {}),
    };
    checkRequest(one, caps, cores);
    return one;
  });
}
