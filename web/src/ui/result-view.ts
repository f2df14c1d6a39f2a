// The result of a run: the verdict, a table of times (the 95% interval is labelled as within
// this run), the ratios (greyed with the reason when flagged, replaced by the reason when a
// flag invalidates them), what differs between the twins, every flag's sentence, the output
// and what the program printed. Everything goes in as text, never as HTML.
import type { WorkloadSpec } from '../generated/catalog';
import { label, type Flag, type FlagCode, type Impl, type ImplResult, type RunResult } from '../app';
import { formatInterval, formatMs, formatTimes } from '../shared/format';
import { chartFor } from './charts';
import { el } from './dom';

/** A few words per flag, for a greyed ratio; the full sentence is in the flag list and the tooltip. */
const SHORT: Record<FlagCode, string> = {
  'few-samples': 'few samples',
  drift: 'times drifted',
  noisy: 'noisy times',
  'noisy-ratio': 'uncertain ratio',
  'work-not-scaling': 'time does not grow with the work',
  'custom-python': 'your edited Python',
  'different-builds': 'different builds',
  'timer-coarse': 'coarse timer',
  mismatch: 'outputs differ',
  nondeterministic: 'results changed between samples',
  'hidden-samples-discarded': 'hidden samples discarded',
  'nothing-to-compare': 'nothing to compare',
};

/** Per-call overhead is worth showing beside the time when it is at least a tenth of it. */
const OVERHEAD_SHOWN = 0.1;

function verdictLine(r: RunResult): HTMLElement {
  if (r.flags.some((f) => f.code === 'nothing-to-compare')) {
    return el('p', { class: 'verdict none' }, '– Nothing to compare: only one implementation ran, so its output is not checked against another.');
  }
  return r.verified
    ? el('p', { class: 'verdict ok' }, '✓ Outputs identical: every implementation gave the same output and did the same work (digest ', el('code', {}, r.work ?? ''), ').')
    : el('p', { class: 'verdict bad' }, '✗ Outputs differ: no speedup is shown until they match.');
}

function medianCell(x: ImplResult): HTMLElement {
  const cell = el('td', { class: 'median' }, formatMs(x.medianMs));
  if (x.overheadMs !== undefined && x.overheadMs >= OVERHEAD_SHOWN * x.medianMs) {
    cell.append(el('small', { class: 'overhead' }, ` (per-call overhead ${formatMs(x.overheadMs)})`));
  }
  return cell;
}

function row(impl: Impl, x: ImplResult): HTMLElement {
  return el(
    'tr',
    { 'data-impl': impl },
    el('td', {}, label(impl) + (x.threads && x.threads > 1 ? ` (${x.threads})` : '')),
    medianCell(x),
    el('td', { class: 'ci' }, formatInterval(x.ci95Ms)),
    el('td', {}, formatMs(x.madMs)),
    el('td', {}, `${x.samplesMs.length} × ${x.batch}`),
    el('td', {}, x.coldMs !== undefined ? formatMs(x.coldMs) : '–'),
  );
}

function table(r: RunResult): HTMLElement {
  const head = ['implementation', 'median', '95% CI within this run', 'spread (MAD)', 'samples × batch', 'cold start'];
  return el(
    'table',
    { class: 'times' },
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', {}, h)))),
    el('tbody', {}, ...Object.entries(r.implementations).map(([impl, x]) => row(impl as Impl, x))),
  );
}

/** The flags behind a ratio's codes: its own pair's, its two implementations', and the run's. */
function reasons(r: RunResult, a: string, b: string, codes: readonly FlagCode[]): Flag[] {
  const pair = new Set([`${a}/${b}`, `${b}/${a}`]);
  return r.flags.filter(
    (f) => codes.includes(f.code) && (f.ratio ? pair.has(f.ratio) : f.impl ? f.impl === a || f.impl === b : true),
  );
}

function ratios(r: RunResult): HTMLElement {
  const list = el('ul', { class: 'ratios' });
  const impls = Object.keys(r.implementations);
  for (const [i, a] of impls.entries()) {
    for (const b of impls.slice(i + 1)) {
      const ab = r.ratios[`${a}/${b}`];
      if (!ab) continue;
      const why = reasons(r, a, b, ab.flags);
      const title = why.map((f) => f.message).join(' ');
      if (ab.hidden || ab.value === null) {
        const first = why.find((f) => f.hidesRatio);
        list.append(
          el('li', { class: 'ratio hidden', 'data-ratio': `${a}/${b}`, title }, `No ratio for ${label(a as Impl)} against ${label(b as Impl)}: ${first?.message ?? 'it is not valid.'}`),
        );
        continue;
      }
      // Each pair once, as "x times faster".
      const [slow, fast, value, ci] =
        ab.value >= 1 ? [a, b, ab.value, ab.ci95] : [b, a, 1 / ab.value, ab.ci95 ? ([1 / ab.ci95[1], 1 / ab.ci95[0]] as const) : null];
      const item = el(
        'li',
        { class: `ratio${why.length ? ' flagged' : ''}`, 'data-ratio': `${slow}/${fast}`, title },
        `${label(fast as Impl)} is ${formatTimes(value)} faster than ${label(slow as Impl)} `,
        el('small', {}, ci ? `(95% CI within this run ${formatInterval(ci, formatTimes)})` : '(no interval: too few samples)'),
      );
      if (why.length) item.append(el('small', { class: 'why' }, ` — ${[...new Set(why.map((f) => SHORT[f.code]))].join(', ')}`));
      list.append(item);
    }
  }
  return list;
}

export function showResult(root: HTMLElement, r: RunResult, w: WorkloadSpec): void {
  const parts: HTMLElement[] = [verdictLine(r), table(r), ratios(r)];
  const chart = chartFor(w.chart);
  if (chart) {
    const box = el('div', { class: 'chart', 'data-chart': w.chart });
    chart(box, r, w);
    parts.push(box);
  }
  const differences = w.differences;
  if (differences) parts.push(el('p', { class: 'differences' }, el('strong', {}, 'What differs between the twins: '), differences));
  if (r.flags.length) {
    parts.push(el('ul', { class: 'flags' }, ...r.flags.map((f) => el('li', { 'data-flag': f.code, ...(f.impl ? { 'data-impl': f.impl } : {}) }, f.message))));
  }
  parts.push(el('h3', {}, 'Output'));
  const text = r.output !== null ? r.output : Object.entries(r.mismatch ?? {}).map(([impl, o]) => `${label(impl as Impl)}:\n${o.output}\nwork ${o.work}`).join('\n\n');
  parts.push(el('pre', { class: 'output' }, text));
  const stdout = Object.values(r.implementations).map((x) => x.stdout).filter((s): s is string => !!s).join('\n');
  if (stdout) parts.push(el('h3', {}, 'What the Python code printed'), el('pre', { class: 'output stdout' }, stdout));
  root.replaceChildren(...parts);
  root.hidden = false;
}
