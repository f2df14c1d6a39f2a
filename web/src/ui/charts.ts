// The chart registry. Every result gets the times chart; the catalog's `chart` field names the
// one that tells the workload's story, and a renderer is registered here for each kind. Each
// renderer is its own lazily loaded module (uPlot comes with it), so a page pays for charts
// only when it draws one. Renderers take a root element and data, so the widget can reuse them.
import type { WorkloadSpec } from '../generated/catalog';
import type { ChartData, ChartRenderer, ViewKind } from './charts/types';
import { el } from './dom';

export type { ChartData, ChartRenderer, ViewKind } from './charts/types';
type Loader = () => Promise<{ render: ChartRenderer }>;

const registry = new Map<ViewKind, Loader>();

export function registerChart(kind: ViewKind, load: Loader): void {
  registry.set(kind, load);
}

registerChart('times', () => import('./charts/times'));
registerChart('bars', () => import('./charts/times'));
registerChart('latency', () => import('./charts/latency'));
registerChart('image', () => import('./charts/bitmap'));
registerChart('trajectory', () => import('./charts/trajectory'));
registerChart('throughput', () => import('./charts/throughput'));
registerChart('speedup', () => import('./charts/speedup'));
registerChart('amdahl', () => import('./charts/speedup'));
registerChart('crossover', () => import('./charts/crossover'));

/** Kinds drawn from a sweep (threads or input sizes) rather than from one run. */
const SWEEP_KINDS: ReadonlySet<ViewKind> = new Set(['speedup', 'amdahl', 'crossover']);

/** Workloads whose output says how many bytes a call wrote (`bytes=N`): their story is bytes per second. */
const THROUGHPUT: ReadonlySet<string> = new Set(['orders-json']);

/** The charts a run's result gets on workload `w`: the times, and the story when one run tells it. */
export function resultCharts(w: WorkloadSpec): ViewKind[] {
  const kinds: ViewKind[] = ['times'];
  if (w.chart !== 'bars' && !SWEEP_KINDS.has(w.chart)) kinds.push(w.chart);
  if (THROUGHPUT.has(w.id)) kinds.push('throughput');
  return kinds;
}

/** Whether workload `w` has a thread sweep (speedup against threads with Amdahl's curve). */
export function hasThreadSweep(w: WorkloadSpec): boolean {
  return w.parallel && ['speedup', 'amdahl', 'image', 'crossover'].includes(w.chart);
}

/**
 * Draw `kind` into a new `.chart` box appended to `root`; resolves when it is drawn. A chart that
 * cannot be drawn says so in its box (data-drawn="failed") and never fails the result it
 * illustrates. WebKit (JavaScriptCore 2.50) resolves the import() of a module whose dependency
 * threw while evaluating, with the module never run (`render` undefined): uPlot throws at load
 * where navigator.language is not a valid tag (WebKitGTK under LANG=C reports "C").
 */
export async function drawChart(root: HTMLElement, kind: ViewKind, data: ChartData): Promise<HTMLElement> {
  const box = el('div', { class: 'chart', 'data-chart': kind, 'data-drawn': 'false' });
  root.append(box);
  const load = registry.get(kind);
  if (!load) return box;
  try {
    const { render } = await load();
    if (typeof render !== 'function') throw new Error('its module did not load in this browser');
    // A frame apart from the module's evaluation, so neither makes a long task of the other.
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    render(box, data);
    box.dataset.drawn = 'true';
  } catch (e) {
    box.replaceChildren(el('p', { class: 'muted' }, `This chart could not be drawn: ${e instanceof Error ? e.message : String(e)}`));
    box.dataset.drawn = 'failed';
  }
  return box;
}

/** Start loading the chart modules a result will need, while the run goes. */
export function preloadCharts(kinds: readonly ViewKind[]): void {
  for (const k of kinds) void registry.get(k)?.().catch(() => {});
}
