// The embeddable widget on a blog of another origin without COOP/COEP (tests/e2e/embed-host,
// RELIABILITY.md 20 and 22): two widgets made by the loader, one with a bad parameter, and a
// plain iframe. Nothing heavy before Run, frames sized to their content, each Run verified,
// single-threaded and saying so; forged resize messages are ignored.
import type { Frame, Page } from '@playwright/test';
import { ALLOW, IFRAME_HEIGHT, RESIZE, SANDBOX } from '../../web/src/shared/embed';
import { COI_URL, CSP_URL, HOST_URL, ISOLATED_HOST_URL, NO_COI_URL, expect, test } from './fixtures';

const HEAVY = /pyodide|\.wasm|\.worker-|python_stdlib|snapshot/;

function frameOf(page: Page, selector: string): Promise<Frame> {
  return page.locator(selector).elementHandle().then(async (h) => {
    const f = await h?.contentFrame();
    if (!f) throw new Error(`${selector} has no frame`);
    return f;
  });
}

async function contentHeight(f: Frame): Promise<number> {
  return f.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
}

/** The loader sized the iframe to its content (within a pixel of rounding). */
async function expectSized(page: Page, selector: string): Promise<void> {
  const f = await frameOf(page, selector);
  await expect
    .poll(async () => Math.abs((await page.locator(selector).evaluate((e) => e.getBoundingClientRect().height)) - (await contentHeight(f))))
    .toBeLessThanOrEqual(1);
}

async function runToVerified(page: Page, selector: string): Promise<void> {
  const w = page.frameLocator(selector).locator('#widget');
  await w.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(w).toHaveAttribute('data-state', /loading|running/);
  await expect(w.getByRole('button', { name: 'Stop', exact: true })).toBeEnabled();
  await expect(w).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
  await expect(w.locator('.verdict.ok')).toContainText('Outputs identical');
  await expect(w.locator('.headline')).toContainText('faster');
  await expect(w.locator('.times tr[data-impl="python"] td.ci')).not.toHaveText('');
  await expect(w.locator('.times tr[data-impl="rust"] td.ci')).not.toHaveText('');
}

test('a blog on another origin: loader widgets and a plain iframe light until Run, sized, verified, single-threaded', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(HOST_URL);
  await expect(page.locator('iframe')).toHaveCount(4);
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(false);
  for (const id of ['#first', '#second', '#bad']) {
    const iframe = page.locator(`${id} iframe`);
    await expect(iframe).toHaveAttribute('sandbox', SANDBOX);
    await expect(iframe).toHaveAttribute('allow', ALLOW);
    await expect(iframe).toHaveAttribute('src', new RegExp(`^${COI_URL}embed\\.html\\?kernel=fib&`));
  }
  // The plain iframe is the snippet generator's form: same sandbox and allow, fixed height.
  await expect(page.locator('#plain')).toHaveAttribute('sandbox', SANDBOX);
  await expect(page.locator('#plain')).toHaveAttribute('allow', ALLOW);
  await expect(page.locator('#plain')).toHaveAttribute('height', String(IFRAME_HEIGHT));

  const first = page.frameLocator('#first iframe').locator('#widget');
  const second = page.frameLocator('#second iframe').locator('#widget');
  const plain = page.frameLocator('#plain').locator('#widget');
  const bad = page.frameLocator('#bad iframe').locator('#widget');
  for (const w of [first, second, plain]) {
    await expect(w).toHaveAttribute('data-state', 'idle');
    await expect(w.getByRole('heading', { level: 1 })).toHaveText('Recursive Fibonacci');
    await expect(w.locator('#threads-line')).toContainText('Rust runs single-threaded here: this page is not cross-origin isolated');
    await expect(w.locator('#download')).toContainText(/Run downloads up to \d+\.\d MB/);
  }
  await expect(first.locator('input[name="n"]')).toHaveValue('18');
  await expect(first.getByRole('link', { name: 'Open the full page' }).last()).toHaveAttribute('href', `${COI_URL}w/fib/?n=18`);
  await expect(bad).toHaveAttribute('data-state', 'error');
  await expect(bad.getByRole('alert')).toHaveText(/Parameter n of fib must be an integer from 0 to \d+, got 'abc'\./);
  await expect(bad.getByRole('button', { name: 'Run' })).toHaveCount(0);

  // Sized to content: the idle widgets and the (shorter) error widget each get their own height.
  for (const s of ['#first iframe', '#second iframe', '#bad iframe']) await expectSized(page, s);
  const badHeight = await page.locator('#bad iframe').evaluate((e) => e.getBoundingClientRect().height);
  expect(badHeight).toBeLessThan(IFRAME_HEIGHT / 2);
  // The dark theme reached the second widget only.
  const bg = (f: Frame): Promise<string> => f.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await bg(await frameOf(page, '#second iframe'))).toBe('rgb(13, 17, 23)');
  if (!(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches))) {
    expect(await bg(await frameOf(page, '#first iframe'))).toBe('rgb(255, 255, 255)');
  }

  // Light until used: the widgets' own files only; no engine, worker, Pyodide or wasm.
  await page.waitForLoadState('networkidle');
  expect(requests.filter((u) => HEAVY.test(u))).toEqual([]);

  const before = await page.locator('#first iframe').evaluate((e) => e.getBoundingClientRect().height);
  await runToVerified(page, '#first iframe');
  await expectSized(page, '#first iframe');
  expect(await page.locator('#first iframe').evaluate((e) => e.getBoundingClientRect().height)).toBeGreaterThan(before + 50);
  expect(requests.some((u) => u.includes('pyodide'))).toBe(true);
  await runToVerified(page, '#second iframe');
  await runToVerified(page, '#plain');
  // The plain iframe keeps its fixed height (no loader, no messages).
  expect(await page.locator('#plain').evaluate((e) => e.getBoundingClientRect().height)).toBe(IFRAME_HEIGHT);

  // The Python source, read-only, on request.
  await first.getByRole('button', { name: 'Show the Python source' }).click();
  await expect(first.locator('#source')).toContainText('def fib');
  await expect(first.getByRole('button', { name: 'Hide the Python source' })).toHaveAttribute('aria-expanded', 'true');
});

