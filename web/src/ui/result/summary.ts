// The top of a result: the headline ratio in large type, the verification badge, and every
// other ratio as a line. Text only, through textContent.
import type { SharedResult } from '../../shared/share';
import { el } from '../dom';
import { ratioWords } from './ratio';
import { implLabel, pairs } from './words';

export function badge(r: SharedResult): HTMLElement {
  if (r.flags.some((f) => f.code === 'nothing-to-compare')) {
    return el('p', { class: 'verdict none' }, '– Nothing to compare: only one implementation ran, so its output is not checked against another.');
  }
  return r.verified
    ? el('p', { class: 'verdict ok' }, '✓ Outputs identical: every implementation gave the same output and did the same work (work digest ', el('code', {}, r.work ?? ''), ').')
    : el('p', { class: 'verdict bad' }, '✗ Outputs differ: no speedup is shown until they match.');
}

/** The first pair's ratio in large type: "Rust is 61.6× faster", with its interval and flags. */
export function headline(r: SharedResult): HTMLElement | null {
  const first = pairs(r)[0];
  if (!first) return null;
  const q = ratioWords(r, first[0], first[1]);
  if (!q) return null;
  if (q.hidden) return el('div', { class: 'headline hidden', 'data-ratio': q.key }, el('span', { class: 'big' }, q.text));
  const box = el(
    'div',
    { class: `headline${q.flags.length ? ' flagged' : ''}`, 'data-ratio': q.key, title: q.title },
    el('span', { class: 'big' }, el('span', { class: 'fast' }, q.fast ?? ''), ` is ${q.times} faster`),
    el('span', { class: 'sub' }, `than ${q.slow}; 95% interval within this run: ${q.interval ?? 'none (too few samples)'}`),
  );
  if (q.flags.length) box.append(el('span', { class: 'why' }, ` — ${q.flags.join(', ')}`));
  return box;
}

/** Every other ratio of the run (the headline's first pair is above it), one line each. */
export function ratioList(r: SharedResult): HTMLElement {
  const list = el('ul', { class: 'ratios' });
  for (const [a, b] of pairs(r).slice(1)) {
    const q = ratioWords(r, a, b);
    if (!q) continue;
    if (q.hidden) {
      list.append(el('li', { class: 'ratio hidden', 'data-ratio': q.key, title: q.title }, q.text));
      continue;
    }
    const item = el(
      'li',
      { class: `ratio${q.flags.length ? ' flagged' : ''}`, 'data-ratio': q.key, title: q.title },
      `${q.text} `,
      el('small', {}, q.interval ? `(95% CI within this run ${q.interval})` : '(no interval: too few samples)'),
    );
    if (q.flags.length) item.append(el('small', { class: 'why' }, ` — ${q.flags.join(', ')}`));
    list.append(item);
  }
  return list;
}

export function flagList(r: SharedResult): HTMLElement | null {
  if (!r.flags.length) return null;
  return el(
    'ul',
    { class: 'flags' },
    ...r.flags.map((f) => el('li', { 'data-flag': f.code, ...(f.impl ? { 'data-impl': f.impl } : {}) }, f.message)),
  );
}

/** The output the implementations agree on, or each one's when they differ. */
export function outputText(r: SharedResult & { mismatch?: Partial<Record<string, { output: string; work: string }>> | null }): string {
  if (r.output !== null) return r.output;
  return Object.entries(r.mismatch ?? {})
    .map(([impl, o]) => `${implLabel(impl)}:\n${o?.output ?? ''}\nwork ${o?.work ?? ''}`)
    .join('\n\n');
}
