// Times per implementation: every sample as a faint dot, the median as a point, its 95%
// interval within the run as a whisker. Log scale, so 0.5 ms and 30 ms both read.
import { formatMs } from '../../shared/format';
import type { ChartRenderer } from './types';
import { implLabel } from '../result/words';
import { axis, colour, logTicks, plot, uPlot, whiskers } from './plot';

function samplesDots(samples: number[][]): uPlot.Plugin {
  return {
    hooks: {
      draw: (u: uPlot) => {
        const ctx = u.ctx;
        ctx.save();
        ctx.globalAlpha = 0.35;
        samples.forEach((xs, i) => {
          const s = u.series[i + 1];
          ctx.fillStyle = (typeof s?.stroke === 'function' ? s.stroke(u, i + 1) : s?.stroke) as string;
          const cx = u.valToPos(i, 'x', true);
          xs.forEach((v, k) => {
            const jitter = ((k % 7) - 3) * 3 * devicePixelRatio;
            ctx.beginPath();
            ctx.arc(cx + 14 * devicePixelRatio + jitter, u.valToPos(v, 'y', true), 2 * devicePixelRatio, 0, 2 * Math.PI);
            ctx.fill();
          });
        });
        ctx.restore();
      },
    },
  };
}

export const render: ChartRenderer = (root, { result }) => {
  if (!result) return;
  const rows = Object.entries(result.implementations).flatMap(([impl, x]) => (x ? [[impl, x] as const] : []));
  const xs = rows.map((_, i) => i);
  const series: uPlot.Series[] = [{}];
  const data: uPlot.AlignedData = [xs];
  rows.forEach(([impl, x], i) => {
    const stroke = colour(x.build === 'python' ? 'py' : 'rs');
    series.push({ label: implLabel(impl), stroke, width: 0, points: { show: true, size: 10, fill: stroke }, value: (_u, v) => formatMs(v) });
    data.push(xs.map((k) => (k === i ? x.medianMs : null)));
  });
  const all = rows.flatMap(([, x]) => [...x.samplesMs, ...(x.ci95Ms ?? [])]).filter((v) => v > 0);
  const [lo, hi] = [Math.min(...all) / 1.5, Math.max(...all) * 1.5];
  plot(
    root,
    {
      height: 220,
      scales: { x: { time: false, range: [-0.5, rows.length - 0.5] }, y: { distr: 3, range: [lo, hi] } },
      axes: [
        axis('', { values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? implLabel(rows[t]?.[0] ?? '') : '')), splits: () => xs }),
        axis('time per call (log scale)', { splits: () => logTicks(lo, hi), filter: (_u, ticks) => ticks, values: (_u, ticks) => ticks.map((t) => (t == null ? '' : formatMs(t, 1))), size: 70 }),
      ],
      series,
      legend: { show: false },
      cursor: { show: false },
      plugins: [
        samplesDots(rows.map(([, x]) => x.samplesMs.filter((v) => v > 0))),
        ...rows.map(([, x], i) => whiskers(xs.map((k) => (k === i ? x.ci95Ms : null)), i + 1)),
      ],
    },
    data,
    'Each dot is one sample (time per call); the big point is the median and the whisker its 95% interval within this run. Log scale.',
    `Times per call: ${rows.map(([impl, x]) => `${implLabel(impl)} ${formatMs(x.medianMs)}`).join(', ')}`,
  );
};
