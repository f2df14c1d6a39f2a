// The soak (issue 13): consecutive runs across every workload and implementation in one page,
// kept short by small parameters, with Stop pressed in every fifth. Shared by the e2e spec
// (tests/e2e/soak.spec.ts) and `make bench` (bench/sections/reliability.mjs). `soakRuns` is
// passed to page.evaluate, so it is self-contained: no imports, no closures.

export interface SoakChunk {
  /** Runs done, by how they ended. */
  done: number;
  stopped: number;
  /** Runs that failed for any other reason: "#i workload impls: message". */
  failed: string[];
  /** The most live workers seen between runs. */
  maxWorkers: number;
}

/** Runs `from` to `to - 1` of the soak in the page (window.twinbench). */
export async function soakRuns(range: { from: number; to: number }): Promise<SoakChunk> {
  const api = window.twinbench;
  const workloads = api.workloads();
  const env = await api.environment();
  const sets: string[][] = [['python', 'rust'], ['python-calls-rust', 'rust'], ['rust', 'rust-threads'], ['python-pool', 'rust-pool'], ['python'], ['rust']];
  const out: SoakChunk = { done: 0, stopped: 0, failed: [], maxWorkers: 0 };
  for (let i = range.from; i < range.to; i++) {
    // Every implementation set in every six runs (so the first ten start every worker the page
    // keeps), over every workload; a set a workload cannot run goes to one that can.
    let impls = sets[i % sets.length]!;
    const fits = (x: (typeof workloads)[number]): boolean => (!impls.includes('rust-threads') || (x.parallel && env.threads)) && (!impls.includes('python-pool') || x.pool !== null);
    if (impls.includes('rust-threads') && !env.threads) impls = ['rust'];
    const w = [workloads[i % workloads.length]!, ...workloads].find(fits)!;
    // Small: a quarter of each default (at least the minimum), so a run takes a fraction of a second.
    const params = Object.fromEntries(
      w.params.map((p) => [p.name, p.type === 'choice' ? p.default : Math.max(p.min, p.type === 'int' ? Math.round(p.default / 4) : p.default / 4)]),
    );
    const run = api.run({ workload: w.id, params, implementations: impls as never, threads: 2, maxSamples: 3, timeBudgetMs: 30, minWarmupMs: 0 });
    const stop = i % 5 === 4;
    if (stop) {
      // Stop while it runs (a no-op if it already ended), before anything else starts.
      await new Promise((r) => setTimeout(r, 100));
      await api.cancel();
    }
    try {
      const r = await run;
      if (!r.verified && impls.length > 1) out.failed.push(`#${i} ${w.id} ${impls.join('+')}: not verified`);
      out.done++;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (stop && message === 'cancelled') out.stopped++;
      else out.failed.push(`#${i} ${w.id} ${impls.join('+')}: ${message.slice(0, 200)}`);
    }
    out.maxWorkers = Math.max(out.maxWorkers, api.debug.liveWorkers());
  }
  return out;
}

/** The last run of a soak: fib in Python and Rust, verified. */
export async function soakFinalRun(): Promise<{ verified: boolean; output: string | null; workers: number }> {
  const r = await window.twinbench.run({ workload: 'fib', params: { n: 15 }, maxSamples: 5, timeBudgetMs: 100, minWarmupMs: 0 });
  return { verified: r.verified, output: r.output, workers: window.twinbench.debug.liveWorkers() };
}
