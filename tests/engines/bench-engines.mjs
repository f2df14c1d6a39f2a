// The benchmark's three-engine section (bench/sections/engines.mjs) on its own, without the
// rest of `make bench`: writes test-results/engines/bench.json (raw and derived, the shape of
// report.json's `engines`) and bench.md.
//   flock /work/plan/timing.lock node tests/engines/bench-engines.mjs [--quick] [--workloads fib,nbody]
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import section from '../../bench/sections/engines.mjs';
import { launch, openPage } from '../../bench/lib/browser.mjs';
import { serveDist } from '../../bench/lib/serve.mjs';
import { ROOT } from './lib/site.mjs';

const { values: opts } = parseArgs({ options: { quick: { type: 'boolean', default: false }, workloads: { type: 'string' } } });
const started = Date.now();
const log = (m) => process.stderr.write(`[engines ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${m}\n`);

const server = await serveDist({ repo: ROOT });
const browser = await launch();
let raw;
try {
  const context = await browser.newContext();
  const page = await openPage(context, server.url, log);
  let workloads = await page.evaluate(() => window.twinbench.workloads().map((w) => JSON.parse(JSON.stringify(w))));
  await context.close();
  if (opts.workloads) {
    const want = new Set(opts.workloads.split(','));
    workloads = workloads.filter((w) => want.has(w.id));
  }
  const ctx = {
    repo: ROOT,
    log,
    server,
    browser,
    workloads,
    defaults: (w) => Object.fromEntries(w.params.map((p) => [p.name, p.default])),
    S: { engines: opts.quick ? { maxSamples: 5, timeBudgetMs: 300 } : { maxSamples: 30, timeBudgetMs: 1500 } },
  };
  raw = await section.measure(ctx);
} finally {
  await browser.close();
  await server.stop();
}
const derived = section.derive(raw);
const report = { engines: derived, raw: { engines: raw } };
const findings = section.findings(report);
mkdirSync(`${ROOT}test-results/engines`, { recursive: true });
writeFileSync(`${ROOT}test-results/engines/bench.json`, `${JSON.stringify({ engines: derived, findings, raw }, null, 2)}\n`);
const md = [`## ${section.title}`, ...section.render(derived, report), '### Findings', ...findings.map((f) => `- ${f}`)].join('\n\n');
writeFileSync(`${ROOT}test-results/engines/bench.md`, `${md}\n`);
console.log(md);
log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
