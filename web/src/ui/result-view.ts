// The result of a run, from the engine or from a share link: the headline ratio, the
// verification badge, the times, every ratio (greyed with the reason when flagged, replaced by
// the reason when a flag invalidates it), the flags, the cold start, the charts and what the
// programs printed. Everything goes in as text, never as HTML. `compact` is the widget's form:
// headline, badge and times only.
import type { WorkloadSpec } from '../generated/catalog';
import type { SharedResult } from '../shared/share';
import { drawChart, resultCharts, type ChartData } from './charts';
import { el } from './dom';
import { badge, flagList, headline, outputText, ratioList } from './result/summary';
import { coldStart, timesTable } from './result/table';

/** A result as the view reads it: the engine's RunResult fits, and so does a checked shared one. */
export type ViewedResult = SharedResult & {
  mismatch?: Partial<Record<string, { output: string; work: string }>> | null;
  bytes?: Uint8Array;
  points?: Float64Array;
};

export interface ResultViewOptions {
  compact?: boolean;
  /** Cold costs measured by the page (e.g. the Pyodide download), per implementation. */
  coldExtra?: Record<string, Record<string, number>>;
  /** Skip the charts (the comparison view draws them once, under both results). */
  charts?: boolean;
}

/** Render `r` into `root`; resolves once its charts are drawn. */
export async function showResult(root: HTMLElement, r: ViewedResult, w: WorkloadSpec, opts: ResultViewOptions = {}): Promise<void> {
  const parts: HTMLElement[] = [];
  const top = headline(r);
  if (top) parts.push(top);
  parts.push(badge(r), timesTable(r));
  if (!opts.compact) {
    parts.push(ratioList(r));
    const flags = flagList(r);
    if (flags) parts.push(flags);
    const cold = coldStart(r, opts.coldExtra);
    if (cold) parts.push(cold);
  }
  const charts = el('div', { class: 'charts' });
  if (opts.charts !== false && !opts.compact) parts.push(charts);
  if (!opts.compact) {
    parts.push(el('h3', {}, 'Output'), el('pre', { class: 'output' }, outputText(r)));
    const stdout = Object.values(r.implementations)
      .map((x) => x?.stdout)
      .filter((s): s is string => !!s)
      .join('\n');
    if (stdout) parts.push(el('h3', {}, 'What the Python code printed'), el('pre', { class: 'output stdout' }, stdout));
  }
  root.replaceChildren(...parts);
  root.classList.toggle('compact', opts.compact === true);
  if (opts.charts === false || opts.compact) return;
  const data: ChartData = { w, result: r };
  for (const kind of resultCharts(w)) await drawChart(charts, kind, data);
}
