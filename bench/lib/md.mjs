// How the report writes numbers and tables. Times and ratios use the page's own formatter.
import { target } from '../targets.mjs';
import { formatInterval, formatMs, formatTimes, sig } from './ts.mjs';

/** Times and ratios as the page writes them (web/src/shared/format.ts). */
export const ms = formatMs;
export const times = formatTimes;
export { sig };

const finite = (x) => typeof x === 'number' && Number.isFinite(x);
export const pct = (x) => (finite(x) ? `${(x * 100).toFixed(0)}%` : 'n/a');
export const kb = (b) => (b === null || b === undefined ? 'n/a' : `${(b / 1000).toFixed(1)} kB`);
/** A 95% interval as "lo to hi" ('' when there is none). */
export const ci = (c, f = sig) => (Array.isArray(c) ? formatInterval(c, f) : '');
export const params = (p) =>
  Object.entries(p ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
export const yes = (ok) => (ok ? 'yes' : '**NO**');

/** A value in a target's unit. */
export function inUnit(x, unit) {
  if (unit === 'ms') return ms(x);
  if (unit === 'B') return kb(x);
  return times(x);
}

/** Target `id` as the prose and tables quote it, e.g. "≤ 1.25" or "≥ 1.8" or "≤ 3.00 s". */
export function bound(id) {
  const t = target(id);
  return `${t.kind === 'max' ? '≤' : '≥'} ${t.unit === 'x' ? t.value : inUnit(t.value, t.unit)}`;
}

/** "at most 1.25" / "at least 1.8", for sentences. */
export function boundWords(id) {
  const t = target(id);
  return `${t.kind === 'max' ? 'at most' : 'at least'} ${t.unit === 'x' ? t.value : inUnit(t.value, t.unit)}`;
}

export function table(head, rows) {
  const esc = (c) => String(c ?? '').replace(/\|/g, '\\|');
  return [`| ${head.map(esc).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

/** Markdown lines of a section: a title, then paragraphs and tables separated by blank lines. */
export function section(title, ...blocks) {
  return [`## ${title}`, ...blocks.filter((b) => b !== null && b !== undefined && b !== '')].join('\n\n');
}

/** What the report's 95% intervals are and are not (the sections that show one say it once). */
export const CI_WORDS =
  'Each 95% interval is within this run: the exact order-statistic interval of each median (97.5% each, divided crosswise for a ratio, ' +
  'so at least 95%), which covers the sample-to-sample noise of this run if the samples are independent. It does not cover what changes ' +
  'from one run, page, browser or machine to another (tier-up, background compilation, load); the reproducibility section measures that.';
