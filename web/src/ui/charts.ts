// The chart registry: the catalog's `chart` field names a kind, and a renderer registered for it
// draws the result under the table. The site issue fills it; until then only 'bars' is drawn.
import type { ChartKind, WorkloadSpec } from '../generated/catalog';
import type { RunResult } from '../app';
import { formatMs } from '../shared/format';
import { el } from './dom';

export type ChartRenderer = (root: HTMLElement, result: RunResult, w: WorkloadSpec) => void;

const registry = new Map<ChartKind, ChartRenderer>();

export function registerChart(kind: ChartKind, render: ChartRenderer): void {
  registry.set(kind, render);
}

export function chartFor(kind: ChartKind): ChartRenderer | undefined {
  return registry.get(kind);
}

/** Median time per implementation as bars (linear: a 100× speedup is meant to look like one). */
registerChart('bars', (root, r) => {
  const rows = Object.entries(r.implementations);
  const most = Math.max(...rows.map(([, x]) => x.medianMs));
  root.replaceChildren(
    ...rows.map(([impl, x]) => {
      const bar = el('span', { class: `bar ${x.build === 'python' ? 'py' : 'rs'}` });
      // Through the CSSOM: the CSP (style-src 'self') blocks style attributes, not this.
      bar.style.width = `${Math.max(0.5, (100 * x.medianMs) / most)}%`;
      return el('div', { class: 'bar-row' }, el('span', { class: 'bar-label' }, impl), bar, el('span', { class: 'bar-value' }, formatMs(x.medianMs)));
    }),
  );
});
