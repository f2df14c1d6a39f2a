// The path itself: Rust computes every point of the projectile's flight, the page draws them
// (thinned to a few thousand for drawing; the kernels use all of them).
import { sig } from '../../shared/format';
import type { ChartRenderer } from './types';
import { el } from '../dom';
import { axis, colour, plot } from './plot';

export const render: ChartRenderer = (root, { result }) => {
  const xy = result?.points;
  if (!xy || xy.length < 4) {
    root.append(el('p', { class: 'muted' }, 'The path is drawn from the points of a run with Rust on this page.'));
    return;
  }
  const n = xy.length / 2;
  const xs = Array.from({ length: n }, (_, i) => xy[2 * i]!);
  const ys = Array.from({ length: n }, (_, i) => xy[2 * i + 1]!);
  const top = Math.max(...ys);
  plot(
    root,
    {
      height: 240,
      mode: 2,
      scales: { x: { time: false }, y: { range: [0, top * 1.1] } },
      axes: [axis('distance (m)'), axis('height (m)')],
      series: [{}, { label: 'path', stroke: colour('rs'), width: 2, points: { show: false } }],
      legend: { show: false },
    },
    [null, [xs, ys]] as unknown as import('uplot').AlignedData,
    `The projectile's flight with drag: ${n} of its points drawn; it lands ${sig(xs[n - 1])} m away after peaking at ${sig(top)} m.`,
    'The trajectory: height against distance',
  );
};
