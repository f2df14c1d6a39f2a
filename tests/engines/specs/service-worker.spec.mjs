// A host that cannot send COOP/COEP (GitHub Pages): the site's coi-serviceworker makes the page
// cross-origin isolated with at most one reload, in each engine. In WebKitGTK by default the
// page is then isolated but still has no SharedArrayBuffer, and says so.
import assert from 'node:assert/strict';
import { expectedCapabilities } from '../lib/expect.mjs';

export default [
  {
    name: 'coi-serviceworker isolates a header-less host with at most one reload',
    session: 'service-workers', // its own browser session, with service workers on
    run: async (t) => {
      const want = expectedCapabilities(t.variant, true);
      await t.open(t.urls.noCoi, { waitForApi: false });
      await t.browser.waitUntil(() => t.browser.execute(() => window.crossOriginIsolated === true), {
        timeout: 30_000,
        interval: 200,
        timeoutMsg: 'the page did not become cross-origin isolated within 30 s',
      });
      await t.waitForApi();
      // A reload loop would wipe this mark.
      await t.browser.execute(() => {
        window.__enginesMark = true;
      });
      await t.browser.pause(1500);
      const nav = await t.browser.execute(() => ({
        sameDocument: window.__enginesMark === true,
        isolated: window.crossOriginIsolated,
        controlled: !!navigator.serviceWorker?.controller,
        reloaded: sessionStorage.getItem('twinbench-coi-reloaded'),
      }));
      t.note(`isolated ${nav.isolated}, controlled ${nav.controlled}, reload marker ${nav.reloaded}`);
      assert.equal(nav.sameDocument, true, 'no further reload');
      assert.equal(nav.reloaded, '1', 'exactly one reload, remembered for the tab');
      assert.equal(nav.isolated, true);
      assert.equal(nav.controlled, true, 'the service worker controls the page');
      const env = await t.environment();
      assert.equal(env.threads, want.threads, 'threads as on a host with headers');
      if (want.notice) assert.match(env.notice ?? '', want.notice);
      const r = await t.run({ workload: 'fib', params: { n: 15 }, implementations: ['rust'], maxSamples: 3, timeBudgetMs: 100 });
      assert.equal(r.output, '610');
    },
  },
];
