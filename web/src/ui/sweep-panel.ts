// A story that one run cannot tell: the thread sweep (speedup against threads, each count in a
// fresh worker, Amdahl's law fitted) and the crossover (input sizes where parallelism starts
// to pay). Each panel has its own button and `data-state`, and draws its chart when done.
import type { WorkloadSpec } from '../generated/catalog';
import { engine, label, type RunResult, type SweepPoint } from '../app';
import { drawChart } from './charts';
import type { SweepData, SweepSeries } from './charts/sweep-data';
import { el } from './dom';
import { shortFlag } from './result/flag-words';

export interface SweepSetup {
  /** The form's current parameters (validated by the engine). */
  params(): Record<string, number | string>;
  threads(): number;
  /** How long each point samples, and how many samples at most. */
  timeBudgetMs: number;
  maxSamples: number;
  threadsAvailable: boolean;
  /** The page shows the run as busy (Stop enabled) between these. */
  busy(on: boolean): void;
}

/** Thread counts 1..n: every count up to 4, then powers of two and n itself. */
export function threadCounts(n: number): number[] {
  const out = new Set<number>();
  for (let k = 1; k <= n; k = k < 4 ? k + 1 : k * 2) out.add(k);
  out.add(n);
  return [...out].filter((k) => k <= n).sort((a, b) => a - b);
}

function series(results: Array<{ x: number; r: RunResult }>, key: string, name: string): SweepSeries {
  return {
    label: name,
    lang: 'rs',
    points: results.map(({ x, r }) => {
      const q = r.ratios[key];
      return { x, value: q && !q.hidden ? q.value : null, ci95: q && !q.hidden ? q.ci95 : null };
    }),
  };
}

/**
 * The credibility flags of each point's ratios, in a few words (the run's flag list says them in
 * full), one line per point that has any: a greyed or missing point on the chart says why here.
 */
export function pointFlagWords(results: ReadonlyArray<{ x: number; r: { ratios: Readonly<Record<string, { flags: readonly string[] } | undefined>> } }>, keys: readonly string[], xName: (x: number) => string): Array<{ x: number; text: string }> {
  return results.flatMap(({ x, r }) => {
    const words = [...new Set(keys.flatMap((k) => r.ratios[k]?.flags ?? []).map(shortFlag))];
    return words.length ? [{ x, text: `${xName(x)}: ${words.join(', ')}` }] : [];
  });
}

function pointFlags(results: Array<{ x: number; r: RunResult }>, keys: readonly string[], xName: (x: number) => string): HTMLElement | null {
  const items = pointFlagWords(results, keys, xName).map((p) => el('li', { 'data-point': String(p.x) }, p.text));
  return items.length ? el('ul', { class: 'flags point-flags', 'aria-label': 'Flags on these runs' }, ...items) : null;
}

interface PanelSpec {
  id: string;
  title: string;
  intro: string;
  button: string;
  chart: 'speedup' | 'crossover';
  /** The ratios the chart draws, whose flags are listed under it, and how a point is named. */
  keys: readonly string[];
  pointName(x: number): string;
  plan(s: SweepSetup): { impls: string[]; points: SweepPoint[]; x: (p: SweepPoint) => number; threads?: number } | string;
  data(results: Array<{ x: number; r: RunResult }>, s: SweepSetup): SweepData;
}

