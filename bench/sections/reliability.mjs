// The soak (issue 13): 200 consecutive runs across every workload and implementation in one
// fresh page, Stop in every fifth, driven by the same code as tests/e2e/soak.spec.ts
// (web/src/bench/soak.ts). Live workers and the main thread's JS heap (after a forced GC)
// after the first ten runs and at the end; the last run must be verified.
import { openPage } from '../lib/browser.mjs';
import { table } from '../lib/md.mjs';
import { runnerImport } from 'vite';

const RUNS = 200;
/** The heap may grow this much over the soak (RELIABILITY: within 20%). */
const HEAP_GROWTH_MAX = 1.2;

async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  return page.evaluate(() => performance.memory.usedJSHeapSize);
}

async function measure(ctx) {
  const { module: soak } = await runnerImport(new URL('../../web/src/bench/soak.ts', import.meta.url).pathname, { configFile: false, logLevel: 'silent' });
  const page = await openPage(ctx.context, ctx.server.url, ctx.log);
  try {
    const t0 = Date.now();
    ctx.log('reliability: soak, runs 0-9');
    const first = await page.evaluate(soak.soakRuns, { from: 0, to: 10 });
    // The workers the page keeps: every slot the first ten runs (every implementation set) started.
    const workers10 = first.maxWorkers;
    const heap10 = await heapAfterGc(page);
    ctx.log(`reliability: soak, runs 10-${RUNS - 1}`);
    const rest = await page.evaluate(soak.soakRuns, { from: 10, to: RUNS });
    const last = await page.evaluate(soak.soakFinalRun);
    const heapEnd = await heapAfterGc(page);
    return {
      runs: RUNS,
      done: first.done + rest.done,
      stopped: first.stopped + rest.stopped,
      failed: [...first.failed, ...rest.failed],
      workers_after_10: workers10,
      workers_end: last.workers,
      workers_max: Math.max(first.maxWorkers, rest.maxWorkers),
      heap_after_10_bytes: heap10,
      heap_end_bytes: heapEnd,
      last_verified: last.verified,
      wall_s: (Date.now() - t0) / 1000,
    };
  } finally {
    await page.close();
  }
}

function derive(raw) {
  const growth = raw.heap_end_bytes / raw.heap_after_10_bytes;
  return {
    ...raw,
    heap_growth: growth,
    workers_bounded: raw.workers_end <= raw.workers_after_10 && raw.workers_max <= raw.workers_after_10,
    heap_bounded: growth <= HEAP_GROWTH_MAX,
    passed: raw.failed.length === 0 && raw.last_verified && raw.workers_end <= raw.workers_after_10 && raw.workers_max <= raw.workers_after_10 && growth <= HEAP_GROWTH_MAX,
  };
}

function findings(report) {
  const r = report.reliability;
  const out = [];
  if (r.failed.length) out.push(`The soak had ${r.failed.length} failed run(s), e.g. ${r.failed[0]}.`);
  if (!r.workers_bounded) out.push(`The soak ended with ${r.workers_end} live workers, more than the ${r.workers_after_10} after ten runs.`);
  if (!r.heap_bounded) out.push(`The main thread's heap grew ${r.heap_growth.toFixed(2)}x over the soak (at most ${HEAP_GROWTH_MAX}x).`);
  if (!r.last_verified) out.push('The soak\'s last run was not verified.');
  return out;
}

function render(r) {
  const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
  return [
    `${r.runs} consecutive runs in one page, cycling through every workload and implementation set at a quarter of the defaults, ` +
      `Stop in every fifth (${r.wall_s.toFixed(0)} s in all). Heap sizes are after a forced garbage collection.`,
    table(
      ['figure', 'after 10 runs', 'at the end', 'bound', ''],
      [
        ['live workers', String(r.workers_after_10), String(r.workers_end), `<= ${r.workers_after_10} (max seen ${r.workers_max})`, r.workers_bounded ? 'met' : '**missed**'],
        ['main-thread JS heap', mb(r.heap_after_10_bytes), mb(r.heap_end_bytes), `<= ${HEAP_GROWTH_MAX}x (${r.heap_growth.toFixed(2)}x)`, r.heap_bounded ? 'met' : '**missed**'],
        ['runs ended', '', `${r.done} done, ${r.stopped} stopped, ${r.failed.length} failed`, '0 failed', r.failed.length === 0 ? 'met' : '**missed**'],
        ['last run verified', '', r.last_verified ? 'yes' : 'no', 'yes', r.last_verified ? 'met' : '**missed**'],
      ],
    ),
  ];
}

export default { name: 'reliability', title: 'Reliability: a 200-run soak', measure, derive, findings, render };
