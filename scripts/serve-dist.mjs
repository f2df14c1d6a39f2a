// A small static server for the built site, as a static host would serve it. Used by the
// Playwright tests and `make preview`:
//   --coi on   COOP same-origin + COEP require-corp on every response (a host that sets headers)
//   --coi off  no isolation headers (GitHub Pages without the service worker)
//   --csp      the production Content-Security-Policy from web/public/_headers
//   --base /p/ serve the site under a base path
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({
  options: {
    root: { type: 'string', default: 'web/dist' },
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '4173' },
    coi: { type: 'string', default: 'on' },
    csp: { type: 'boolean', default: false },
    base: { type: 'string', default: '/' },
  },
});

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

const root = resolve(opts.root);
const base = opts.base.endsWith('/') ? opts.base : `${opts.base}/`;

/** The CSP line of web/public/_headers (the file Netlify/Cloudflare-style hosts read). */
function productionCsp() {
  const headers = readFileSync(join(root, '_headers'), 'utf8');
  const line = headers.split('\n').find((l) => l.trim().startsWith('Content-Security-Policy:'));
  if (!line) throw new Error('no Content-Security-Policy in _headers');
  return line.split(':').slice(1).join(':').trim();
}

const csp = opts.csp ? productionCsp() : null;

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (opts.coi === 'on') {
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
  }
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  if (csp) res.setHeader('Content-Security-Policy', csp);
  if (!url.pathname.startsWith(base)) {
    res.writeHead(404).end('not under the base path');
    return;
  }
  let rel = decodeURIComponent(url.pathname.slice(base.length));
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const file = normalize(join(root, rel));
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': statSync(file).size,
    'Cache-Control': 'no-cache',
  });
  createReadStream(file).pipe(res);
});

server.listen(Number(opts.port), opts.host, () => {
  console.log(`serving ${root} at http://${opts.host}:${opts.port}${base} (coi ${opts.coi}${csp ? ', csp' : ''})`);
});
