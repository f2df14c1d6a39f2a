// Serialisation in bytes per second: the output says how many bytes of JSON one call wrote
// (and parsed back), so each implementation's median time gives its throughput.
import { formatMs, sig } from '../../shared/format';
import type { ChartRenderer } from './types';
import { implLabel } from '../result/words';
import { axis, colour, plot, uPlot } from './plot';

export function bytesPerCall(output: string | null): number | null {
  const m = output ? /^bytes=(\d+)$/m.exec(output) : null;
  return m ? Number(m[1]) : null;
}

export const render: ChartRenderer = (root, { result }) => {
  const bytes = bytesPerCall(result?.output ?? null);
  if (!result || bytes === null) return;
  const rows = Object.entries(result.implementations).flatMap(([impl, x]) => (x ? [[impl, x] as const] : []));
  const xs = rows.map((_, i) => i);
  const mbps = rows.map(([, x]) => bytes / 1e6 / (x.medianMs / 1000));
  const series: uPlot.Series[] = [{}];
  const data: uPlot.AlignedData = [xs];
  rows.forEach(([impl, x], i) => {
    const c = colour(x.build === 'python' ? 'py' : 'rs');
    series.push({ label: implLabel(impl), stroke: c, fill: c, paths: uPlot.paths.bars?.({ size: [0.6, 80] }), points: { show: false } });
    data.push(xs.map((k) => (k === i ? mbps[i]! : null)));
  });
  plot(
    root,
    {
      height: 200,
      scales: { x: { time: false, range: [-0.5, rows.length - 0.5] }, y: { range: [0, Math.max(...mbps) * 1.15] } },
      axes: [axis('', { values: (_u, t) => t.map((v) => (Number.isInteger(v) ? implLabel(rows[v]?.[0] ?? '') : '')), splits: () => xs }), axis('MB/s')],
      series,
      legend: { show: false },
    },
    data,
    `Each call writes ${bytes.toLocaleString('en')} bytes of JSON and parses them back: ${rows.map(([impl, x], i) => `${implLabel(impl)} ${sig(mbps[i])} MB/s (${formatMs(x.medianMs)} a call)`).join(', ')}.`,
    'Throughput of serialising and parsing the orders, MB/s',
  );
};
