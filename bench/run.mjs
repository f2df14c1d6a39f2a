#!/usr/bin/env node
// `make bench`: measure every number the site claims, in one run on one machine, against the
// physical limits, and write bench/report.json and bench/report.md.
//
// The report is a list of sections (bench/sections/<name>.mjs), each { measure, derive, render }:
// `measure` returns raw figures, `derive` computes everything else from them, `render` writes
// Markdown. report.json keeps the raw figures, so `--render` rebuilds both files from them.
//
// Usage: node bench/run.mjs [--quick] [--only s1,s2] [--out DIR] [--no-cargo] [--render]
//   --quick     few samples, for developing the driver (writes bench/tmp/ unless --out)
//   --only      some sections (writes bench/tmp/ unless --out); the environment is always measured
//   --no-cargo  reuse criterion's last estimates in target/criterion instead of running cargo bench
//   --render    measure nothing: rewrite report.json and report.md in --out (default bench/) from
//               the raw figures in its report.json and the current bench/flags.json
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { settings } from './config.mjs';
import { launch, openPage } from './lib/browser.mjs';
import { criterion } from './lib/native.mjs';
import { buildReport, renderMarkdown, reportJson } from './lib/report.mjs';
import { serveDist } from './lib/serve.mjs';
import buildFlags, { readFlags } from './sections/build-flags.mjs';
import caps from './sections/caps.mjs';
import engines from './sections/engines.mjs';
import environment from './sections/environment.mjs';
import kernels from './sections/kernels.mjs';
import pools from './sections/pools.mjs';
import reliability from './sections/reliability.mjs';
import reproducibility from './sections/reproducibility.mjs';
import sizes from './sections/sizes.mjs';
import startup from './sections/startup.mjs';
import strategies from './sections/strategies.mjs';
import threads from './sections/threads.mjs';

/** In the report's order. Sections measuring in the shared warm page go first (`page: 'shared'`). */
const SECTIONS = [kernels, reproducibility, strategies, threads, pools, startup, sizes, caps, reliability, buildFlags, engines, environment];
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
    'no-cargo': { type: 'boolean', default: false },
    render: { type: 'boolean', default: false },
  },
});
const measured = SECTIONS.filter((s) => s.measure);
const only = new Set(opts.only ? [...opts.only.split(','), 'environment'] : measured.map((s) => s.name));
for (const s of only) if (!measured.some((x) => x.name === s)) throw new Error(`unknown section ${s}; known: ${measured.map((x) => x.name).join(', ')}`);
const OUT = resolve(REPO, opts.out ?? (opts.quick || opts.only ? 'bench/tmp' : 'bench'));

const started = Date.now();
function log(msg) {
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${msg}\n`);
}

/**
 * The criterion benchmarks the chosen sections read: a section's `criterion` regex, or all of
 * them (null) when any chosen section reading criterion has none (`kernels` reads every kernel).
 */
function criterionFilter() {
  const readers = measured.filter((s) => only.has(s.name) && 'criterion' in s);
  if (!readers.length || readers.some((s) => !s.criterion)) return null;
  return readers.map((s) => `(?:${s.criterion})`).join('|');
}

const loadAverage = () => loadavg().map((x) => Number(x.toFixed(2)));

/** Both files from the raw figures (normalised through JSON, exactly as --render reads them). */
function write(raw) {
  const norm = JSON.parse(JSON.stringify({ ...raw, build_flags: readFlags(REPO) }));
  const report = buildReport(SECTIONS, norm);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'report.json'), reportJson(report));
  writeFileSync(join(OUT, 'report.md'), renderMarkdown(SECTIONS, report));
  log(`wrote ${join(OUT, 'report.json')} and report.md`);
  for (const r of report.target_rows) {
    const v = r.value === null ? 'n/a' : Number(r.value.toFixed(3));
    log(`  ${r.met === null ? '  -  ' : r.met ? ' met ' : 'MISSED'} ${r.figure}: ${v} (${r.kind === 'max' ? '<=' : '>='} ${r.bound})`);
  }
}

async function measureAll() {
  const loadBefore = loadAverage();
  log(`load average before: ${loadBefore.join(' ')}; sections: ${[...only].join(',')}${opts.quick ? ' (quick)' : ''}`);
  const dist = join(REPO, 'web/dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('web/dist is missing: run make build (make bench does)');
  const S = settings(opts.quick);
  const server = await serveDist({ repo: REPO });
  const browser = await launch();
  const context = await browser.newContext();
  let shared = await openPage(context, server.url, log);
  const workloads = await shared.evaluate(() => window.twinbench.workloads());
  let read = null;
  const ctx = {
    repo: REPO,
    dist,
    S,
    log,
    server,
    browser,
    context,
    workloads,
    byId: Object.fromEntries(workloads.map((w) => [w.id, w])),
    defaults: (w) => Object.fromEntries(w.params.map((p) => [p.name, p.default])),
    hc: await shared.evaluate(() => navigator.hardwareConcurrency),
    threadsOn: (await shared.evaluate(() => window.twinbench.environment())).threads,
    cores: cpus().length,
    page: async () => shared ?? (shared = await openPage(context, server.url, log)),
    criterion: () => (read ??= criterion(REPO, S.criterion, { reuse: opts['no-cargo'], log, filter: criterionFilter() })),
    // criterion now, on the benchmarks `filter` names: for a native figure taken beside a browser one.
    criterionNow: (filter) => criterion(REPO, S.criterion, { reuse: opts['no-cargo'], log, filter }),
  };
  const raw = {};
  try {
    const order = [...measured.filter((s) => s.page === 'shared'), ...measured.filter((s) => s.page !== 'shared')];
    for (const s of order.filter((x) => only.has(x.name))) {
      if (s.page !== 'shared' && shared) {
        await shared.close(); // idle workers of the warm page would share the cores
        shared = null;
      }
      raw[s.name] = await s.measure(ctx);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const meta = { generated: new Date(started).toISOString(), quick: opts.quick, settings: S, load_average_before: loadBefore };
  return { meta: { ...meta, load_average_after: loadAverage(), duration_s: Math.round((Date.now() - started) / 1000) }, ...raw };
}

if (opts.render) write(JSON.parse(readFileSync(join(OUT, 'report.json'), 'utf8')).raw);
else write(await measureAll());
