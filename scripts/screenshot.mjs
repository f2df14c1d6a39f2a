#!/usr/bin/env node
// docs/screenshot.png for the README: the built site (make build) runs fib in Python and
// Rust in Debian's Chromium, as a visitor would, and the page is captured once the outputs match.
// Usage: node scripts/screenshot.mjs [--n 27]
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launch } from '../bench/lib/browser.mjs';
import { serveDist } from '../bench/lib/serve.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({ options: { n: { type: 'string', default: '27' } } });

const server = await serveDist({ repo: REPO });
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 760 }, deviceScaleFactor: 1 });
  await page.goto(server.url);
  await page.waitForFunction(() => typeof window.twinbench?.run === 'function');
  await page.selectOption('#workload', 'fib');
  await page.fill('input[name="n"]', opts.n);
  await page.click('#run');
  await page.locator('#verdict').filter({ hasText: 'Outputs identical' }).waitFor({ timeout: 180_000 });
  await page.screenshot({ path: join(REPO, 'docs/screenshot.png'), fullPage: true });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  await server.stop();
}
