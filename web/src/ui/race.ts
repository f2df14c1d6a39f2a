// The headline race: fib in Python against Rust, measured for real (interleaved, verified),
// then replayed as two bars that fill at the measured speeds: both start together, each fills
// as the time for one call of its own passes, scaled so the slower one takes a few seconds.
import { formatMs } from '../shared/format';
import type { SharedResult } from '../shared/share';
import { el } from './dom';
import { ratioWords } from './result/ratio';

export interface RaceView {
  /** Animate the measured result; resolves when both bars are full. */
  replay(r: SharedResult): Promise<void>;
  status(text: string): void;
}

const SLOWEST_MS = 3000;

export function raceView(root: HTMLElement): RaceView {
  const bar = (cls: string, name: string): { row: HTMLElement; fill: HTMLElement; time: HTMLElement } => {
    const fill = el('span', { class: `fill ${cls}` });
    const time = el('span', { class: 'time' }, '–');
    const row = el('div', { class: 'lane' }, el('span', { class: 'who' }, name), el('span', { class: 'track' }, fill), time);
    return { row, fill, time };
  };
  const py = bar('py', 'Python');
  const rs = bar('rs', 'Rust');
  const said = el('p', { class: 'race-status', role: 'status', 'aria-live': 'polite' });
  const verdict = el('p', { class: 'race-verdict' });
  root.append(py.row, rs.row, said, verdict);
  const set = (fill: HTMLElement, f: number): void => {
    fill.style.width = `${(100 * Math.min(1, f)).toFixed(2)}%`; // the CSSOM, which the CSP allows
  };
  return {
    status(text) {
      said.textContent = text;
    },
    replay(r) {
      const p = r.implementations.python;
      const q = r.implementations.rust;
      if (!p || !q) return Promise.resolve();
      py.time.textContent = `${formatMs(p.medianMs)} a call`;
      rs.time.textContent = `${formatMs(q.medianMs)} a call`;
      verdict.replaceChildren();
      const scale = SLOWEST_MS / Math.max(p.medianMs, q.medianMs);
      const finish = (): void => {
        set(py.fill, 1);
        set(rs.fill, 1);
        const q = r.verified ? ratioWords(r, 'python', 'rust') : null;
        verdict.classList.toggle('flagged', (q?.flags.length ?? 0) > 0);
        verdict.replaceChildren(
          q && !q.hidden ? el('strong', {}, q.text) : el('strong', {}, q?.text ?? 'No ratio: the outputs were not verified'),
          q?.interval ? ` (95% interval within this run: ${q.interval})` : '',
          q?.flags.length ? el('span', { class: 'why', title: q.title }, ` — ${q.flags.join(', ')}`) : '',
          '. ',
          r.verified ? `✓ Both returned ${r.output ?? ''} with the same work digest.` : '',
        );
      };
      if (matchMedia('(prefers-reduced-motion: reduce)').matches) {
        finish();
        return Promise.resolve();
      }
      return new Promise((done) => {
        const t0 = performance.now();
        const frame = (now: number): void => {
          const t = now - t0;
          set(py.fill, t / (p.medianMs * scale));
          set(rs.fill, t / (q.medianMs * scale));
          if (t < Math.max(p.medianMs, q.medianMs) * scale) requestAnimationFrame(frame);
          else {
            finish();
            done();
          }
        };
        set(py.fill, 0);
        set(rs.fill, 0);
        requestAnimationFrame(frame);
      });
    },
  };
}
