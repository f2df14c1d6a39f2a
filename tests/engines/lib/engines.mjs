// The browser engines the cross-engine suite and the benchmark drive through WebDriver, and
// how each is started: Debian's Firefox ESR through geckodriver (cargo-installed, never an npm
// download), WebKitGTK's MiniBrowser through WebKitWebDriver under Xvfb (it needs a display
// and refuses --headless), and Debian's Chromium through chromedriver (used by the benchmark;
// the e2e suite covers Chromium with Playwright).
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { remote } from 'webdriverio';
import { freePort, waitForHttp } from './processes.mjs';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const chromiumLaunch = JSON.parse(readFileSync(new URL('../../chromium.json', import.meta.url), 'utf8'));

function findGeckodriver() {
  const cargo = join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin', 'geckodriver');
  return existsSync(cargo) ? cargo : 'geckodriver';
}

/**
 * One way of running an engine. `expect` is what the page should find there: the capability
 * ladder the specs check (threads only where the page is isolated AND shared memory exists).
 */
export const VARIANTS = {
  firefox: {
    engine: 'firefox',
    label: 'Firefox ESR (geckodriver, headless)',
    expect: { sharedArrayBufferWhenIsolated: true, threadsWhenIsolated: true },
  },
  webkit: {
    engine: 'webkit',
    label: 'WebKitGTK MiniBrowser (WebKitWebDriver, Xvfb), default settings',
    expect: { sharedArrayBufferWhenIsolated: false, threadsWhenIsolated: false },
  },
  'webkit-sab': {
    engine: 'webkit',
    label: 'WebKitGTK MiniBrowser with JSC_useSharedArrayBuffer=1 (as Safari under COOP/COEP)',
    // JavaScriptCore's option; WebKitGTK 2.50 does not turn it on for isolated pages (Safari does).
    env: { JSC_useSharedArrayBuffer: '1' },
    expect: { sharedArrayBufferWhenIsolated: true, threadsWhenIsolated: true },
  },
  chromium: {
    engine: 'chromium',
    label: 'Chromium (chromedriver, headless)',
    expect: { sharedArrayBufferWhenIsolated: true, threadsWhenIsolated: true },
  },
};

/** The variants `make test` runs, in order. */
export const SUITE_VARIANTS = ['firefox', 'webkit', 'webkit-sab'];

/** An X display for WebKit, started once and shared by the WebKit variants. */
export async function startXvfb(procs) {
  let resolveDisplay;
  const display = new Promise((r) => {
    resolveDisplay = r;
  });
  // -displayfd: Xvfb picks a free display number and writes it to fd 3 when it is ready.
  const proc = procs.start('Xvfb', 'Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1600x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  proc.child.stdio[3].on('data', (d) => resolveDisplay(`:${d.toString().trim()}`));
  const timeout = new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`Xvfb did not start within 10 s:\n${proc.tail()}`)), 10_000),
  );
  return { proc, display: await Promise.race([display, timeout]) };
}

/**
 * Start the driver for a variant and open a WebDriver session. Returns the WebdriverIO browser,
 * the driver process, and `consoleLines` (WebKit prints the page's console on the driver's
 * output; the specs read errors from there).
 */
export async function openSession(procs, variantId, { display, serviceWorkers = false } = {}) {
  const v = VARIANTS[variantId];
  if (!v) throw new Error(`unknown engine variant ${variantId}`);
  const port = await freePort();
  const consoleLines = [];
  let driver;
  let capabilities;
  if (v.engine === 'firefox') {
    const ws = await freePort();
    driver = procs.start('geckodriver', findGeckodriver(), ['--port', String(port), '--websocket-port', String(ws)], {
      env: v.env,
    });
    capabilities = {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless'],
        // A quiet profile: no update checks, telemetry or first-run pages.
        prefs: {
          'app.update.enabled': false,
          'browser.shell.checkDefaultBrowser': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'toolkit.telemetry.reportingpolicy.firstRun': false,
          'browser.aboutwelcome.enabled': false,
          // As Playwright's no-COI specs do: the site's coi-serviceworker would otherwise
          // reload the page isolated. A spec that wants it opens its own session.
          'dom.serviceWorkers.enabled': serviceWorkers,
        },
      },
      webSocketUrl: true, // WebDriver BiDi: console and page errors come from log.entryAdded
    };
  } else if (v.engine === 'webkit') {
    if (!display) throw new Error('WebKit needs an X display (startXvfb)');
    driver = procs.start('WebKitWebDriver', 'WebKitWebDriver', [`--port=${port}`], {
      // A visitor's language: under LANG=C (this machine, CI) WebKitGTK reports navigator.language
      // "C", not a valid language tag, and uPlot's `new Intl.NumberFormat(navigator.language)`
      // throws at load (the page then says its charts could not be drawn; docs/engines.md).
      env: { DISPLAY: display, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US', ...v.env },
      onLine: (l) => consoleLines.push(l),
    });
    // No browserName (session creation fails with one) and no BiDi (WebKitWebDriver 2.50
    // rejects webSocketUrl). MiniBrowser writes console messages to its stdout.
    capabilities = {
      'webkitgtk:browserOptions': {
        binary: MINIBROWSER,
        args: [
          '--automation',
          '--enable-write-console-messages-to-stdout=true',
          ...(serviceWorkers ? [] : ['--features=-ServiceWorkers']),
        ],
      },
      'wdio:enforceWebDriverClassic': true,
    };
  } else if (v.engine === 'chromium') {
    driver = procs.start('chromedriver', '/usr/bin/chromedriver', [`--port=${port}`], { env: v.env });
    capabilities = {
      browserName: 'chrome',
      'goog:chromeOptions': { binary: chromiumLaunch.executablePath, args: ['--headless=new', ...chromiumLaunch.args] },
      webSocketUrl: true,
    };
  }
  await waitForHttp(`http://127.0.0.1:${port}/status`, 15_000, driver);
  let browser;
  try {
    browser = await remote({
      hostname: '127.0.0.1',
      port,
      path: '/',
      logLevel: 'error',
      connectionRetryCount: 1,
      connectionRetryTimeout: 120_000,
      capabilities,
    });
  } catch (e) {
    throw new Error(`${v.label}: no WebDriver session: ${e.message}\n${driver.tail()}`);
  }
  await browser.setTimeout({ script: 300_000, pageLoad: 60_000 });
  // Room for the whole runner page in a screenshot (Xvfb's screen is as tall).
  await browser.setWindowSize(1280, 1500).catch(() => {});
  return { variant: { id: variantId, ...v }, browser, driver, consoleLines };
}

export async function closeSession(procs, session) {
  if (!session) return;
  try {
    await Promise.race([session.browser.deleteSession(), new Promise((r) => setTimeout(r, 10_000))]);
  } catch {
    /* the driver is stopped below in any case */
  }
  await procs.stop(session.driver);
}
