// Every implementation a run can measure, in one table: its label, whose page caps apply,
// which runtime and build it runs on, when it is available, and how to sample it. The engine,
// the request check and the pages read it; adding an implementation means a row here (and,
// for a new runtime, its worker and a line in RUNTIMES).
import type { WorkloadSpec } from '../generated/catalog';
import type { Language } from '../shared/params';
import type { Capabilities } from './environment';
import type { Sampler } from './harness';
import { poolSampler } from './pool';
import { workerSampler } from './samplers';
import type { RunSession } from './session';
import type { Build } from './verdict';
import type { RuntimeSpec } from './workers';

/**
 * Minimum warm-up wall time of a fresh worker, from measurements of tier-up in this Chromium
 * (scripts/measure-tierup.mjs; the figures are in ARCHITECTURE.md, "Warm-up").
 */
export const WARMUP_MIN_MS = { python: 1000, rust: 1000 };

// Vite bundles a worker only from a literal `new Worker(new URL(...))`, hence one line each.
export const RUNTIMES = {
  python: {
    spawn: () => new Worker(new URL('../workers/python.worker.ts', import.meta.url), { type: 'module', name: 'twinbench-python' }),
    interruptible: true,
    warmupMinMs: WARMUP_MIN_MS.python,
  },
  rust: {
    spawn: () => new Worker(new URL('../workers/rust.worker.ts', import.meta.url), { type: 'module', name: 'twinbench-rust' }),
    warmupMinMs: WARMUP_MIN_MS.rust,
  },
  'rust-threads': {
    spawn: () =>
      new Worker(new URL('../workers/rust-threads.worker.ts', import.meta.url), { type: 'module', name: 'twinbench-rust-threads' }),
    warmupMinMs: WARMUP_MIN_MS.rust,
  },
} satisfies Record<string, RuntimeSpec>;
export type Runtime = keyof typeof RUNTIMES;

/** What an availability check may look at besides the workload and the browser. */
export interface Ask {
  pythonSource?: string | undefined;
}

export interface ImplementationSpec {
  label: string;
  /** Whose page caps apply to the parameters (the language of the kernel that runs). */
  language: Language;
  runtime: Runtime;
  build: Build;
  /** Measured alongside, in the same run (rust-threads brings its one-thread baseline). */
  companion?: string;
  /** A worker pool: `threads` workers, one shard each. */
  pool?: boolean;
  /** Why this implementation cannot run here, or null when it can. */
  available(w: WorkloadSpec, caps: Capabilities, ask: Ask): string | null;
  /** Start what it needs (cold costs go to the session) and return its sampler. */
  sampler(s: RunSession): Promise<Sampler>;
}

const always = (): null => null;
const threaded = (w: WorkloadSpec, caps: Capabilities): string | null =>
  !caps.threads ? (caps.notice ?? 'threads are off') : !w.parallel ? `${w.id} has no parallel variant` : null;
const pooled = (w: WorkloadSpec): string | null => (w.pool === null ? `${w.id} does not split across a worker pool` : null);

export const IMPLEMENTATION_TABLE = {
  python: {
    label: 'Python',
    language: 'python',
    runtime: 'python',
    build: 'python',
    available: always,
    sampler: (s) =>
      workerSampler(s, 'python', s.workers.get('python', 'python'), {
        pythonMode: 'twin',
        overhead: true,
        ...(s.request.pythonSource !== undefined ? { pythonSource: s.request.pythonSource } : {}),
      }),
  },
  'python-reference': {
    label: 'Python, reference twin',
    language: 'python',
    runtime: 'python',
    build: 'python',
    available: (_w, _c, ask) => (ask.pythonSource === undefined ? 'runs beside edited Python; Python is the reference now' : null),
    sampler: (s) => workerSampler(s, 'python-reference', s.workers.get('python', 'python'), { pythonMode: 'twin', overhead: true }),
  },
  'python-calls-rust': {
    label: 'Python calling Rust',
    language: 'rust',
    runtime: 'python',
    build: 'st',
    available: always,
    sampler: (s) => workerSampler(s, 'python-calls-rust', s.workers.get('python', 'python'), { pythonMode: 'calls-rust', overhead: false }),
  },
  rust: {
    label: 'Rust',
    language: 'rust',
    runtime: 'rust',
    build: 'st',
    available: always,
    sampler: (s) => workerSampler(s, 'rust', s.workers.get('rust', 'rust'), { overhead: true }),
  },
  'rust-threads-1': {
    label: 'Rust, threads build on 1 thread',
    language: 'rust',
    runtime: 'rust-threads',
    build: 'mt',
    available: threaded,
    sampler: (s) =>
      workerSampler(s, 'rust-threads-1', s.workers.get('rust-threads-1', 'rust-threads', 1), { parallel: true, overhead: true }),
  },
  'rust-threads': {
    label: 'Rust, threads',
    language: 'rust',
    runtime: 'rust-threads',
    build: 'mt',
    companion: 'rust-threads-1',
    available: threaded,
    sampler: (s) =>
      workerSampler(s, 'rust-threads', s.workers.get('rust-threads', 'rust-threads', s.request.threads), { parallel: true, overhead: true }),
  },
  'python-pool': {
    label: 'Python worker pool',
    language: 'python',
    runtime: 'python',
    build: 'python',
    pool: true,
    available: pooled,
    sampler: (s) => poolSampler(s, 'python-pool', s.workers.pool('python', s.request.threads)),
  },
  'rust-pool': {
    label: 'Rust worker pool',
    language: 'rust',
    runtime: 'rust',
    build: 'st',
    pool: true,
    available: pooled,
    sampler: (s) => poolSampler(s, 'rust-pool', s.workers.pool('rust', s.request.threads)),
  },
} satisfies Record<string, ImplementationSpec>;

export type Impl = keyof typeof IMPLEMENTATION_TABLE;
export const IMPLEMENTATIONS: Readonly<Record<Impl, ImplementationSpec>> = IMPLEMENTATION_TABLE;
/** Every implementation, in the order the pages list them. */
export const IMPLEMENTATION_IDS = Object.keys(IMPLEMENTATION_TABLE) as Impl[];

export function isImpl(x: unknown): x is Impl {
  return typeof x === 'string' && Object.hasOwn(IMPLEMENTATION_TABLE, x);
}

