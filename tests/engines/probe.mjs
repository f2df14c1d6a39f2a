// What each engine gives the page, with and without cross-origin isolation: the evidence behind
// docs/engines.md and the capability ladder. Prints a table and writes
// test-results/engines/probe.json.
//   node tests/engines/probe.mjs [firefox webkit webkit-sab chromium]
import { mkdirSync, writeFileSync } from 'node:fs';
import { forEachEngine } from './lib/each-engine.mjs';
import { probeInPage } from './lib/probe-page.mjs';
import { ROOT, URLS } from './lib/site.mjs';

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : ['firefox', 'webkit', 'webkit-sab', 'chromium'];
const results = {};
await forEachEngine(wanted, async (id, b, session) => {
  results[id] = { version: b.capabilities.browserVersion, browserName: b.capabilities.browserName };
  for (const [where, url] of Object.entries(URLS)) {
    // chromedriver cannot block service workers: the site's coi-serviceworker would reload
    // the no-COI page isolated (Playwright's no-COI specs cover Chromium).
    if (where === 'noCoi' && session.variant.engine === 'chromium') continue;
    console.error(`probe: ${id} ${where}`);
    await b.url(url);
    await b.waitUntil(() => b.execute(() => typeof window.twinbench?.run === 'function'), { timeout: 60_000 });
    const probe = await b.execute(probeInPage);
    const env = await b.execute(() => window.twinbench.environment());
    results[id][where] = { probe, environment: env };
  }
});
mkdirSync(`${ROOT}test-results/engines`, { recursive: true });
writeFileSync(`${ROOT}test-results/engines/probe.json`, `${JSON.stringify(results, null, 2)}\n`);
const fmt = (t) => (t ? `min ${t.minMs?.toFixed(4)} / med ${t.medianMs?.toFixed(4)} ms (${t.steps} steps)` : '-');
for (const [id, r] of Object.entries(results)) {
  console.log(`\n${id}: ${r.browserName} ${r.version}`);
  for (const where of ['coi', 'noCoi']) {
    if (!r[where]) continue;
    const { probe: p, environment: e } = r[where];
    console.log(`  ${where}: isolated=${p.page.crossOriginIsolated} SAB=${p.page.sharedArrayBuffer} sharedMem=${p.page.sharedWasmMemory} atomics=${p.page.wasmAtomics} postSAB=${p.postShared} wasmMemToWorker=${p.sharedAcrossWorkers} hc=${p.page.hardwareConcurrency}`);
    console.log(`     worker: isolated=${p.worker.crossOriginIsolated} SAB=${p.worker.sharedArrayBuffer} sharedMem=${p.worker.sharedWasmMemory} atomics=${p.worker.wasmAtomics} wait=${p.worker.atomicsWait} hc=${p.worker.hardwareConcurrency}`);
    console.log(`     tick page ${fmt(p.page.tick)}; worker ${fmt(p.worker.tick)}`);
    console.log(`     site: threads=${e.threads} interrupt=${e.pythonInterrupt} tick=${e.timerTickMs} notice=${JSON.stringify(e.notice)}`);
  }
}
