// What a blog reader's browser fetches for one widget before Run (sizes_gzip_bytes.widget_before_run):
// a host page on another origin (a one-page server of its own, on the loopback interface like the
// site: Chromium refuses a page it thinks public the loopback address space) with one loader div
// and embed.js from the site; every request the page and its frames make to the site until the
// widget is idle and the network is quiet, as the built files' gzip (level 9) sizes.
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipBytes } from './sizes.mjs';

/** A blog post embedding one widget of `site`, served until `close()`. */
async function hostPage(site) {
  const body = `<!doctype html><title>post</title><link rel="icon" href="data:,"><div data-twinbench="fib" data-n="30"></div><script src="${site}embed.js" async></script>`;
  const server = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

const HEAVY = /pyodide|\.wasm$|\.worker-|snapshot/;

export async function widgetBeforeRun({ browser, server, dist }) {
  const site = new URL(server.url);
  const host = await hostPage(site.href);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const paths = new Set();
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.origin === site.origin) paths.add(decodeURIComponent(u.pathname));
    });
    await page.goto(host.url);
    await page.frameLocator('iframe').locator('#widget[data-state="idle"]').waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000); // anything fetched late (idle callbacks) would count too
    const files = [...paths]
      .sort()
      .map((p) => p.slice(site.pathname.length))
      .filter((p) => existsSync(join(dist, p)) && statSync(join(dist, p)).isFile())
      .map((file) => ({ file, bytes: statSync(join(dist, file)).size, gzip: gzipBytes(join(dist, file)) }));
    const total = files.reduce((a, f) => ({ bytes: a.bytes + f.bytes, gzip: a.gzip + f.gzip }), { bytes: 0, gzip: 0 });
    return { files, total, requested: [...paths].sort(), heavy: files.filter((f) => HEAVY.test(f.file)).map((f) => f.file) };
  } finally {
    await context.close();
    await host.close();
  }
}
