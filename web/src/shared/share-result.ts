// A run's result as a share link carries it, and as the result view reads it: the engine's
// RunResult fits this shape, and so does a result decoded from a stranger's link once
// `checkResult` has accepted it field by field.
import type { WorkloadSpec } from '../generated/catalog';
import { validate, type ParamValues } from './params';

export type Interval = [number, number];

export interface SharedImpl {
  medianMs: number;
  ci95Ms: Interval | null;
  samplesMs: number[];
  batch: number;
  build: string;
  madMs?: number;
  threads?: number;
  coldMs?: number;
  coldDetailMs?: Record<string, number>;
  overheadMs?: number;
  stdout?: string;
}

export interface SharedRatio {
  value: number | null;
  ci95: Interval | null;
  flags: string[];
  hidden: boolean;
}

export interface SharedFlag {
  code: string;
  impl?: string;
  ratio?: string;
  message: string;
  hidesRatio: boolean;
}

export interface SharedEnvironment {
  userAgent: string;
  hardwareConcurrency: number;
  crossOriginIsolated: boolean;
  threads: boolean;
  timerTickMs: number | null;
  pyodideVersion: string | null;
  pythonVersion: string | null;
}

export interface SharedResult {
  workload: string;
  params: ParamValues;
  verified: boolean;
  output: string | null;
  work: string | null;
  implementations: Partial<Record<string, SharedImpl>>;
  ratios: Record<string, SharedRatio>;
  flags: SharedFlag[];
  environment: SharedEnvironment;
}

/** What a link keeps of each list and text. */
const KEEP = { samples: 200, text: 4096, message: 600, flags: 40, ua: 400 };

const round = (x: number): number => Number(x.toPrecision(5));

/** The result, trimmed for a link: rounded times, at most 200 samples each, short texts, no stdout. */
export function compactResult(r: SharedResult): SharedResult {
  const implementations: SharedResult['implementations'] = {};
  for (const [impl, x] of Object.entries(r.implementations)) {
    if (!x) continue;
    implementations[impl] = {
      medianMs: round(x.medianMs),
      ci95Ms: x.ci95Ms ? [round(x.ci95Ms[0]), round(x.ci95Ms[1])] : null,
      samplesMs: x.samplesMs.slice(0, KEEP.samples).map(round),
      batch: x.batch,
      build: x.build,
      ...(x.threads !== undefined ? { threads: x.threads } : {}),
      ...(x.coldMs !== undefined ? { coldMs: round(x.coldMs) } : {}),
    };
  }
  const e = r.environment;
  return {
    workload: r.workload,
    params: r.params,
    verified: r.verified,
    output: r.output === null ? null : r.output.slice(0, KEEP.text),
    work: r.work,
    implementations,
    ratios: Object.fromEntries(
      Object.entries(r.ratios).map(([k, q]) => [k, { ...q, value: q.value === null ? null : round(q.value), ci95: q.ci95 ? [round(q.ci95[0]), round(q.ci95[1])] : null }]),
    ),
    flags: r.flags.slice(0, KEEP.flags).map((f) => ({ ...f, message: f.message.slice(0, KEEP.message) })),
    environment: {
      userAgent: e.userAgent.slice(0, KEEP.ua),
      hardwareConcurrency: e.hardwareConcurrency,
      crossOriginIsolated: e.crossOriginIsolated,
      threads: e.threads,
      timerTickMs: e.timerTickMs,
      pyodideVersion: e.pyodideVersion,
      pythonVersion: e.pythonVersion,
    },
  };
}

// Field checks: each returns the value when it has the right type, or throws a short reason.
class Bad extends Error {}
type Obj = Record<string, unknown>;
function obj(x: unknown, what: string): Obj {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new Bad(`${what} is not an object`);
  return x as Obj;
}
function num(x: unknown, what: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) throw new Bad(`${what} is not a number`);
  return x;
}
function text(x: unknown, what: string, max: number): string {
  if (typeof x !== 'string' || x.length > max) throw new Bad(`${what} is not a short text`);
  return x;
}
function bool(x: unknown, what: string): boolean {
  if (typeof x !== 'boolean') throw new Bad(`${what} is not true or false`);
  return x;
}
const orNull = <T>(x: unknown, f: (x: unknown) => T): T | null => (x === null ? null : f(x));
function interval(x: unknown, what: string): Interval {
  if (!Array.isArray(x) || x.length !== 2) throw new Bad(`${what} is not an interval`);
  return [num(x[0], what), num(x[1], what)];
}