test('forged resize messages (another origin, another frame, wrong shapes) are ignored', async ({ page }) => {
  await page.goto(HOST_URL);
  const iframe = page.locator('#first iframe');
  await expectSized(page, '#first iframe');
  const frame = new URL((await iframe.getAttribute('src')) ?? '').searchParams.get('frame') ?? '';
  expect(frame).toMatch(/^tb[0-9a-f]{24}$/);
  const height = (): Promise<number> => iframe.evaluate((e) => Math.round(e.getBoundingClientRect().height));
  const h0 = await height();
  const forged = { type: RESIZE, frame, height: 7 };

  // From the host page itself (the host's origin).
  await page.evaluate((m) => window.postMessage(m, '*'), forged);
  // From the site's origin, but another frame (the plain iframe).
  await (await frameOf(page, '#plain')).evaluate((m) => window.parent.postMessage(m, '*'), forged);
  // From a third origin, in a frame of the host page.
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.id = 'foreign';
    f.src = src;
    document.body.append(f);
    return new Promise((r) => f.addEventListener('load', r));
  }, `${NO_COI_URL}embed.html?kernel=fib`);
  await (await frameOf(page, '#foreign')).evaluate((m) => window.parent.postMessage(m, '*'), forged);
  // From the right frame, with the wrong shapes.
  const own = await frameOf(page, '#first iframe');
  await own.evaluate(
    ({ frame, type }) => {
      const post = (m: unknown): void => window.parent.postMessage(m, '*');
      post({ type, frame, height: '900px' });
      post({ type, frame, height: 9, extra: true });
      post({ type, frame: 'tb000000000000000000000000', height: 11 });
      post({ type: 'twinbench:run', frame, height: 13 });
      post(JSON.parse(`{"type":"${type}","frame":"${frame}","height":15,"__proto__":{"polluted":1}}`));
      post(`${type} ${frame} 17`);
      post({ type, frame, height: 1e7 });
    },
    { frame, type: RESIZE },
  );
  await page.waitForTimeout(500);
  expect(await height()).toBe(h0);
  expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();

  // The control: the same message, well formed, from the loader's own frame is obeyed.
  await own.evaluate(({ frame, type }) => window.parent.postMessage({ type, frame, height: 333 }, '*'), { frame, type: RESIZE });
  await expect.poll(height).toBe(333);
});

test('a workload page offers Embed this for its parameters, and advertises its oEmbed file', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: COI_URL });
  await page.goto(`${COI_URL}w/fib/?n=21`);
  await page.getByText('Embed this', { exact: true }).click();
  const loader = page.locator('#embed-loader');
  await expect(loader).toHaveValue(`<div data-twinbench="fib" data-n="21"></div>\n<script src="${COI_URL}embed.js" async></script>`);
  await expect(page.locator('#embed-iframe')).toHaveValue(new RegExp(`^<iframe src="${COI_URL}embed\\.html\\?kernel=fib&#38;n=21" .*height="${IFRAME_HEIGHT}".*sandbox="${SANDBOX}" allow="${ALLOW}"></iframe>$`));
  // The snippets follow the form.
  await page.locator('#params input[name="n"]').fill('19');
  await expect(loader).toHaveValue(/data-n="19"/);
  await page.getByRole('button', { name: 'Copy the loader snippet' }).click();
  await expect(page.locator('#embed-this .copied')).toHaveText('The loader snippet is copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('data-n="19"');

  const href = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href');
  expect(href).toBeTruthy();
  const res = await page.request.get(new URL(href ?? '', page.url()).href);
  expect(res.ok()).toBe(true);
  const o = (await res.json()) as Record<string, unknown>;
  expect(o).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'twinbench', height: IFRAME_HEIGHT });
  expect(String(o.html)).toMatch(/^<iframe src="[^"]*embed\.html\?kernel=fib&#38;n=\d+" /);
});

