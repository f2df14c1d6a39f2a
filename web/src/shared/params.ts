// Parameters checked against the catalog before anything runs: by the page, and again by
// each worker. The same rules and messages as crate/src/params.rs and twinbench/params.py,
// plus the page caps (`page_max_python`, `page_max_rust`) that keep a run in the page short.
import { WORKLOADS, type ParamSpec, type WorkloadSpec } from '../generated/catalog';

export type ParamValues = Record<string, number | string>;
/** Whose page cap applies: Python's (Pyodide is slow) or Rust's. */
export type Language = 'python' | 'rust';

export class ParamError extends Error {
  override name = 'ParamError';
}

const SAFE_INT = Number.MAX_SAFE_INTEGER;

export function workloadSpec(id: unknown): WorkloadSpec {
  const w = WORKLOADS.find((x) => x.id === id);
  if (!w) {
    throw new ParamError(`unknown workload '${clip(typeof id === 'string' ? id : show(id))}'; known: ${WORKLOADS.map((x) => x.id).join(', ')}`);
  }
  return w;
}

function bad(w: WorkloadSpec, p: ParamSpec, what: string): ParamError {
  return new ParamError(`parameter ${p.name} of ${w.id} ${what}`);
}

/** A value as a message shows it: NaN as NaN, and never more than 60 characters (links come from strangers). */
export function show(v: unknown): string {
  let s: string;
  try {
    s = typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    s = Object.prototype.toString.call(v);
  }
  return clip(s);
}

/** At most `n` characters, with a note of how many more there were. */
export function clip(s: string, n = 60): string {
  return s.length <= n ? s : `${s.slice(0, n)}… (${s.length} characters)`;
}

export function defaults(w: WorkloadSpec): ParamValues {
  return Object.fromEntries(w.params.map((p) => [p.name, p.default]));
}

/**
 * Validate `given` (typed values: numbers for int and float, strings for choices) against
 * the catalog; missing parameters take their defaults. With `language`, that language's page
 * cap applies too.
 */
export function validate(w: WorkloadSpec, given: unknown, language?: Language): ParamValues {
  if (given === undefined || given === null) given = {};
  if (typeof given !== 'object' || Array.isArray(given)) {
    throw new ParamError(`parameters of ${w.id} must be an object`);
  }
  const out = defaults(w);
  for (const [name, raw] of Object.entries(given as Record<string, unknown>)) {
    const p = w.params.find((x) => x.name === name);
    if (!p) {
      const allowed = w.params.map((x) => x.name).join(', ') || 'none';
      throw new ParamError(`unknown parameter '${clip(name)}' for ${w.id}; allowed: ${allowed}`);
    }
    if (p.type === 'choice') {
      if (typeof raw !== 'string') throw bad(w, p, `must be a string, got ${show(raw)}`);
      if (!p.choices.includes(raw)) throw bad(w, p, `must be one of ${p.choices.join(', ')}, got '${clip(raw)}'`);
      out[name] = raw;
      continue;
    }
    if (typeof raw !== 'number') {
      throw bad(w, p, `must be ${p.type === 'int' ? 'an integer' : 'a number'}, got ${show(raw)}`);
    }
    if (p.type === 'int' && (!Number.isInteger(raw) || Math.abs(raw) > SAFE_INT)) {
      throw bad(w, p, `must be an integer, got ${show(raw)}`);
    }
    if (!Number.isFinite(raw)) throw bad(w, p, `must be a finite number, got ${String(raw)}`);
    if (raw < p.min || raw > p.max) throw bad(w, p, `must be between ${p.min} and ${p.max}, got ${raw}`);
    if (language) {
      const cap = language === 'python' ? p.page_max_python : p.page_max_rust;
      if (raw > cap) {
        throw bad(w, p, `is at most ${cap} for ${language === 'python' ? 'Python' : 'Rust'} in the page, got ${raw}`);
      }
    }
    out[name] = raw;
  }
  return out;
}

/**
 * The values a parameter takes, in words ("an integer from 0 to 32", "one of a, b"); the
 * page caps of `languages` lower the maximum.
 */
export function allowedValues(p: ParamSpec, languages: readonly Language[] = []): string {
  if (p.type === 'choice') return `one of ${p.choices.join(', ')}`;
  const max = Math.min(p.max, ...languages.map((l) => (l === 'python' ? p.page_max_python : p.page_max_rust)));
  return `${p.type === 'int' ? 'an integer' : 'a number'} from ${p.min} to ${max}`;
}

/** Parse a string (a URL or form value) into the parameter's type; validation comes after. */
export function parseValue(p: ParamSpec, raw: string): number | string {
  if (p.type === 'choice') return raw;
  const s = raw.trim();
  const ok = p.type === 'int' ? /^-?\d{1,16}$/.test(s) : /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d{1,4})?$/.test(s);
  return ok ? Number(s) : Number.NaN;
}
