// Claimed against measured: a published figure beside what this browser measured and what
// `make bench` measured natively and in the browser on the reference machine (claims-data.ts has
// the claims and their sources). A flagged figure is greyed, with its flags in words beside it.
import type { WorkloadSpec } from '../generated/catalog';
import type { Reference } from '../shared/reference';
import { CLAIMS, claimRows, type Measured } from './claims-data';
import { el } from './dom';

export type { Measured } from './claims-data';

/** The table: claim (if any), measured in this browser (if a run did), and make bench's figures. */
export function claimsView(root: HTMLElement, w: WorkloadSpec, ref: Reference, measured: Measured | null): void {
  const rows = claimRows(w.id, ref, measured).map((r) =>
    el(
      'tr',
      { 'data-row': r.key, ...(r.flags.length ? { class: 'flagged' } : {}) },
      el('th', { scope: 'row' }, r.what),
      el('td', { class: 'median' }, r.value),
      el('td', {}, r.where, r.flags.length ? el('small', { class: 'why' }, ` — ${r.flags.join(', ')}`) : ''),
    ),
  );
  root.replaceChildren(
    el('h2', { id: 'claims-h' }, CLAIMS[w.id] ? 'Claimed against measured' : 'Here and on the reference machine'),
    el(
      'p',
      { class: 'muted' },
      'Ratios are Python’s time over Rust’s. A native ratio (CPython against compiled Rust) and an in-browser one (Pyodide against wasm) answer different questions; both are shown so neither is mistaken for the other.',
    ),
    el(
      'div',
      { class: 'table-scroll' },
      el('table', { class: 'claims' }, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, ''), el('th', { scope: 'col' }, 'Python / Rust'), el('th', { scope: 'col' }, 'what and where'))), el('tbody', {}, ...rows)),
    ),
  );
}
