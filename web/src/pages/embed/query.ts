// embed.html's query string, checked before anything shows: the workload (kernel=<id>), its
// parameters (by the shared rules of shared/params.ts, with both languages' page caps, since the
// widget runs Python and Rust), the theme and the loader's frame id. A bad value becomes one
// message that names the parameter and what it allows; nothing here throws.
import type { WorkloadSpec } from '../../generated/catalog';
import { WORKLOADS } from '../../generated/catalog';
import { RESERVED, THEMES, isFrameId, type Theme } from '../../shared/embed';
import { allowedValues, parseValue, validate, workloadSpec, type Language, type ParamValues } from '../../shared/params';

const LANGUAGES: readonly Language[] = ['python', 'rust'];

export interface EmbedSetup {
  w: WorkloadSpec;
  params: ParamValues;
}

export interface ParsedEmbed {
  setup: EmbedSetup | null;
  /** Why the widget cannot show a workload (null when it can). */
  error: string | null;
  theme: Theme;
  /** The loader's id for this frame (null for a plain iframe). */
  frame: string | null;
}

/** User text inside a message: short, on one line. */
export function clip(s: string, n = 40): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n)}…` : one;
}

/** Every parameter of `w` with what it allows, for the end of a message. */
export function allowedList(w: WorkloadSpec): string {
  if (!w.params.length) return `${w.id} takes no parameters.`;
  return `Allowed for ${w.id}: ${w.params.map((p) => `${p.name}, ${allowedValues(p, LANGUAGES)}`).join('; ')}.`;
}

function kernelOf(q: URLSearchParams): { w: WorkloadSpec | null; error: string | null } {
  const ids = q.getAll('kernel');
  const known = `Known workloads: ${WORKLOADS.map((x) => x.id).join(', ')}.`;
  if (ids.length === 0 || ids[0] === '') return { w: null, error: `No workload given: embed.html?kernel=<id>. ${known}` };
  if (ids.length > 1) return { w: null, error: `kernel is given ${ids.length} times; give it once. ${known}` };
  try {
    return { w: workloadSpec(ids[0]), error: null };
  } catch {
    return { w: null, error: `Unknown workload '${clip(ids[0] ?? '')}'. ${known}` };
  }
}

function paramsOf(w: WorkloadSpec, q: URLSearchParams): { params: ParamValues | null; error: string | null } {
  const given: Record<string, number | string> = {};
  const seen = new Set<string>();
  for (const [name, raw] of q) {
    if ((RESERVED as readonly string[]).includes(name)) continue;
    if (seen.has(name)) return { params: null, error: `Parameter ${clip(name)} is given twice. ${allowedList(w)}` };
    seen.add(name);
    const p = w.params.find((x) => x.name === name);
    if (!p) return { params: null, error: `Unknown parameter '${clip(name)}' for ${w.id}. ${allowedList(w)}` };
    const v = parseValue(p, raw);
    if (typeof v === 'number' && Number.isNaN(v)) {
      return { params: null, error: `Parameter ${p.name} of ${w.id} must be ${allowedValues(p, LANGUAGES)}, got '${clip(raw)}'.` };
    }
    // A long text is no choice anyway; shortened, it still fails, with a readable message.
    given[name] = typeof v === 'string' && v.length > 40 ? `${v.slice(0, 40)}…` : v;
  }
  try {
    let params: ParamValues = {};
    for (const l of LANGUAGES) params = validate(w, given, l);
    return { params, error: null };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { params: null, error: `${why.charAt(0).toUpperCase()}${why.slice(1)}. ${allowedList(w)}` };
  }
}

export function parseEmbed(search: string): ParsedEmbed {
  const q = new URLSearchParams(search);
  const out: ParsedEmbed = { setup: null, error: null, theme: 'auto', frame: null };
  const frame = q.get('frame');
  if (isFrameId(frame)) out.frame = frame;
  const theme = q.get('theme');
  if (theme !== null && !(THEMES as readonly string[]).includes(theme)) {
    out.error = `theme must be light, dark or auto, got '${clip(theme)}'.`;
    return out;
  }
  if (theme !== null) out.theme = theme as Theme;
  const k = kernelOf(q);
  if (!k.w) {
    out.error = k.error;
    return out;
  }
  const p = paramsOf(k.w, q);
  if (!p.params) {
    out.error = p.error;
    return out;
  }
  out.setup = { w: k.w, params: p.params };
  return out;
}
