// The home page: the headline race (fib, Python against Rust, measured on request, replayed as
// two bars filling at the measured speeds, ending in the verified ratio with its interval), the
// gallery of every workload with make bench's ratio marked as the reference machine's, and the
// environment panel (cores, isolation, timer tick, browser, threads and why not).
import { COI_URL, expect, NO_COI_URL, ready, test } from './fixtures';

test('the headline race measures on request, replays at the measured speeds, and ends in the verified ratio', async ({ page }) => {
  await page.goto(COI_URL);
  await ready(page);
  await expect(page.locator('main > h1')).toContainText('Python');
  await expect(page.locator('.race-verdict')).toBeEmpty();
  await page.click('#race-run');
  await expect(page.locator('.race-status')).toContainText('The replay', { timeout: 120_000 });
  // Rust's bar fills about as many times faster as Rust ran: full while Python's is still going.
  await page.waitForTimeout(800);
  const width = async (who: string) => parseFloat(await page.locator(`.lane:has(.who:text-is("${who}")) .fill`).evaluate((e) => (e as HTMLElement).style.width));
  expect(await width('Rust')).toBe(100);
  const py = await width('Python');
  expect(py).toBeGreaterThan(5);
  expect(py).toBeLessThan(90);
  const verdict = page.locator('.race-verdict');
  await expect(verdict).toContainText(/Rust is [\d.]+× faster than Python/, { timeout: 10_000 });
  await expect(verdict).toContainText('95% interval within this run');
  await expect(verdict).toContainText('✓ Both returned 196418 with the same work digest.');
  expect(await width('Python')).toBe(100);
  await expect(page.locator('.lane .time')).toHaveText([/a call$/, /a call$/]);
});

test('the gallery: every workload, its story, and its reference ratio marked as the reference machine’s', async ({ page }) => {
  await page.goto(COI_URL);
  await ready(page);
  const ids = await page.evaluate(() => window.twinbench.workloads().map((w) => w.id));
  const cards = page.locator('.gallery li[data-workload]');
  await expect(cards).toHaveCount(ids.length);
  for (const id of ids) {
    const card = page.locator(`.gallery li[data-workload="${id}"]`);
    await expect(card.locator('h3 a')).toHaveAttribute('href', new RegExp(`w/${id}/$`));
    await expect(card.locator('.story')).not.toBeEmpty();
    await expect(card.locator('.ref-ratio')).toContainText('on the reference machine');
  }
  await expect(page.locator('#gallery-list > p')).toContainText('measured by make bench on the reference machine');
});

test('the environment panel: cores, isolation, timer tick, browser, threads, and why threads are off where they are', async ({ page }) => {
  await page.goto(COI_URL);
  await ready(page);
  const env = page.locator('#env-panel');
  await expect(env.locator('[data-env="browser"]')).toContainText('Chromium');
  await expect(env.locator('[data-env="cores"]')).toContainText(String(await page.evaluate(() => navigator.hardwareConcurrency)));
  await expect(env.locator('[data-env="cross-origin isolated"]')).toHaveText('yes');
  await expect(env.locator('[data-env="threads"]')).toContainText('available');
  // The tick is measured in a worker once the page is idle.
  await expect(env.locator('[data-env="timer tick"]')).toHaveText(/^[\d.]+ (µs|ms|ns)/);
});

test.describe('on a host without COOP/COEP and without service workers', () => {
  test.use({ serviceWorkers: 'block' });

  test('the environment panel says threads are off, and why', async ({ page }) => {
    await page.goto(NO_COI_URL);
    await ready(page);
    const env = page.locator('#env-panel');
    await expect(env.locator('[data-env="cross-origin isolated"]')).toHaveText('no');
    await expect(env.locator('[data-env="threads"]')).toHaveText(/^off: this page is not cross-origin isolated/);
  });
});
