// make bench's reference results, rendered for the method page from bench/report.json (read at
// build time): every workload's ratio in the browser and natively, thread speedups, start-up
// (the three-engine table is engines-table.ts).
import { formatInterval, formatMs, formatTimes, sig } from '../shared/format';
import type { Reference } from '../shared/reference';
import { el } from './dom';

export function table(caption: string, head: string[], rows: string[][]): HTMLElement {
  return el(
    'div',
    { class: 'table-scroll' },
    el(
      'table',
      { class: 'reference' },
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, c) : el('td', {}, c)))))),
    ),
  );
}

const params = (p: Record<string, number | string>): string => Object.entries(p).map(([k, v]) => `${k}=${v}`).join(', ');

export function kernelsTable(ref: Reference): HTMLElement {
  const rows = Object.entries(ref.kernels).map(([id, k]) => [
    id,
    params(k.params),
    formatMs(k.pyodideMs),
    formatMs(k.wasmRustMs),
    k.ratio?.hidden ? `hidden (${k.ratio.flags.join(', ')})` : `${formatTimes(k.ratio?.value)} (${formatInterval(k.ratio?.ci95 ?? null, formatTimes)})`,
    formatMs(k.cpythonMs),
    formatMs(k.nativeRustMs),
    formatTimes(k.nativeRatio),
  ]);
  return table(
    'Every workload at its defaults: Python over Rust in the page (interleaved, verified) and natively',
    ['workload', 'parameters', 'Pyodide', 'wasm', 'Python / Rust (95% CI)', 'CPython', 'native Rust', 'native ratio'],
    rows,
  );
}

export function threadsTable(ref: Reference): HTMLElement | null {
  const rows = Object.entries(ref.threads).map(([id, t]) => [
    id,
    params(t.params),
    String(t.threads),
    t.speedup === null ? 'n/a' : `${formatTimes(t.speedup)} (${formatInterval(t.ci95, formatTimes)})`,
    t.amdahlP === null ? 'n/a' : sig(t.amdahlP, 2),
  ]);
  return rows.length ? table('rayon threads against the same build on one thread', ['workload', 'parameters', 'threads', 'speedup (95% CI)', 'fitted p'], rows) : null;
}

export function startupTable(ref: Reference): HTMLElement | null {
  const s = ref.startup;
  if (!s) return null;
  const rows = [
    ['Pyodide, cold (first visit)', formatMs(s.pyodideColdMs)],
    ['Pyodide, warm (files cached)', formatMs(s.pyodideWarmMs)],
    ['Rust wasm, start', formatMs(s.rustInitMs)],
    ['first Rust result after navigation', formatMs(s.firstRustResultMs)],
  ];
  return table('Start-up', ['what', 'time'], rows);
}
