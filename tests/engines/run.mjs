// The cross-engine suite: the built site in Firefox ESR (geckodriver, headless) and WebKitGTK
// (WebKitWebDriver under Xvfb), the latter twice: with default settings (no SharedArrayBuffer,
// threads off) and with JSC_useSharedArrayBuffer=1 (as Safari, threads on). Chromium is covered
// by the Playwright suite (tests/e2e).
//
//   node tests/engines/run.mjs                    every spec in every engine variant
//   node tests/engines/run.mjs --engines firefox  one variant (firefox, webkit, webkit-sab)
//   node tests/engines/run.mjs --grep stop        specs whose title matches
//
// Specs live in tests/engines/specs/<flow>.spec.mjs, one file per flow (see specs/README.md).
// One browser session per variant is shared by its specs (each spec navigates afresh); a spec
// with `session: 'service-workers'` gets its own. Every spec also fails on a page error or an
// unexpected console error. Results: test-results/engines/results.json, screenshots beside it.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SUITE_VARIANTS, VARIANTS, closeSession, openSession, startXvfb } from './lib/engines.mjs';
import { Processes } from './lib/processes.mjs';
import { ROOT, URLS, startSite } from './lib/site.mjs';
import { makeContext } from './lib/context.mjs';

const { values: args } = parseArgs({
  options: {
    engines: { type: 'string', default: process.env.ENGINES ?? SUITE_VARIANTS.join(',') },
    grep: { type: 'string', default: process.env.ENGINES_GREP ?? '' },
  },
});
const variantIds = args.engines.split(',').map((s) => s.trim()).filter(Boolean);
for (const id of variantIds) {
  if (!VARIANTS[id] || !SUITE_VARIANTS.includes(id)) {
    // chromedriver cannot block service workers (the no-COI specs need that): Chromium's e2e
    // suite is Playwright's (tests/e2e); the chromium variant serves the benchmark.
    throw new Error(`engine variant '${id}' is not part of this suite; use ${SUITE_VARIANTS.join(', ')} (Chromium: npx playwright test)`);
  }
}
const grep = args.grep ? new RegExp(args.grep, 'i') : null;

export const OUT = `${ROOT}test-results/engines`;
const SPEC_DIR = new URL('./specs/', import.meta.url);

async function loadSpecs() {
  const files = readdirSync(SPEC_DIR).filter((f) => f.endsWith('.spec.mjs')).sort();
  const specs = [];
  for (const file of files) {
    const mod = await import(new URL(file, SPEC_DIR).href);
    for (const s of mod.default) specs.push({ ...s, file, title: `${file.replace('.spec.mjs', '')} › ${s.name}` });
  }
  return specs.filter((s) => !grep || grep.test(s.title));
}

const color = process.stdout.isTTY ? (c, s) => `\x1b[${c}m${s}\x1b[0m` : (_c, s) => s;
const t0 = Date.now();
const results = [];
const procs = new Processes();
let exitCode = 0;

async function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function runSpec(session, spec) {
  const started = Date.now();
  const ctx = await makeContext(session, spec, { urls: URLS, out: OUT });
  let error = null;
  try {
    await withTimeout(spec.run(ctx), spec.timeoutMs ?? 120_000, 'the spec');
    const problems = await ctx.collectErrors();
    if (problems.length) error = new Error(`page errors or unexpected console errors:\n  ${problems.join('\n  ')}`);
  } catch (e) {
    error = e;
    await ctx.screenshot('failure').catch(() => {});
  } finally {
    ctx.dispose();
  }
  return { error, ms: Date.now() - started, notes: ctx.notes };
}

try {
  // This suite's own outputs only (probe.json, bench.json and the investigations' files stay).
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) if (f.endsWith('.png') || f === 'results.json') rmSync(`${OUT}/${f}`);
  const specs = await loadSpecs();
  if (!specs.length) throw new Error(`no spec matches ${grep}`);
  await startSite(procs);
  const display = variantIds.some((v) => VARIANTS[v].engine === 'webkit') ? (await startXvfb(procs)).display : undefined;
  for (const id of variantIds) {
    const v = VARIANTS[id];
    console.log(color('1', `\n${id}: ${v.label}`));
    const mine = specs.filter((s) => !s.skip?.({ id, ...v }));
    const groups = [
      ['default', mine.filter((s) => !s.session)],
      ['service-workers', mine.filter((s) => s.session === 'service-workers')],
    ];
    for (const [kind, group] of groups) {
      if (!group.length) continue;
      let session = null;
      for (const spec of group) {
        let outcome;
        try {
          session ??= await openSession(procs, id, { display, serviceWorkers: kind === 'service-workers' });
          outcome = await runSpec(session, spec);
        } catch (e) {
          outcome = { error: e, ms: 0, notes: [] };
        }
        // A dead session (browser crash, driver gone) is replaced for the next spec.
        if (outcome.error && session) {
          const alive = await session.browser.getTitle().then(() => true, () => false);
          if (!alive) {
            await closeSession(procs, session);
            session = null;
          }
        }
        const r = { engine: id, engineLabel: v.label, spec: spec.title, ok: !outcome.error, ms: outcome.ms, notes: outcome.notes };
        if (outcome.error) {
          r.error = outcome.error.stack ?? String(outcome.error);
          exitCode = 1;
          console.log(color('31', `  ✗ [${id}] ${spec.title} (${(outcome.ms / 1000).toFixed(1)} s)`));
          console.log(`      ${String(outcome.error.message ?? outcome.error).split('\n').join('\n      ')}`);
        } else {
          console.log(color('32', `  ✓ [${id}] ${spec.title}`) + ` (${(outcome.ms / 1000).toFixed(1)} s)`);
        }
        for (const n of outcome.notes) console.log(`      ${n}`);
        results.push(r);
      }
      if (session) await closeSession(procs, session);
    }
  }
} catch (e) {
  exitCode = 1;
  console.error(color('31', `\nengines suite could not run: ${e.stack ?? e}`));
} finally {
  await procs.stopAll();
  procs.dispose();
}

const failed = results.filter((r) => !r.ok);
mkdirSync(OUT, { recursive: true });
writeFileSync(`${OUT}/results.json`, `${JSON.stringify({ seconds: (Date.now() - t0) / 1000, results }, null, 2)}\n`);
console.log(`\nengines: ${results.length - failed.length} passed, ${failed.length} failed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
for (const f of failed) console.log(color('31', `  FAILED in ${f.engineLabel}: ${f.spec}`));
process.exit(exitCode);
