// Worker pools (python-pool, rust-pool) on the pool workload at 1, 2 and hardwareConcurrency
// workers. Each size starts in a fresh page, alone, so its start is a fresh pool's; then it is
// measured interleaved with the single worker of its language (which also shows the pool's
// overhead). Native CPython's multiprocessing.Pool on the same shards is the limit here.
import { POOL_WORKLOAD } from '../config.mjs';
import { apiRun, openPage } from '../lib/browser.mjs';
import { ms, table, times, yes } from '../lib/md.mjs';
import { ratioFlags, ratioText } from '../lib/result.mjs';
import { cpython } from '../lib/native.mjs';
import { fitAmdahl } from '../lib/ts.mjs';
import { reaches, row } from '../targets.mjs';

const KINDS = ['python', 'rust'];

async function measure(ctx) {
  const w = ctx.byId[POOL_WORKLOAD];
  if (!w?.pool) throw new Error(`config: POOL_WORKLOAD ${POOL_WORKLOAD} has no pool in the catalog`);
  const params = ctx.defaults(w);
  const sizes = [...new Set([1, Math.min(2, ctx.hc), ctx.hc])].filter((n) => n >= 1 && n <= 8).sort((a, b) => a - b);
  const out = { workload: w.id, params };
  for (const kind of KINDS) {
    const impl = `${kind}-pool`;
    const bySize = [];
    for (const n of sizes) {
      ctx.log(`pools: ${impl} with ${n} worker(s)`);
      const page = await openPage(ctx.context, ctx.server.url, ctx.log);
      try {
        const first = await apiRun(page, { workload: w.id, params, implementations: [impl], threads: n, maxSamples: 3, timeBudgetMs: 1 });
        const r = await apiRun(page, { workload: w.id, params, implementations: [kind, impl], threads: n, ...ctx.S.pools });
        const ratio = r.ratios[`${kind}/${impl}`] ?? null;
        bySize.push({
          workers: n,
          start_ms: first.implementations[impl].coldDetailMs?.poolStart ?? null,
          // The first run has the pool alone (nothing to verify against): its answer must be the verified one.
          verified: r.verified && first.output === r.output && first.work === r.work,
          pool_ms: r.implementations[impl].medianMs,
          pool_ci95_ms: r.implementations[impl].ci95Ms,
          messaging_ms: r.implementations[impl].messagingMs ?? null,
          single_ms: r.implementations[kind].medianMs,
          speedup_vs_single: ratio?.value ?? null,
          speedup_vs_single_ci95: ratio?.ci95 ?? null,
          ratio,
          flags: r.flags,
        });
      } finally {
        await page.close();
      }
    }
    out[kind] = bySize;
  }
  ctx.log(`native CPython multiprocessing.Pool: ${w.id} at ${sizes.join(', ')} workers`);
  const args = ['--pool', sizes.join(','), '--min-calls', String(ctx.S.cpythonPoolCalls)];
  out.native_cpython = cpython(ctx.repo, args, [{ workload: w.id, params }]).results[0];
  return out;
}

function derive(raw) {
  const out = {};
  for (const kind of KINDS) {
    const bySize = raw[kind];
    const one = bySize.find((x) => x.workers === 1);
    const top = bySize[bySize.length - 1];
    out[kind] = {
      workload: raw.workload,
      params: raw.params,
      workers: top.workers,
      steady_speedup: one.pool_ms / top.pool_ms,
      // The same, with drift between the two pages cancelled by each page's single worker.
      steady_speedup_drift_corrected: one.pool_ms / one.single_ms / (top.pool_ms / top.single_ms),
      start_ms: top.start_ms,
      // One call including the pool's start: what a first Run costs.
      first_call_speedup: (one.start_ms + one.pool_ms) / (top.start_ms + top.pool_ms),
      amdahl_p: fitAmdahl(bySize.map((x) => ({ n: x.workers, speedup: bySize[0].pool_ms / x.pool_ms })))?.p ?? null,
      by_workers: bySize,
    };
  }
  const nat = raw.native_cpython;
  if (nat) {
    const one = nat.by_workers.find((x) => x.workers === 1);
    const top = nat.by_workers[nat.by_workers.length - 1];
    out.python.native_cpython = { ...nat, workers: top.workers, steady_speedup: one.median_ms / top.median_ms };
  }
  return out;
}

