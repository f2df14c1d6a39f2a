// Helpers the cross-engine specs use to drive the page through WebDriver: wait for the page
// API, run and cancel through window.twinbench, and (for the UI flows) click and wait for a
// data-state. Everything crosses WebDriver as JSON: results drop their raw bytes.
import { Key } from 'webdriverio';

/** Wait until window.twinbench is installed (the site's modules ran). */
export async function waitForApi(browser, timeout = 60_000) {
  await browser.waitUntil(() => browser.execute(() => typeof window.twinbench?.run === 'function'), {
    timeout,
    interval: 100,
    timeoutMsg: `window.twinbench did not appear within ${timeout} ms`,
  });
}

/** Navigate and wait for the page API. */
export async function openPage(browser, url) {
  await browser.url(url);
  await waitForApi(browser);
}

/**
 * window.twinbench.run(req) in the page; resolves to the JSON-safe result, or throws an Error
 * carrying the page's rejection message.
 */
export async function apiRun(browser, req) {
  const r = await browser.execute(async (q) => {
    try {
      const { bytes: _bytes, ...rest } = await window.twinbench.run(q);
      return { ok: true, result: JSON.parse(JSON.stringify(rest)) };
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  }, req);
  if (!r.ok) throw new Error(`twinbench.run(${JSON.stringify(req)}) rejected: ${r.message}`);
  return r.result;
}

/** The message run(req) rejects with (throws if it resolves). */
export async function apiRunError(browser, req) {
  const r = await browser.execute(async (q) => {
    try {
      await window.twinbench.run(q);
      return { ok: true };
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  }, req);
  if (r.ok) throw new Error(`twinbench.run(${JSON.stringify(req)}) resolved, but an error was expected`);
  return r.message;
}

export async function environment(browser) {
  return browser.execute(() => window.twinbench.environment().then((e) => JSON.parse(JSON.stringify(e))));
}

/**
 * Start Python spinning in `while True: pass`, let it spin for `spinMs`, then cancel().
 * Returns how the run ended, what cancel() reported, and how long the stop took (page clock).
 */
export async function stopARunawayLoop(browser, spinMs) {
  return browser.execute(async (spin) => {
    const outcome = window.twinbench
      .run({ workload: 'fib', implementations: ['python'], pythonSource: 'def fib(n):\n    while True:\n        pass\n' })
      .then(
        () => 'resolved',
        (e) => (e instanceof Error ? e.message : String(e)),
      );
    await new Promise((r) => setTimeout(r, spin));
    const t0 = performance.now();
    const report = await window.twinbench.cancel();
    const message = await outcome;
    return { message, report: JSON.parse(JSON.stringify(report)), ms: performance.now() - t0 };
  }, spinMs);
}

export async function liveWorkers(browser) {
  return browser.execute(() => window.twinbench.debug.liveWorkers());
}

/** For the UI flows: click an element (CSS selector). */
export async function click(browser, selector) {
  const el = await browser.$(selector);
  await el.waitForClickable({ timeout: 30_000 });
  await el.click();
}

/**
 * For the UI flows: wait until the element's data-state attribute is one of `states`
 * (default 'done'); returns the state reached. Fails with the state it was stuck in.
 */
export async function waitForState(browser, selector, states = ['done'], timeout = 120_000) {
  let last = null;
  await browser.waitUntil(
    async () => {
      last = await browser.execute((s) => document.querySelector(s)?.getAttribute('data-state') ?? null, selector);
      return states.includes(last);
    },
    { timeout, interval: 200, timeoutMsg: `${selector} stayed data-state=${last} (wanted ${states.join(' or ')})` },
  );
  return last;
}

/** Click `selector` and wait for `stateSelector` to reach data-state="done" (or an error state). */
export async function clickAndWaitDone(browser, selector, stateSelector, { states = ['done'], timeout } = {}) {
  await click(browser, selector);
  return waitForState(browser, stateSelector, states, timeout);
}

/** The text of a CodeMirror editor under `panel` (it lives in an open shadow root). */
export async function editorText(browser, panel) {
  return browser.execute((p) => document.querySelector(`${p} .cm-host`)?.shadowRoot?.querySelector('.cm-content')?.innerText ?? null, panel);
}

/**
 * Replace the code in the CodeMirror editor under `panel` as a visitor does: click into it,
 * select all, type `lines` with Enter between them (the editor indents after a colon itself).
 */
export async function typeCode(browser, panel, lines) {
  const host = await browser.$(`${panel} .cm-host`);
  await host.waitForExist({ timeout: 30_000 });
  const content = await host.shadow$('.cm-content');
  await content.click();
  await browser.keys([Key.Ctrl, 'a']);
  await browser.keys(Key.Backspace);
  for (const [i, line] of lines.entries()) {
    if (i) await browser.keys(Key.Enter);
    await browser.keys(line);
  }
}

/** Paths of the page's own requests (resource timing) that contain `part`. */
export async function requested(browser, part) {
  return browser.execute((p) => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((n) => n.includes(p)), part);
}

/** Every resource the page fetched that failed with an HTTP status (where the engine reports one). */
export async function failedResources(browser) {
  return browser.execute(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => typeof e.responseStatus === 'number' && e.responseStatus >= 400)
      .map((e) => `${e.name} ${e.responseStatus}`),
  );
}
