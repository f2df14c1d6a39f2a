// A blog on another origin, for the embed specs: serves the pages of this folder with `{{site}}`
// replaced by the site's URL (--site), with no COOP/COEP (as most blogs), or with them (--coi on:
// an isolated host, which can pass isolation on to the widget).
//   node tests/e2e/embed-host/serve-host.mjs --port 5177 --site http://127.0.0.1:5173/
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({ options: { port: { type: 'string' }, site: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' }, coi: { type: 'string', default: 'off' } } });
if (!opts.port || !opts.site) throw new Error('usage: serve-host.mjs --port <n> --site <url>');
const dir = new URL('./', import.meta.url);

createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const name = path === '/' ? 'post.html' : path.slice(1);
  const file = new URL(name, dir);
  if (!/^[a-z-]+\.html$/.test(name) || !existsSync(file)) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  const html = readFileSync(file, 'utf8').replaceAll('{{site}}', opts.site);
  const isolation = opts.coi === 'on' ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } : {};
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...isolation }).end(html);
}).listen(Number(opts.port), opts.host, () => console.log(`embed host at http://${opts.host}:${opts.port}/ (site ${opts.site}, coi ${opts.coi})`));
