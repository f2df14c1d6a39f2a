import { chromium } from 'playwright-core';
const [url, prefix, run] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 375, height: 800 }, deviceScaleFactor: 2 });
await page.goto(url);
await page.waitForTimeout(1000);
if (run) {
  await page.click('#run');
  await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector('#results')?.dataset.state ?? ''), null, { timeout: 120000 });
  await page.waitForTimeout(500);
}
const h = await page.evaluate(() => document.documentElement.scrollHeight);
for (let y = 0, i = 0; y < h && i < 4; y += 800, i++) {
  await page.evaluate((yy) => window.scrollTo(0, yy), y);
  await page.waitForTimeout(100);
  await page.screenshot({ path: `${prefix}-${i}.png` });
}
await browser.close();
