#!/usr/bin/env node
// Screenshots of the real build (make build) for the README and the method page, in Debian's
// Chromium, as a visitor sees the site: the home page after the headline race, and a workload
// page after a run, each on a desktop (1280 px) and a phone (375 px) screen. Written to
// docs/screenshots/{home,workload}-{desktop,phone}.png; the next build shows them on the method page.
// Usage: node scripts/screenshot.mjs [--workload fib] [--query 'n=27']
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launch } from '../bench/lib/browser.mjs';
import { serveDist } from '../bench/lib/serve.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(REPO, 'docs/screenshots');
const { values: opts } = parseArgs({ options: { workload: { type: 'string', default: 'fib' }, query: { type: 'string', default: 'n=27' } } });
const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 780 } };

/**
 * CodeMirror measures the heights of wrapped lines only once they are in view (until then its
 * gutter numbers sit where an estimate puts them), and a full-page screenshot scrolls nothing:
 * bring each editor into view first, as a visitor's scrolling does, then go back to the top.
 */
async function measureEditors(page) {
  for (const frame of await page.locator('.code-frame[data-ready="true"]').all()) {
    await frame.scrollIntoViewIfNeeded();
    await page.waitForTimeout(150);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Both sizes of one page: desktop first, then the same page narrowed (charts follow their box). */
async function shoot(page, name) {
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(600); // layout, and uPlot's resize
    await measureEditors(page);
    const path = join(OUT, `${name}-${size}.png`);
    await page.screenshot({ path, fullPage: true });
    console.log(`wrote ${path.slice(REPO.length + 1)}`);
  }
}

mkdirSync(OUT, { recursive: true });
const server = await serveDist({ repo: REPO });
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: SIZES.desktop, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));

  await page.goto(server.url);
  await page.waitForFunction(() => typeof window.twinbench?.run === 'function');
  await page.click('#race-run');
  await page.locator('.race-verdict strong').waitFor({ timeout: 180_000 });
  await shoot(page, 'home');

  await page.setViewportSize(SIZES.desktop);
  await page.goto(`${server.url}w/${opts.workload}/?${opts.query}`);
  await page.waitForFunction(() => typeof window.twinbench?.run === 'function');
  await page.locator('#rust-panel .code-frame[data-ready="true"]').waitFor();
  await page.click('#run');
  await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector('#results')?.dataset.state ?? ''), null, { timeout: 180_000 });
  await page.locator('#results .chart[data-drawn="true"]').first().waitFor();
  // The cold-start breakdown open, so the screenshot shows it.
  await page.locator('#results details.cold summary').click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'workload');
} finally {
  await browser.close();
  await server.stop();
}