function impl(x: unknown, name: string): SharedImpl {
  const o = obj(x, name);
  if (!Array.isArray(o.samplesMs) || o.samplesMs.length > KEEP.samples) throw new Bad(`${name}'s samples are not a short list`);
  const batch = num(o.batch, `${name}'s batch`);
  if (!Number.isInteger(batch) || batch < 1) throw new Bad(`${name}'s batch is not a whole number`);
  return {
    medianMs: num(o.medianMs, `${name}'s median`),
    ci95Ms: orNull(o.ci95Ms, (v) => interval(v, `${name}'s interval`)),
    samplesMs: o.samplesMs.map((s) => num(s, `a sample of ${name}`)),
    batch,
    build: text(o.build, `${name}'s build`, 10),
    ...(o.threads !== undefined ? { threads: num(o.threads, `${name}'s threads`) } : {}),
    ...(o.coldMs !== undefined ? { coldMs: num(o.coldMs, `${name}'s cold start`) } : {}),
  };
}

function ratio(x: unknown, name: string): SharedRatio {
  const o = obj(x, `ratio ${name}`);
  if (!Array.isArray(o.flags) || o.flags.length > KEEP.flags) throw new Bad(`ratio ${name}'s flags are not a list`);
  return {
    value: orNull(o.value, (v) => num(v, `ratio ${name}`)),
    ci95: orNull(o.ci95, (v) => interval(v, `ratio ${name}'s interval`)),
    flags: o.flags.map((f) => text(f, `a flag of ratio ${name}`, 40)),
    hidden: bool(o.hidden, `ratio ${name}'s hidden`),
  };
}

function flag(x: unknown, impls: readonly string[]): SharedFlag {
  const o = obj(x, 'a flag');
  const f: SharedFlag = { code: text(o.code, 'a flag code', 40), message: text(o.message, 'a flag message', KEEP.message), hidesRatio: bool(o.hidesRatio, 'a flag') };
  if (o.impl !== undefined) {
    const i = text(o.impl, "a flag's implementation", 40);
    if (!impls.includes(i)) throw new Bad('a flag names an unknown implementation');
    f.impl = i;
  }
  if (o.ratio !== undefined) f.ratio = text(o.ratio, "a flag's ratio", 80);
  return f;
}

function environment(x: unknown): SharedEnvironment {
  const o = obj(x, 'its environment');
  return {
    userAgent: text(o.userAgent, 'the browser', KEEP.ua),
    hardwareConcurrency: num(o.hardwareConcurrency, 'the core count'),
    crossOriginIsolated: bool(o.crossOriginIsolated, 'isolation'),
    threads: bool(o.threads, 'threads'),
    timerTickMs: orNull(o.timerTickMs, (v) => num(v, 'the timer tick')),
    pyodideVersion: orNull(o.pyodideVersion, (v) => text(v, 'the Pyodide version', 40)),
    pythonVersion: orNull(o.pythonVersion, (v) => text(v, 'the Python version', 40)),
  };
}

/** The result of a link, checked field by field for workload `w`; a string says what is wrong. */
export function checkResult(x: unknown, w: WorkloadSpec, knownImpls: readonly string[]): SharedResult | string {
  try {
    const o = obj(x, 'it');
    if (o.workload !== w.id) throw new Bad(`is for another workload (${JSON.stringify(o.workload)?.slice(0, 40)})`);
    const implementations: SharedResult['implementations'] = {};
    const io = obj(o.implementations, 'its implementations');
    const names = Object.keys(io);
    if (names.length === 0 || names.length > 16) throw new Bad('has no implementations');
    for (const name of names) {
      if (!knownImpls.includes(name)) throw new Bad(`names an unknown implementation '${name.slice(0, 40)}'`);
      implementations[name] = impl(io[name], name);
    }
    const ratios: Record<string, SharedRatio> = {};
    for (const [k, v] of Object.entries(obj(o.ratios, 'its ratios'))) {
      const [a, b, ...rest] = k.split('/');
      if (rest.length || !a || !b || !(a in implementations) || !(b in implementations)) throw new Bad(`has an unknown ratio '${k.slice(0, 40)}'`);
      ratios[k] = ratio(v, k);
    }
    if (!Array.isArray(o.flags) || o.flags.length > KEEP.flags) throw new Bad('has no list of flags');
    return {
      workload: w.id,
      params: validate(w, o.params),
      verified: bool(o.verified, 'its verification'),
      output: orNull(o.output, (v) => text(v, 'its output', KEEP.text)),
      work: orNull(o.work, (v) => text(v, 'its work digest', 64)),
      implementations,
      ratios,
      flags: o.flags.map((f) => flag(f, names)),
      environment: environment(o.environment),
    };
  } catch (e) {
    return e instanceof Bad ? e.message : e instanceof Error ? `has bad parameters: ${e.message}` : 'could not be read';
  }
}
