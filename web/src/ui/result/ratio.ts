// One ratio in words: "Rust is 61.6× faster than Python", its interval within the run, and the
// flags that grey it; a hidden ratio is replaced by the reason it is hidden.
import { formatInterval, formatTimes } from '../../shared/format';
import type { SharedResult } from '../../shared/share';
import { implLabel, ratioReasons, shortFlag } from './words';

export interface RatioWords {
  key: string;
  hidden: boolean;
  /** "Rust is 61.6× faster than Python" (or the reason it is hidden). */
  text: string;
  fast?: string;
  slow?: string;
  times?: string;
  interval: string | null;
  /** A few words per flag, and the full sentences. */
  flags: string[];
  title: string;
}

export function ratioWords(r: SharedResult, a: string, b: string): RatioWords | null {
  const ab = r.ratios[`${a}/${b}`] ?? null;
  const ba = r.ratios[`${b}/${a}`] ?? null;
  const q = ab ?? ba;
  if (!q) return null;
  const [x, y] = ab ? [a, b] : [b, a];
  const why = ratioReasons(r, x, y, q.flags);
  const title = why.map((f) => f.message).join(' ');
  if (q.hidden || q.value === null) {
    const first = why.find((f) => f.hidesRatio) ?? why[0];
    return {
      key: `${x}/${y}`,
      hidden: true,
      text: `No ratio for ${implLabel(x)} against ${implLabel(y)}: ${first?.message ?? 'it is not valid.'}`,
      interval: null,
      flags: [...new Set(why.map((f) => shortFlag(f.code)))],
      title,
    };
  }
  // Oriented so the number is at least 1: "fast is N× faster than slow".
  const [slow, fast, value, ci] =
    q.value >= 1 ? [x, y, q.value, q.ci95] : [y, x, 1 / q.value, q.ci95 ? ([1 / q.ci95[1], 1 / q.ci95[0]] as [number, number]) : null];
  return {
    key: `${slow}/${fast}`,
    hidden: false,
    text: `${implLabel(fast)} is ${formatTimes(value)} faster than ${implLabel(slow)}`,
    fast: implLabel(fast),
    slow: implLabel(slow),
    times: formatTimes(value),
    interval: ci ? formatInterval(ci, formatTimes) : null,
    flags: [...new Set(why.map((f) => shortFlag(f.code)))],
    title,
  };
}
