// Worker pools (the in-browser multiprocessing.Pool): every member runs one shard, the page
// times the whole round (a pool's cost includes its messages, as multiprocessing's does), stops
// its clock, and only then merges the parts and hashes them. The messaging cost is reported
// apart: the round's time beyond its slowest shard's kernel.
import type { PoolKind } from '../generated/catalog';
import { digest } from '../shared/output';
import type { WorkerBridge } from './bridge';
import type { Sampler, Timed } from './harness';
import { failureError } from './samplers';
import type { RunSession } from './session';

/** Add up decimal integers exactly (shard sums can pass 2^53). */
export function sumDecimal(parts: readonly string[]): string {
  return parts.reduce((acc, p) => acc + BigInt(p), 0n).toString();
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The pool's canonical output, as the sequential kernel gives it: a sum, or the digest of the concatenation. */
export async function mergeParts(kind: PoolKind, parts: ReadonlyArray<string | Uint8Array>): Promise<string> {
  if (kind === 'sum') return sumDecimal(parts.map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p))));
  return digest(concatBytes(parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : p))));
}

/** The shards' work digests add up, modulo 2^64, to the whole run's (Contract 1; crate/src/digest.rs). */
export function combineWork(works: readonly string[]): string {
  const sum = works.reduce((acc, w) => BigInt.asUintN(64, acc + BigInt(`0x${w || '0'}`)), 0n);
  return sum.toString(16).padStart(16, '0');
}

/** Start `bridges` in parallel (as multiprocessing.Pool does) and sample them as one pool. */
export async function poolSampler(session: RunSession, impl: string, bridges: WorkerBridge[]): Promise<Sampler> {
  const cold = bridges.some((b) => !b.started);
  const t0 = performance.now();
  await Promise.all(bridges.map((b) => session.start(b)));
  session.addCold(impl, { poolStart: cold ? performance.now() - t0 : 0 });
  session.threads.set(impl, bridges.length);
  const r = session.request;
  const kind = r.workload.pool;
  if (kind === null) throw new Error(`${r.workload.id} cannot be split for a worker pool`);
  return {
    name: impl,
    warmupMinMs: session.warmupMinMs(bridges, 'shard'),
    async sample(batch): Promise<Timed> {
      let wall = 0;
      let slowest = 0;
      let parts: Array<string | Uint8Array> = [];
      let works: string[] = [];
      for (let b = 0; b < batch; b++) {
        const start = performance.now();
        const replies = await Promise.all(
          bridges.map((br, index) => br.shard({ runId: session.runId, workload: r.workload.id, params: r.params, index, shards: bridges.length })),
        );
        wall += performance.now() - start; // the clock stops before any merging or hashing
        const ok = replies.map((x) => {
          if (!x.ok) throw failureError(impl, x.failure);
          return x;
        });
        slowest += Math.max(...ok.map((x) => x.ms));
        parts = ok.map((x) => x.part);
        works = ok.map((x) => x.work);
      }
      return { ms: wall, batch, output: await mergeParts(kind, parts), work: combineWork(works), messagingMs: Math.max(0, wall - slowest) };
    },
  };
}