function targets(pools) {
  return [row('python_pool_2', `python-pool steady-state speedup, ${pools.python?.workers ?? 2} workers, ${POOL_WORKLOAD}`, pools.python?.steady_speedup)];
}

function explain(_r, report) {
  const p = report.pools.python;
  const nat = p.native_cpython;
  const one = p.by_workers.find((r) => r.workers === 1);
  const texts = [
    `1 worker ${ms(one?.pool_ms)} against ${p.workers} workers ${ms(p.by_workers.at(-1).pool_ms)} per call` +
      (nat ? `; native CPython's multiprocessing.Pool on the same machine in the same run: ${times(nat.steady_speedup)} (${ms(nat.by_workers[0].median_ms)} → ${ms(nat.by_workers.at(-1).median_ms)})` : '') +
      `. A pool of 1 costs ${times(one ? one.pool_ms / one.single_ms : null)} the single worker's time (messages and result handling).`,
  ];
  if (nat && reaches(nat.steady_speedup, 'python_pool_2') === false) {
    texts.push(`Native processes do not reach the target either, so the limit is the machine (${report.environment.cores} shared cores; ${report.environment.load_words}), not the pool.`);
  } else if (nat) {
    texts.push(`Native processes do reach it, so the pool in the page loses ${times(nat.steady_speedup / p.steady_speedup)} against them.`);
  }
  return texts.join(' ');
}

function render(pools) {
  const rows = [];
  for (const kind of KINDS) {
    const p = pools[kind];
    for (const r of p.by_workers) {
      rows.push([
        `${kind}-pool`,
        r.workers,
        ms(r.start_ms),
        ms(r.pool_ms),
        ms(r.messaging_ms),
        ms(r.single_ms),
        ratioText(r.ratio),
        ratioFlags(r.ratio),
        r.workers === p.workers ? `**${times(p.steady_speedup)}** (drift-corrected ${times(p.steady_speedup_drift_corrected)})` : '',
        r.workers === p.workers ? times(p.first_call_speedup) : '',
        yes(r.verified),
      ]);
    }
  }
  const nat = pools.python.native_cpython;
  return [
    'Each pool size starts in a fresh page (Pyodide\'s files already in the HTTP cache), alone, so its start is a fresh pool\'s; it is then measured ' +
      'interleaved with its language\'s single worker. Steady speedup = median(1 worker) / median(N workers); "with start-up" is one call ' +
      'including the pool\'s start: (start₁ + t₁) / (start_N + t_N). A pool\'s time stops before any merging or hashing of results; "of which messaging" is ' +
      'its time less the slowest worker\'s own kernel time (posting the shards out and the results back: the pool\'s own cost per call).',
    table(
      ['pool', 'workers', 'pool start', 'pool, per call', 'of which messaging', 'single worker, per call (same run)', 'single / pool (95% CI)', 'flags', 'steady speedup', 'with start-up', 'verified'],
      rows,
    ),
    nat
      ? 'The same shards on native CPython\'s multiprocessing.Pool (bench/cpython.py --pool, started pools, steady state): ' +
        `${nat.by_workers.map((r) => `${r.workers} worker(s) ${ms(r.median_ms)}`).join(', ')}: speedup **${times(nat.steady_speedup)}**, the limit on this machine.`
      : null,
  ];
}

export default { name: 'pools', title: `Worker pools: ${POOL_WORKLOAD}`, measure, derive, targets, explain, render };