test('on an isolated host, allow="cross-origin-isolated" passes isolation on to the widget (RELIABILITY.md 21)', async ({ page }) => {
  await page.goto(ISOLATED_HOST_URL);
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  const first = page.frameLocator('#first iframe').locator('#widget');
  await expect(first).toHaveAttribute('data-state', 'idle');
  expect(await (await frameOf(page, '#first iframe')).evaluate(() => window.crossOriginIsolated)).toBe(true);
  await expect(first.locator('#threads-line')).toHaveCount(0);
  await expectSized(page, '#first iframe');
  // Without the attribute, the same widget falls back cleanly: not isolated, and it says so.
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.id = 'no-allow';
    f.src = src;
    document.body.append(f);
  }, `${COI_URL}embed.html?kernel=fib&n=12`);
  const bare = page.frameLocator('#no-allow').locator('#widget');
  await expect(bare).toHaveAttribute('data-state', 'idle');
  await expect(bare.locator('#threads-line')).toContainText('not cross-origin isolated');
});

test('the widget under the production CSP: a pinned theme, the source view and a run cause no violation', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const violations = (): Promise<string[]> => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  const res = await page.goto(`${CSP_URL}embed.html?kernel=fib&n=14&theme=dark`);
  expect(res?.headers()['content-security-policy']).toContain('frame-ancestors *');
  const w = page.locator('#widget');
  await expect(w).toHaveAttribute('data-state', 'idle');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
  await w.getByRole('button', { name: 'Show the Python source' }).click();
  await expect(w.locator('#source .code-frame[data-ready="true"]')).toBeVisible();
  await w.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(w).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
  expect(await violations()).toEqual([]);
});

test('Stop in a widget on a blog: during the download and while measuring; the next Run is verified (RELIABILITY.md 20)', async ({ page }) => {
  await page.goto(HOST_URL);
  const w = page.frameLocator('#first iframe').locator('#widget');
  const run = w.getByRole('button', { name: 'Run', exact: true });
  const stop = w.getByRole('button', { name: 'Stop', exact: true });
  await expect(stop).toBeDisabled();
  // During Pyodide's download (held back 2 s, or from localhost it could be over before Stop): the
  // run ends before it measures anything.
  await page.route('**/pyodide/**', async (route) => {
    await new Promise((r) => setTimeout(r, 2000));
    await route.continue();
  });
  await run.click();
  await expect(w).toHaveAttribute('data-state', 'loading');
  await stop.click();
  await expect(w.locator('#status')).toHaveText(/^stopped/);
  await expect(w).not.toHaveAttribute('data-state', /loading|running|done/);
  await expect(w.locator('#result')).toBeEmpty();
  // While measuring: without isolation Python cannot be interrupted, so its worker is replaced.
  await w.locator('input[name="n"]').fill('24');
  // Both full-page links follow the form.
  for (const a of await w.locator('a.full-page').all()) await expect(a).toHaveAttribute('href', `${COI_URL}w/fib/?n=24`);
  await run.click();
  await expect(w).toHaveAttribute('data-state', 'running', { timeout: 120_000 });
  await expect(w.locator('progress').first()).toBeVisible();
  await stop.click();
  await expect(w.locator('#status')).toHaveText(/^stopped/);
  await expect(w).toHaveAttribute('data-state', 'error');
  await expect(w.locator('#error')).toBeHidden();
  await w.locator('input[name="n"]').fill('12');
  await run.click();
  await expect(w).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
  await expect(w.locator('.verdict.ok')).toContainText('Outputs identical');
});

test("on the site's own origin the loader sets no sandbox, which a same-origin frame could lift (RELIABILITY.md 23)", async ({ page }) => {
  await page.goto(`${COI_URL}method/`);
  await page.evaluate(() => {
    const d = document.createElement('div');
    d.id = 'own';
    d.setAttribute('data-twinbench', 'fib');
    d.setAttribute('data-n', '10');
    const s = document.createElement('script');
    s.src = '../embed.js';
    s.async = true;
    document.body.append(d, s);
  });
  const iframe = page.locator('#own iframe');
  await expect(iframe).toHaveAttribute('allow', ALLOW);
  await expect(iframe).not.toHaveAttribute('sandbox', /.*/);
  // The frame is lazy (loading="lazy") and the method page is long: it loads once in view.
  await iframe.scrollIntoViewIfNeeded();
  await expect(page.frameLocator('#own iframe').locator('#widget')).toHaveAttribute('data-state', 'idle');
  await expectSized(page, '#own iframe');
});
