// Tier-up in this Chromium: per-call times of a kernel over the first seconds of a fresh
// worker (a new browser context each time), through the page API, with the engine's own
// minimum warm-up turned off. The evidence behind WARMUP_MIN_MS
// (web/src/engine/implementations.ts; ARCHITECTURE.md, "Warm-up").
//
// Usage (hold the timing lock; other work on the machine spoils the numbers):
//   flock /work/plan/timing.lock node scripts/measure-tierup.mjs [--root web/dist] [--reps 3] [--out file.json]
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: opts } = parseArgs({
  options: {
    root: { type: 'string', default: 'web/dist' },
    port: { type: 'string', default: '4190' },
    reps: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '4' },
    out: { type: 'string' },
    cases: { type: 'string' },
  },
});

const DEFAULT_CASES = [
  { workload: 'fib', impl: 'rust', params: { n: 25 } },
  { workload: 'fib', impl: 'python', params: { n: 18 } },
  { workload: 'nbody', impl: 'rust', params: { n: 20000 } },
  { workload: 'nbody', impl: 'python', params: { n: 1000 } },
];
// --cases '[{"workload":"fib","impl":"rust","params":{"n":20}}]' measures others.
const CASES = opts.cases ? JSON.parse(opts.cases) : DEFAULT_CASES;

const log = (m) => process.stderr.write(`[tierup] ${m}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Per-call times on a time axis: warm-up first (spread over its wall time), then the samples back to back. */
function timeline(x) {
  const points = [];
  const w = x.warmupMs ?? [];
  w.forEach((perCall, i) => points.push({ t: ((i + 1) / Math.max(1, w.length)) * (x.warmupWallMs ?? 0), perCall }));
  let t = x.warmupWallMs ?? 0;
  for (const perCall of x.samplesMs) {
    t += perCall * x.batch;
    points.push({ t, perCall });
  }
  return points;
}

/** The steady per-call time (median of the last quarter), and when the run last left ±5% of it for a whole 250 ms bin. */
function settle(points) {
  const steady = median(points.slice(Math.floor(points.length * 0.75)).map((p) => p.perCall));
  const bins = new Map();
  for (const p of points) {
    const k = Math.floor(p.t / 250);
    bins.set(k, [...(bins.get(k) ?? []), p.perCall]);
  }
  const profile = [...bins].sort((a, b) => a[0] - b[0]).map(([k, xs]) => ({ fromMs: k * 250, overSteady: median(xs) / steady }));
  const late = profile.filter((b) => Math.abs(b.overSteady - 1) > 0.05).pop();
  return { steady, settledByMs: late ? late.fromMs + 250 : 0, profile };
}

const launchOptions = JSON.parse(readFileSync(new URL('../tests/chromium.json', import.meta.url), 'utf8'));

/** Run `reqs` one after the other in a fresh page (fresh workers); the last one's result. */
async function run(context, url, reqs) {
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => typeof window.twinbench?.run === 'function');
  let last = null;
  for (const req of reqs) {
    last = await page.evaluate(async (r) => {
      const { bytes: _bytes, ...rest } = await window.twinbench.run(r);
      return rest;
    }, req);
  }
  return last;
}

const server = spawn('node', ['scripts/serve-dist.mjs', '--root', opts.root, '--port', opts.port, '--coi', 'on'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: launchOptions.executablePath, args: launchOptions.args });
const results = [];
try {
  for (const c of CASES) {
    for (let rep = 0; rep < Number(opts.reps); rep++) {
      const context = await browser.newContext();
      const req = (x) => ({
        workload: x.workload,
        params: x.params,
        implementations: [x.impl],
        maxSamples: 500,
        timeBudgetMs: Number(opts.seconds) * 1000,
        minWarmupMs: 0,
      });
      // `after`: another kernel first, in the same worker (is a warm worker warm for a new kernel?).
      const r = await run(context, `http://127.0.0.1:${opts.port}/`, [...(c.after ? [req({ ...c.after, impl: c.impl })] : []), req(c)]);
      const x = r.implementations[c.impl];
      const s = settle(timeline(x));
      log(`${c.workload} ${c.impl}${c.after ? ` after ${c.after.workload}` : ''} #${rep + 1}: steady ${s.steady.toFixed(4)} ms/call, settled by ${s.settledByMs} ms; first bins ${s.profile.slice(0, 8).map((b) => b.overSteady.toFixed(2)).join(' ')}`);
      results.push({ ...c, rep, batch: x.batch, warmupWallMs: x.warmupWallMs ?? null, warmupMs: x.warmupMs, samplesMs: x.samplesMs, ...s });
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
if (opts.out) writeFileSync(opts.out, `${JSON.stringify(results, null, 1)}\n`);
