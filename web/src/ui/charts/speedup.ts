// Speedup against threads: each count measured in a fresh worker against the same build on one
// thread (interleaved, so each point has its interval), the ideal line, and Amdahl's law with
// the parallel fraction fitted to the points (and, for the amdahl workload, the one it asked for).
import { amdahlSpeedup, fitAmdahl } from '../../shared/amdahl';
import { sig } from '../../shared/format';
import type { ChartRenderer } from './types';
import { el } from '../dom';
import { axis, colour, plot, uPlot, whiskers } from './plot';

export const render: ChartRenderer = (root, { sweep }) => {
  const s = sweep?.series[0];
  if (!sweep || !s) return;
  const pts = s.points.filter((p) => p.value !== null) as Array<{ x: number; value: number; ci95: [number, number] | null }>;
  const fit = fitAmdahl(pts.map((p) => ({ n: p.x, speedup: p.value })));
  const maxN = Math.max(2, ...s.points.map((p) => p.x));
  // A dense x grid for the curves; measured points sit on their integer counts.
  const xs = Array.from({ length: (maxN - 1) * 8 + 1 }, (_, i) => 1 + i / 8);
  const at = (x: number): number | null => pts.find((p) => Math.abs(p.x - x) < 1e-9)?.value ?? null;
  const series: uPlot.Series[] = [
    { label: 'threads' },
    { label: 'measured', stroke: colour('rs'), width: 0, points: { show: true, size: 10, fill: colour('rs') }, value: (_u, v) => (v === null ? '' : `${sig(v)}×`) },
    { label: 'ideal (n×)', stroke: colour('muted'), dash: [4, 4], width: 1, points: { show: false } },
  ];
  const data: uPlot.AlignedData = [xs, xs.map(at), xs];
  if (fit) {
    series.push({ label: `Amdahl, fitted p = ${sig(fit.p, 2)}`, stroke: colour('accent'), width: 2, points: { show: false } });
    data.push(xs.map((x) => amdahlSpeedup(fit.p, x)));
  }
  if (sweep.expectedP !== undefined) {
    series.push({ label: `Amdahl, p asked = ${sig(sweep.expectedP, 2)}`, stroke: colour('py'), dash: [2, 3], width: 2, points: { show: false } });
    data.push(xs.map((x) => amdahlSpeedup(sweep.expectedP!, x)));
  }
  const top = Math.max(maxN, ...pts.map((p) => p.ci95?.[1] ?? p.value)) * 1.1;
  plot(
    root,
    {
      height: 240,
      scales: { x: { time: false, range: [0.8, maxN + 0.2] }, y: { range: [0, top] } },
      axes: [axis('threads', { splits: () => s.points.map((p) => p.x) }), axis('speedup against 1 thread', { values: (_u, t) => t.map((v) => `${sig(v, 2)}×`) })],
      series,
      legend: { live: false },
      plugins: [whiskers(xs.map((x) => pts.find((p) => Math.abs(p.x - x) < 1e-9)?.ci95 ?? null), 1)],
    },
    data,
    `Each count ran in a fresh worker against the threaded build on one thread, interleaved; whiskers are 95% intervals within each run.${fit ? ` Amdahl's law fits a parallel fraction of ${sig(fit.p, 2)} (rms error ${sig(fit.rmse, 2)}).` : ''}`,
    `Speedup against threads: ${pts.map((p) => `${p.x} → ${sig(p.value)}×`).join(', ')}`,
  );
  root.dataset.fittedP = fit ? String(fit.p) : '';
  if (!fit) root.append(el('p', { class: 'muted' }, 'No fit: Amdahl’s law needs a point above one thread.'));
};
