// The times of a run: a row per implementation (median, its interval within this run, spread,
// samples × batch, cold start), and the cold-start breakdown per runtime.
import { formatInterval, formatMs } from '../../shared/format';
import type { SharedImpl, SharedResult } from '../../shared/share';
import { el } from '../dom';
import { implLabel } from './words';

/** Per-call overhead is worth showing beside the time when it is at least a tenth of it. */
const OVERHEAD_SHOWN = 0.1;

function medianCell(x: SharedImpl): HTMLElement {
  const cell = el('td', { class: 'median' }, formatMs(x.medianMs));
  if (x.overheadMs !== undefined && x.overheadMs >= OVERHEAD_SHOWN * x.medianMs) {
    cell.append(el('small', { class: 'overhead' }, ` (per-call overhead ${formatMs(x.overheadMs)})`));
  }
  return cell;
}

function row(impl: string, x: SharedImpl): HTMLElement {
  const threads = x.threads && x.threads > 1 ? ` (${x.threads} threads)` : '';
  return el(
    'tr',
    { 'data-impl': impl },
    el('td', { class: x.build === 'python' ? 'impl-py' : 'impl-rs' }, implLabel(impl) + threads),
    medianCell(x),
    el('td', { class: 'ci' }, formatInterval(x.ci95Ms)),
    el('td', {}, x.madMs !== undefined ? formatMs(x.madMs) : '–'),
    el('td', {}, `${x.samplesMs.length} × ${x.batch}`),
    el('td', {}, x.coldMs !== undefined && x.coldMs > 0 ? formatMs(x.coldMs) : '–'),
  );
}

export function timesTable(r: SharedResult): HTMLElement {
  const head = ['implementation', 'median per call', '95% CI within this run', 'spread (MAD)', 'samples × batch', 'cold start'];
  const table = el(
    'table',
    { class: 'times' },
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...Object.entries(r.implementations).flatMap(([impl, x]) => (x ? [row(impl, x)] : []))),
  );
  return el('div', { class: 'table-scroll' }, table);
}

/** What each cold cost measured, in words, in the order they happen (the workers name them). */
const COLD_WORDS: Record<string, string> = {
  pageDownload: 'download Pyodide (by the page, bytes counted)',
  download: 'download (what was still arriving once the worker asked)',
  compile: 'compile Pyodide’s wasm (beyond the download)',
  snapshotInflate: 'inflate the start-up snapshot',
  restore: 'instantiate and start the interpreter (restore the snapshot)',
  packageImport: 'import the twins (twinbench)',
  pyodideLoad: 'compile, instantiate and start Pyodide',
  rustInit: 'load the Rust wasm for Python',
  wasmDownload: 'download the wasm',
  wasmCompile: 'compile the wasm (beyond the download)',
  wasmInstantiate: 'instantiate the wasm',
  wasmInit: 'download, compile and instantiate the wasm',
  threadPoolInit: 'start the rayon threads',
  poolStart: 'start the pool’s workers',
};
const ORDER = Object.keys(COLD_WORDS);
const rank = (k: string): number => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);

/** The cold-start breakdown of each implementation that paid one, in this run. */
export function coldStart(r: SharedResult, extra: Record<string, Record<string, number>> = {}): HTMLElement | null {
  const parts: HTMLElement[] = [];
  for (const [impl, x] of Object.entries(r.implementations)) {
    const detail = { ...(extra[impl] ?? {}), ...(x?.coldDetailMs ?? {}) };
    const items = Object.entries(detail)
      .filter(([, ms]) => ms > 0)
      .sort(([a], [b]) => rank(a) - rank(b));
    if (!items.length) continue;
    parts.push(
      el('h4', {}, implLabel(impl)),
      el('dl', { 'data-impl': impl }, ...items.flatMap(([k, ms]) => [el('dt', { 'data-phase': k }, COLD_WORDS[k] ?? k), el('dd', {}, formatMs(ms))])),
    );
  }
  if (!parts.length) return null;
  return el('details', { class: 'cold' }, el('summary', {}, 'Cold start, per runtime (paid once per worker, kept out of the samples)'), ...parts);
}