function panel(root: HTMLElement, w: WorkloadSpec, s: SweepSetup, spec: PanelSpec): void {
  const state = el('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });
  const run = el('button', { type: 'button', id: `${spec.id}-run` }, spec.button);
  const out = el('div', { class: 'charts' });
  const box = el('section', { class: 'story-run', id: spec.id, 'data-state': 'idle', 'aria-labelledby': `${spec.id}-h` }, el('h3', { id: `${spec.id}-h` }, spec.title), el('p', {}, spec.intro), el('div', { class: 'actions' }, run, state), out);
  root.append(box);
  run.addEventListener('click', () => {
    const plan = spec.plan(s);
    if (typeof plan === 'string') {
      box.dataset.state = 'error';
      state.textContent = plan;
      return;
    }
    box.dataset.state = 'running';
    run.disabled = true;
    s.busy(true);
    out.replaceChildren();
    const results: Array<{ x: number; r: RunResult }> = [];
    const req = { workload: w.id, params: s.params(), implementations: plan.impls as never, threads: plan.threads ?? s.threads(), maxSamples: s.maxSamples, timeBudgetMs: s.timeBudgetMs };
    engine()
      .sweep(req, plan.points, {
        onProgress: (p) => (state.textContent = `point ${p.point + 1} of ${plan.points.length}: ${label(p.impl as never)}, ${p.phase} ${p.samples}`),
        onPoint: (i, r) => results.push({ x: plan.x(plan.points[i]!), r }),
      })
      .then(async () => {
        state.textContent = `done: ${plan.points.length} runs, each verified ${results.every(({ r }) => r.verified) ? '✓' : '✗ (see the main result for why)'}`;
        await drawChart(out, spec.chart, { w, sweep: spec.data(results, s) });
        const flags = pointFlags(results, spec.keys, spec.pointName);
        if (flags) out.append(flags);
        box.dataset.state = 'done';
      })
      .catch((e: unknown) => {
        box.dataset.state = 'error';
        state.textContent = e instanceof Error ? e.message : String(e);
      })
      .finally(() => {
        run.disabled = false;
        s.busy(false);
      });
  });
}

export function threadSweepPanel(root: HTMLElement, w: WorkloadSpec, s: SweepSetup): void {
  panel(root, w, s, {
    id: 'thread-sweep',
    title: 'Speedup against threads',
    intro: 'Runs Rust on 1, 2, … threads, each count in a fresh worker (a rayon pool cannot be resized), each against the same threaded build on one thread, and fits Amdahl’s law to the speedups.',
    button: 'Run the thread sweep',
    chart: 'speedup',
    keys: ['rust-threads-1/rust-threads'],
    pointName: (t) => `${t} thread${t === 1 ? '' : 's'}`,
    plan: (x) => (x.threadsAvailable ? { impls: ['rust-threads'], points: threadCounts(x.threads()).map((t) => ({ threads: t })), x: (p) => p.threads ?? 1 } : 'Threads are off in this browser, so there is nothing to sweep (the notice at the top says why).'),
    data: (results, x) => {
      const p = x.params().p;
      return { x: 'threads', xLabel: 'threads', series: [series(results, 'rust-threads-1/rust-threads', 'Rust, rayon threads')], ...(w.id === 'amdahl' && typeof p === 'number' ? { expectedP: p / 100 } : {}) };
    },
  });
}

/** Input sizes for the crossover: from small to the form's n, at most six. */
function sizes(n: number): number[] {
  const lo = Math.max(4, n - 16);
  const step = Math.max(1, Math.ceil((n - lo) / 5));
  const out: number[] = [];
  for (let k = lo; k < n; k += step) out.push(k);
  return [...out, n];
}

export function crossoverPanel(root: HTMLElement, w: WorkloadSpec, s: SweepSetup): void {
  panel(root, w, s, {
    id: 'crossover',
    title: 'Where parallelism starts to pay',
    intro: 'Runs the batch at growing input sizes, sequential Rust against a pool of Rust workers (and rayon threads where this browser has them). On tiny inputs the overhead of splitting wins; the chart shows where the parallel versions overtake.',
    button: 'Run the crossover sweep',
    chart: 'crossover',
    keys: ['rust/rust-pool', 'rust-threads-1/rust-threads'],
    pointName: (n) => `n=${n}`,
    plan: (x) => {
      const n = Number(x.params().n);
      if (!Number.isInteger(n)) return 'Set n to a whole number first.';
      return { impls: ['rust', 'rust-pool', ...(x.threadsAvailable ? ['rust-threads'] : [])], points: sizes(n).map((k) => ({ params: { n: k } })), x: (p) => Number(p.params?.n) };
    },
    data: (results, x) => ({
      x: 'n',
      xLabel: 'n (the largest Fibonacci input of the batch)',
      series: [
        series(results, 'rust/rust-pool', `Rust worker pool (${x.threads()} workers)`),
        ...(x.threadsAvailable ? [series(results, 'rust-threads-1/rust-threads', `Rust, rayon (${x.threads()} threads)`)] : []),
      ],
    }),
  });
}
