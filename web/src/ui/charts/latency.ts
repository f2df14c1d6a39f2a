// Per-call latency over the run (latency mode: one call per sample), each implementation
// relative to its own median, so a garbage collector's pauses show as spikes above 1 and a
// steady allocator as a flat line; and the histogram of the same numbers.
import { formatMs, sig } from '../../shared/format';
import type { ChartRenderer } from './types';
import { implLabel } from '../result/words';
import { axis, colour, plot, uPlot } from './plot';

const BINS = [0.8, 0.9, 0.95, 1, 1.05, 1.1, 1.25, 1.5, 2, 3];

export const render: ChartRenderer = (root, { result }) => {
  if (!result) return;
  const rows = Object.entries(result.implementations).flatMap(([impl, x]) => (x && x.samplesMs.length ? [[impl, x] as const] : []));
  const n = Math.max(...rows.map(([, x]) => x.samplesMs.length));
  const xs = Array.from({ length: n }, (_, i) => i + 1);
  const series: uPlot.Series[] = [{ label: 'call' }];
  const data: uPlot.AlignedData = [xs];
  for (const [impl, x] of rows) {
    series.push({ label: implLabel(impl), stroke: colour(x.build === 'python' ? 'py' : 'rs'), width: 2, value: (_u, v) => `${sig(v)}× median` });
    data.push(xs.map((i) => (x.samplesMs[i - 1] !== undefined ? x.samplesMs[i - 1]! / x.medianMs : null)));
  }
  const peak = Math.max(1.5, ...data.slice(1).flatMap((s) => (s as (number | null)[]).filter((v): v is number => v !== null)));
  plot(
    root,
    {
      height: 220,
      scales: { x: { time: false }, y: { range: [0, peak * 1.05] } },
      axes: [axis('call, in the order run', { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500] }), axis('time / its median', { values: (_u, t) => t.map((v) => `${sig(v, 2)}×`) })],
      series,
      legend: { live: false },
    },
    data,
    `Each call's time divided by its implementation's median (${rows.map(([impl, x]) => `${implLabel(impl)} ${formatMs(x.medianMs)}`).join(', ')}): 1 is a typical call; pauses stand out as spikes.`,
    'Per-call latency over the run, relative to each median',
  );
  // The histogram: how many calls fell in each band of time / median.
  const labels = BINS.map((b, i) => (i + 1 < BINS.length ? `${b}–${BINS[i + 1]}` : `≥${b}`));
  const hx = BINS.map((_, i) => i);
  const hs: uPlot.Series[] = [{ label: 'band' }];
  const hd: uPlot.AlignedData = [hx];
  for (const [impl, x] of rows) {
    const counts = BINS.map(() => 0);
    for (const v of x.samplesMs) {
      const r = v / x.medianMs;
      let k = BINS.findLastIndex((b) => r >= b);
      if (k < 0) k = 0;
      counts[k]! += 1;
    }
    const c = colour(x.build === 'python' ? 'py' : 'rs');
    hs.push({ label: implLabel(impl), stroke: c, fill: `${c}55`, paths: uPlot.paths.bars?.({ size: [0.4, 40] }), points: { show: false } });
    hd.push(counts);
  }
  plot(
    root,
    {
      height: 180,
      scales: { x: { time: false, range: [-0.5, BINS.length - 0.5] } },
      axes: [axis('time / median', { values: (_u, t) => t.map((v) => labels[v] ?? ''), splits: () => hx }), axis('calls', { incrs: [1, 2, 5, 10, 20, 50, 100] })],
      series: hs,
      legend: { live: false },
    },
    hd,
    'How many calls took how long, relative to the median: a tail to the right is pauses.',
    'Histogram of per-call latency',
  );
};
