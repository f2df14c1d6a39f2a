// Words for what a result carries: implementation labels (any id a result may hold), the flags
// behind a ratio, and the order pairs are shown in.
import { isImplId, label } from '../../app';
import type { SharedFlag, SharedResult } from '../../shared/share';

export { shortFlag } from './flag-words';

export function implLabel(impl: string): string {
  return isImplId(impl) ? label(impl) : impl;
}

/** The flags behind ratio a/b: its pair's own, its two implementations', and the run's. */
export function ratioReasons(r: SharedResult, a: string, b: string, codes: readonly string[]): SharedFlag[] {
  const pair = new Set([`${a}/${b}`, `${b}/${a}`]);
  return r.flags.filter((f) => codes.includes(f.code) && (f.ratio ? pair.has(f.ratio) : f.impl ? f.impl === a || f.impl === b : true));
}

/** Ratios in the order a reader wants them: Python against Rust first, then like-for-like pairs. */
const PREFERRED = ['python/rust', 'python/python-calls-rust', 'python-calls-rust/rust', 'rust-threads-1/rust-threads', 'rust/rust-pool', 'python/python-pool'];

/** Each unordered pair once, as `slow/fast` keys present in the result (preferred pairs first). */
export function pairs(r: SharedResult): Array<[string, string]> {
  const impls = Object.keys(r.implementations);
  const out: Array<[string, string]> = [];
  for (const [i, a] of impls.entries()) for (const b of impls.slice(i + 1)) if (r.ratios[`${a}/${b}`] || r.ratios[`${b}/${a}`]) out.push([a, b]);
  const rank = (p: [string, string]): number => {
    const k = PREFERRED.findIndex((x) => x === `${p[0]}/${p[1]}` || x === `${p[1]}/${p[0]}`);
    return k < 0 ? PREFERRED.length : k;
  };
  return out.sort((x, y) => rank(x) - rank(y));
}
