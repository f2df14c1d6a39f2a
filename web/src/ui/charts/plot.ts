// uPlot, themed from the page's colours and sized to its box (it follows the box's width).
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { el } from '../dom';

export { uPlot };

export function colour(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(`--${name}`).trim() || '#888';
}

export function axis(label: string, extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  const fg = colour('muted');
  // An axis without a label reserves no room for one.
  const named = label ? { label } : { labelSize: 0 };
  return { ...named, stroke: fg, grid: { stroke: colour('line'), width: 1 }, ticks: { stroke: colour('line'), width: 1 }, ...extra };
}

/** Ticks for a log scale from lo to hi: 1, 2, 5 × each power of ten (every decade alone when the range is wide). */
export function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  const wide = Math.log10(hi / lo) > 3;
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of wide ? [1] : [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= lo && v <= hi) out.push(v);
    }
  }
  return out;
}

/** A figure with a uPlot chart and a caption; the chart follows the figure's width. */
export function plot(root: HTMLElement, opts: Omit<uPlot.Options, 'width'>, data: uPlot.AlignedData, caption: string, title: string): uPlot {
  const holder = el('div', { role: 'img', 'aria-label': title });
  const figure = el('figure', {}, holder, el('figcaption', {}, caption));
  root.append(figure);
  const width = (): number => Math.max(260, Math.floor(root.clientWidth || 600));
  const u = new uPlot({ ...opts, width: width() }, data, holder);
  new ResizeObserver(() => {
    if (Math.abs(u.width - width()) > 4) u.setSize({ width: width(), height: u.height });
  }).observe(root);
  return u;
}

/** Draws vertical whiskers (lo..hi) at each x of series `idx`, from per-point intervals. */
export function whiskers(intervals: Array<[number, number] | null>, idx: number): uPlot.Plugin {
  return {
    hooks: {
      draw: (u: uPlot) => {
        const ctx = u.ctx;
        const s = u.series[idx];
        const stroke = typeof s?.stroke === 'function' ? s.stroke(u, idx) : (s?.stroke ?? '#888');
        ctx.save();
        ctx.strokeStyle = stroke as string;
        ctx.lineWidth = 2 * devicePixelRatio;
        const xs = u.data[0];
        intervals.forEach((ci, i) => {
          const x = xs[i];
          if (!ci || x === undefined || x === null) return;
          const cx = u.valToPos(x, 'x', true);
          const [y0, y1] = [u.valToPos(ci[0], s?.scale ?? 'y', true), u.valToPos(ci[1], s?.scale ?? 'y', true)];
          const w = 6 * devicePixelRatio;
          ctx.beginPath();
          ctx.moveTo(cx, y0);
          ctx.lineTo(cx, y1);
          ctx.moveTo(cx - w, y0);
          ctx.lineTo(cx + w, y0);
          ctx.moveTo(cx - w, y1);
          ctx.lineTo(cx + w, y1);
          ctx.stroke();
        });
        ctx.restore();
      },
    },
  };
}
