// Share links: the fragment `#s=` + lz-string's compressToEncodedURIComponent of
// {"v":1,"params":{...},"code":"...","impls":[...],"threads":N,"result":{...}} (every key but v
// optional). Links come from strangers, so decoding checks everything: a fragment that is
// malformed, truncated, oversized or wrongly typed gives a notice and nothing else, never an
// exception; parameters go through the same validation as every other input (params.ts).
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { WorkloadSpec } from '../generated/catalog';
import { ParamError, show, validate, type ParamValues } from './params';
import { checkResult, type SharedResult } from './share-result';

export type { SharedEnvironment, SharedFlag, SharedImpl, SharedRatio, SharedResult } from './share-result';
export { compactResult } from './share-result';

export const SHARE_VERSION = 1;
/** Limits on what a link may carry (a link that big is not a link anyone meant to share). */
export const SHARE_LIMITS = { fragmentChars: 200_000, jsonChars: 1_000_000, codeChars: 100_000, impls: 16, maxThreads: 64 };

export interface ShareState {
  v: 1;
  params?: ParamValues;
  code?: string;
  impls?: string[];
  threads?: number;
  result?: SharedResult;
}

export interface Decoded {
  /** What the link carries, checked; null when there is no share fragment or it was refused. */
  state: ShareState | null;
  /** One sentence for the visitor when (part of) the link was refused; null otherwise. */
  notice: string | null;
}

/** The fragment for `state` (without the leading '#'). */
export function encodeShare(state: ShareState): string {
  return `s=${compressToEncodedURIComponent(JSON.stringify(state))}`;
}

/** The `s=` value of a location hash, or null when the hash carries none. */
export function shareParam(hash: string): string | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const m = /(?:^|&)s=([^&]*)/.exec(h);
  return m ? (m[1] ?? '') : null;
}

class ShareError extends Error {}

function refuse(why: string): never {
  throw new ShareError(why);
}

function parse(value: string): Record<string, unknown> {
  if (value.length > SHARE_LIMITS.fragmentChars) refuse(`it is longer than ${SHARE_LIMITS.fragmentChars} characters`);
  let json: string | null = null;
  try {
    json = decompressFromEncodedURIComponent(value);
  } catch {
    json = null;
  }
  if (!json) refuse('it could not be decompressed (is it cut short?)');
  if (json.length > SHARE_LIMITS.jsonChars) refuse('what it carries is too large');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    refuse('it is not valid JSON (is it cut short?)');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) refuse('it does not hold an object');
  const obj = data as Record<string, unknown>;
  if (obj.v !== SHARE_VERSION) refuse(`its version is ${obj.v === undefined ? 'missing' : show(obj.v)}, this site reads version ${SHARE_VERSION}`);
  const known = new Set(['v', 'params', 'code', 'impls', 'threads', 'result']);
  const extra = Object.keys(obj).find((k) => !known.has(k));
  if (extra !== undefined) refuse(`it has an unknown key '${extra.slice(0, 40)}'`);
  return obj;
}

function checkState(obj: Record<string, unknown>, w: WorkloadSpec, knownImpls: readonly string[]): ShareState {
  const state: ShareState = { v: 1 };
  if (obj.params !== undefined) {
    try {
      state.params = validate(w, obj.params);
    } catch (e) {
      refuse(e instanceof ParamError ? e.message : 'its parameters are not valid');
    }
  }
  if (obj.code !== undefined) {
    if (typeof obj.code !== 'string') refuse('its code is not text');
    if (obj.code.length > SHARE_LIMITS.codeChars) refuse(`its code is longer than ${SHARE_LIMITS.codeChars} characters`);
    state.code = obj.code;
  }
  if (obj.impls !== undefined) {
    const impls = obj.impls;
    if (!Array.isArray(impls) || impls.length > SHARE_LIMITS.impls) refuse('its implementations are not a list');
    for (const i of impls) if (typeof i !== 'string' || !knownImpls.includes(i)) refuse(`it names an unknown implementation ${JSON.stringify(i).slice(0, 40)}`);
    state.impls = [...new Set(impls as string[])];
  }
  if (obj.threads !== undefined) {
    const t = obj.threads;
    if (typeof t !== 'number' || !Number.isInteger(t) || t < 1 || t > SHARE_LIMITS.maxThreads) refuse('its thread count is not a whole number between 1 and 64');
    state.threads = t;
  }
  if (obj.result !== undefined) {
    const checked = checkResult(obj.result, w, knownImpls);
    if (typeof checked === 'string') refuse(`its result ${checked}`);
    state.result = checked;
  }
  return state;
}

/** Read a share fragment for workload `w`; `knownImpls` are the implementation ids this site has. */
export function decodeShare(hash: string, w: WorkloadSpec, knownImpls: readonly string[]): Decoded {
  const value = shareParam(hash);
  if (value === null) return { state: null, notice: null };
  try {
    return { state: checkState(parse(value), w, knownImpls), notice: null };
  } catch (e) {
    const why = e instanceof ShareError ? e.message : 'it could not be read';
    return { state: null, notice: `This share link was not loaded, because ${why}; nothing from it is shown or run.` };
  }
}
