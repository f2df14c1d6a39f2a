// What a spec gets: the browser, its engine variant, the site's URLs, page helpers bound to the
// browser, screenshots, notes for the report, and error collection. Errors come from WebDriver
// BiDi's log where the driver speaks it (Firefox: page and worker errors, console.error) and
// from a collector installed in the page after each navigation otherwise (WebKitWebDriver has
// no BiDi and no log endpoint).
import { mkdirSync } from 'node:fs';
import * as page from './page.mjs';

/** Runs in the page: remember page errors, unhandled rejections and console.error calls. */
function installCollector() {
  if (window.__enginesErrors) return;
  const errs = [];
  window.__enginesErrors = errs;
  const text = (v) => (v instanceof Error ? `${v.name}: ${v.message}` : String(v));
  window.addEventListener('error', (e) => errs.push(`page error: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) => errs.push(`unhandled rejection: ${text(e.reason)}`));
  const original = console.error;
  console.error = (...a) => {
    errs.push(`console error: ${a.map(text).join(' ')}`);
    original.apply(console, a);
  };
}

export async function makeContext(session, spec, { urls, out }) {
  const { browser, variant } = session;
  const allow = [...(spec.allowConsoleErrors ?? [])];
  const bidiErrors = [];
  const notes = [];
  let listener = null;
  if (browser.isBidi) {
    listener = (e) => {
      if (e.level === 'error') bidiErrors.push(`${e.type === 'javascript' ? 'page error' : 'console error'}: ${e.text}`);
    };
    if (!session.subscribed) {
      await browser.sessionSubscribe({ events: ['log.entryAdded'] });
      session.subscribed = true;
    }
    browser.on('log.entryAdded', listener);
  }
  // Errors found in pages this spec has left (each navigation loses the page's own list).
  const carried = [];

  async function pageErrors() {
    if (browser.isBidi) return [];
    return browser.execute(() => window.__enginesErrors?.splice(0) ?? []).catch(() => []);
  }

  const ctx = {
    browser,
    variant,
    engine: variant.engine,
    urls,
    notes,
    /**
     * Navigate to `url` (default: the isolated site) and wait for the page API. `fresh`: with
     * nothing kept from earlier specs (the pages keep parameters and edited code in localStorage).
     */
    async open(url = urls.coi, { waitForApi = true, fresh = false } = {}) {
      carried.push(...(await pageErrors()));
      if (fresh) {
        // The site's smallest page on the same origin; storage is per origin.
        await browser.url(new URL('/method/', url).href);
        await browser.execute(() => localStorage.clear());
      }
      await browser.url(url);
      if (!browser.isBidi) await browser.execute(installCollector);
      if (waitForApi) await page.waitForApi(browser);
    },
    /** A console error this spec expects (a RegExp); anything else fails it. */
    allowConsoleError(re) {
      allow.push(re);
    },
    note(text) {
      notes.push(text);
    },
    async screenshot(name) {
      const file = `${out}/${variant.id}-${spec.file.replace('.spec.mjs', '')}-${name}.png`;
      // Playwright empties test-results/ when it starts: a run of it beside this suite must not fail it.
      mkdirSync(out, { recursive: true });
      await browser.saveScreenshot(file);
      return file;
    },
    async collectErrors() {
      const all = [...carried, ...bidiErrors, ...(await pageErrors())];
      return all.filter((m) => !allow.some((re) => re.test(m)));
    },
    dispose() {
      if (listener) browser.off('log.entryAdded', listener);
    },
    waitForApi: () => page.waitForApi(browser),
    run: (req) => page.apiRun(browser, req),
    runError: (req) => page.apiRunError(browser, req),
    environment: () => page.environment(browser),
    stopARunawayLoop: (spinMs) => page.stopARunawayLoop(browser, spinMs),
    liveWorkers: () => page.liveWorkers(browser),
    click: (selector) => page.click(browser, selector),
    waitForState: (selector, states, timeout) => page.waitForState(browser, selector, states, timeout),
    clickAndWaitDone: (selector, stateSelector, opts) => page.clickAndWaitDone(browser, selector, stateSelector, opts),
    editorText: (panel) => page.editorText(browser, panel),
    typeCode: (panel, lines) => page.typeCode(browser, panel, lines),
    requested: (part) => page.requested(browser, part),
    failedResources: () => page.failedResources(browser),
    /** Text content of the first element matching `selector` (null when there is none). */
    text: (selector) => browser.execute((s) => document.querySelector(s)?.textContent ?? null, selector),
    /** Whether the element exists and is not hidden (the `hidden` attribute or display:none). */
    visible: (selector) =>
      browser.execute((s) => {
        const e = document.querySelector(s);
        return !!e && !e.closest('[hidden]') && getComputedStyle(e).display !== 'none';
      }, selector),
  };
  return ctx;
}
