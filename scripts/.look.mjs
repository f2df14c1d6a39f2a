import { chromium } from 'playwright-core';
const [url, out, width = '1100', action = ''] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 800 } });
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console', m.type(), m.text()); });
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(url);
await page.waitForTimeout(1500);
if (action === 'run') {
  await page.click('#run');
  await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector('#results')?.dataset.state ?? ''), null, { timeout: 120000 });
  await page.waitForTimeout(500);
  console.log('state', await page.locator('#results').getAttribute('data-state'), await page.locator('#status').textContent(), await page.locator('#error').textContent());
}
if (action === 'race') {
  await page.click('#race-run');
  await page.waitForFunction(() => document.querySelector('.race-verdict')?.textContent?.length > 5, null, { timeout: 120000 });
  await page.waitForTimeout(300);
}
await page.screenshot({ path: out, fullPage: true });
await browser.close();
