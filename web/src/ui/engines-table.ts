// "The same kernel in three engines": make bench's engines section (bench/sections/engines.mjs,
// read from bench/report.json at build time) as one table for the method page, a row per
// workload and a column per engine with Python over Rust and both times, marked where the
// outputs did not agree or an engine took more than twice the best engine's time.
import { formatMs, formatTimes } from '../shared/format';
import type { Reference, ReferenceEngine, ReferenceEngineKernel } from '../shared/reference';
import { el } from './dom';
import { table } from './reference-tables';

export interface EnginesRows {
  caption: string;
  head: string[];
  rows: string[][];
  /** Sentences under the table: engines not measured, engines without threads. */
  notes: string[];
}

/** "Chromium 156", "Firefox ESR 153", "WebKitGTK 2.50": the label and the version's first figures. */
export function engineName(e: ReferenceEngine): string {
  const v = e.version?.match(/\d+(\.\d+)?/)?.[0] ?? null;
  const short = v && v.startsWith('2.') ? v : v?.split('.')[0];
  return short ? `${e.label} ${short}` : e.label;
}

function cell(k: ReferenceEngineKernel | undefined, names: Record<string, string>): string {
  if (!k) return 'n/a';
  if (k.error) return `error: ${k.error.slice(0, 60)}`;
  const ratio = k.hiddenBy ? `hidden (${k.hiddenBy.join(', ')})` : formatTimes(k.ratio);
  const marks = [
    ...(k.verified ? [] : ['outputs differ']),
    ...k.slow.map((s) => `⚠ ${s.impl} ${formatTimes(s.overBest)} ${names[s.bestEngine] ?? s.bestEngine}’s time`),
  ];
  return `${ratio} (${formatMs(k.pythonMs)} / ${formatMs(k.rustMs)})${marks.length ? `; ${marks.join('; ')}` : ''}`;
}

/** The table's text, or null when the report has no engines section. */
export function enginesRows(ref: Reference): EnginesRows | null {
  const engines = Object.entries(ref.engines ?? {});
  const live = engines.filter(([, e]) => !e.skipped);
  if (!live.length) return null;
  const names = Object.fromEntries(engines.map(([id, e]) => [id, e.label]));
  const ids = [...new Set(live.flatMap(([, e]) => Object.keys(e.kernels)))];
  const notes = [
    ...engines.filter(([, e]) => e.skipped).map(([, e]) => `${e.label} was not measured: ${e.skipped}.`),
    ...live
      .filter(([, e]) => e.threads === false)
      .map(([, e]) => `${engineName(e)} ran without threads (${e.sharedArrayBuffer === false ? 'no SharedArrayBuffer, even cross-origin isolated' : 'no shared wasm memory'}); these kernels are single-threaded in every engine.`),
  ];
  return {
    caption: 'The same kernel in three engines: Python over Rust at the catalog defaults (Python time / Rust time per call), verified in each',
    head: ['workload', ...live.map(([, e]) => engineName(e))],
    rows: ids.map((id) => [id, ...live.map(([, e]) => cell(e.kernels[id], names))]),
    notes,
  };
}

export function enginesTable(ref: Reference): HTMLElement | null {
  const t = enginesRows(ref);
  if (!t) return null;
  return el('div', { id: 'engines-table' }, table(t.caption, t.head, t.rows), ...t.notes.map((n) => el('p', { class: 'muted' }, n)));
}
