// Claimed against measured: a published figure beside what this browser measured and what
// `make bench` measured natively on the reference machine. Each claim says where it comes from.
import type { WorkloadSpec } from '../generated/catalog';
import { formatMs, formatTimes } from '../shared/format';
import { referenceMachineWords, type Reference } from '../shared/reference';
import { el } from './dom';

export interface Claim {
  /** Python's time over Rust's, as published. */
  ratio: number;
  /** What was compared, in the source's terms. */
  what: string;
  /** Where the number comes from. */
  source: string;
}

/**
 * Published claims, by workload. fib's is the sentence twinbench started from (DESIGN.md and the
 * fib story quote it). The Benchmarks Game's Rust-against-Python pages were looked for in the
 * project's stored references and not found, so none of their ratios is quoted here.
 */
export const CLAIMS: Readonly<Record<string, Claim>> = {
  fib: {
    ratio: 43,
    what: 'Rust against pure Python on fib(35), natively (CPython, compiled Rust)',
    source: 'the article twinbench was started from, quoted in the fib story and in DESIGN.md',
  },
};

export interface Measured {
  /** Python over Rust in this browser, with its interval within the run. */
  ratio: number | null;
  ci95: [number, number] | null;
  params: Record<string, number | string>;
}

const params = (p: Record<string, number | string>): string => Object.entries(p).map(([k, v]) => `${k}=${v}`).join(', ');

/** The table: claim (if any), measured in this browser (if a run did), and make bench's figures. */
export function claimsView(root: HTMLElement, w: WorkloadSpec, ref: Reference, measured: Measured | null): void {
  const claim = CLAIMS[w.id];
  const k = ref.kernels[w.id];
  const rows: HTMLElement[] = [];
  const row = (what: string, value: string, where: string, key: string): void => {
    rows.push(el('tr', { 'data-row': key }, el('th', { scope: 'row' }, what), el('td', { class: 'median' }, value), el('td', {}, where)));
  };
  if (claim) row('Claimed', formatTimes(claim.ratio), `${claim.what}; source: ${claim.source}.`, 'claim');
  row(
    'Measured in your browser',
    measured?.ratio != null ? formatTimes(measured.ratio) : 'press Run',
    measured?.ratio != null
      ? `Python (Pyodide) over Rust (wasm), ${params(measured.params)}; 95% interval within the run ${measured.ci95 ? `${formatTimes(measured.ci95[0])} to ${formatTimes(measured.ci95[1])}` : 'none'}.`
      : 'Python (Pyodide) over Rust (wasm), on this page, after Run.',
    'browser',
  );
  if (k?.nativeRatio != null) {
    row(
      'Native, make bench',
      formatTimes(k.nativeRatio),
      `CPython ${formatMs(k.cpythonMs)} over native Rust ${formatMs(k.nativeRustMs)}, ${params(k.params)}, on ${referenceMachineWords(ref)}.`,
      'native',
    );
  }
  if (k?.ratio?.value != null) {
    row(
      'In the browser, make bench',
      formatTimes(k.ratio.value),
      `Pyodide ${formatMs(k.pyodideMs)} over wasm ${formatMs(k.wasmRustMs)}, ${params(k.params)}, on ${referenceMachineWords(ref)}.`,
      'reference',
    );
  }
  root.replaceChildren(
    el('h2', { id: 'claims-h' }, claim ? 'Claimed against measured' : 'Here and on the reference machine'),
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
