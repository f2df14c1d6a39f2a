// Samplers: how the harness asks an implementation for one timed sample. A worker sampler
// sends one request to one worker, which times its own kernel calls; the pool sampler is in
// pool.ts. Failures become errors that say which implementation failed and why.
import type { Failure, PythonMode } from '../shared/protocol';
import { RunCancelled, type WorkerBridge } from './bridge';
import type { Sampler, Timed } from './harness';
import type { RunSession } from './session';

export function failureError(impl: string, f: Failure): Error {
  if (f.kind === 'cancelled') return new RunCancelled('cancelled');
  const restarted = f.dead ? ' (the runtime was restarted)' : '';
  return new Error(`${impl}: ${f.message}${restarted}`);
}

export interface WorkerSamplerOptions {
  /** Rust: the rayon variant. */
  parallel?: boolean;
  pythonMode?: PythonMode;
  /** Python: the visitor's code. */
  pythonSource?: string;
  /** The worker can time an empty kernel through the same path. */
  overhead: boolean;
}

/** Start the worker in `bridge` for `impl`, and sample it. */
export async function workerSampler(session: RunSession, impl: string, bridge: WorkerBridge, how: WorkerSamplerOptions): Promise<Sampler> {
  await session.start(bridge, impl);
  const r = session.request;
  const scaling = r.scaling;
  return {
    name: impl,
    // Tier-up is per worker (a warm worker runs a new kernel at full speed: ARCHITECTURE.md),
    // but Python calling Rust loads a wasm instance of its own on first use.
    warmupMinMs: session.warmupMinMs([bridge], how.pythonMode ?? 'wasm'),
    overhead: how.overhead,
    scalingGrowth: scaling ? 1 / scaling.expected : null,
    async sample(batch, probe): Promise<Timed> {
      const kernel = probe === 'kernel';
      const reply = await bridge.sample({
        runId: session.runId,
        workload: r.workload.id,
        params: probe === 'scaling' && scaling ? scaling.params : r.params,
        batch,
        mode: probe === 'overhead' ? 'overhead' : 'kernel',
        ...(how.parallel ? { parallel: true } : {}),
        ...(how.pythonMode ? { pythonMode: how.pythonMode } : {}),
        ...(how.pythonSource !== undefined ? { pythonSource: how.pythonSource } : {}),
        wantBytes: kernel && session.wantsBytes(),
      });
      if (reply.stdout !== undefined) session.noteStdout(impl, reply.stdout);
      if (!reply.ok) throw failureError(impl, reply.failure);
      if (reply.coldMs) session.addCold(impl, reply.coldMs);
      if (kernel && reply.output.bytes) session.bytes = reply.output.bytes;
      if (reply.threads !== undefined) session.threads.set(impl, reply.threads);
      return { ms: reply.ms, batch: reply.batch, output: reply.output.canonical, work: reply.work };
    },
  };
}
