// Where parallelism starts to pay: the speedup of rayon threads and of a worker pool over the
// sequential run, against the input size. Below 1, the parallel version is slower (its
// overhead is larger than the work it splits).
import { sig } from '../../shared/format';
import type { ChartRenderer } from './types';
import { axis, colour, plot, uPlot, whiskers } from './plot';

export const render: ChartRenderer = (root, { sweep }) => {
  if (!sweep || !sweep.series.length) return;
  const xs = [...new Set(sweep.series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const series: uPlot.Series[] = [{ label: sweep.x }, { label: 'break-even (1×)', stroke: colour('muted'), dash: [4, 4], width: 1, points: { show: false } }];
  const data: uPlot.AlignedData = [xs, xs.map(() => 1)];
  const plugins: uPlot.Plugin[] = [];
  const palette = [colour('rs'), colour('accent'), colour('py')];
  sweep.series.forEach((s, i) => {
    const c = palette[i % palette.length]!;
    series.push({ label: s.label, stroke: c, width: 2, points: { show: true, size: 8, fill: c }, value: (_u, v) => (v === null ? '' : `${sig(v)}×`) });
    data.push(xs.map((x) => s.points.find((p) => p.x === x)?.value ?? null));
    plugins.push(whiskers(xs.map((x) => s.points.find((p) => p.x === x)?.ci95 ?? null), series.length - 1));
  });
  const all = sweep.series.flatMap((s) => s.points.flatMap((p) => [p.value ?? 1, ...(p.ci95 ?? [])]));
  const crossings = sweep.series.map((s) => {
    const first = s.points.find((p) => p.value !== null && p.value > 1 && (p.ci95 === null || p.ci95[0] > 1));
    return `${s.label}: ${first ? `pays from ${sweep.x} = ${first.x}` : 'does not pay in this range'}`;
  });
  plot(
    root,
    {
      height: 240,
      scales: { x: { time: false }, y: { range: [0, Math.max(2, ...all) * 1.1] } },
      axes: [axis(sweep.xLabel, { splits: () => xs }), axis('speedup over sequential', { values: (_u, t) => t.map((v) => `${sig(v, 2)}×`) })],
      series,
      legend: { live: false },
      plugins,
    },
    data,
    `Above the dashed line the parallel version is faster. ${crossings.join('; ')} (the first size whose whole interval is above 1).`,
    `Crossover: ${crossings.join('; ')}`,
  );
};
