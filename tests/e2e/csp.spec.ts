// The pages under the production Content-Security-Policy (web/public/_headers: style-src 'self',
// no 'unsafe-inline', no 'unsafe-eval'): the editor, the charts and a run cause no violation.
// CodeMirror's styles go through constructed stylesheets in a shadow root, never a <style> element.
import { CSP_URL, expect, ready, runFromUi, test } from './fixtures';

test('home, a workload page with a run and its charts, and method: no CSP violation', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const violations = () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  await page.goto(CSP_URL);
  await ready(page);
  expect(await violations()).toEqual([]);
  await page.goto(`${CSP_URL}w/binary-trees/?n=8&sampling=quick`);
  await ready(page);
  await page.locator('#python-panel .code-frame[data-ready="true"]').waitFor();
  await runFromUi(page);
  await page.locator('#results .chart[data-chart="latency"][data-drawn="true"]').waitFor();
  expect(await violations()).toEqual([]);
  await page.goto(`${CSP_URL}method/`);
  await ready(page);
  expect(await violations()).toEqual([]);
});
