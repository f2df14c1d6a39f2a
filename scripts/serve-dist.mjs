// A small static server for the built site, as a static host would serve it. Used by the
// Playwright tests and `make preview`:
//   --coi on   COOP same-origin + COEP require-corp on every response (a host that sets headers)
//   --coi off  no isolation headers (GitHub Pages without the service worker)
//   --csp      the production Content-Security-Policy from web/public/_headers
//   --base /p/ serve the site under a base path
//   --log      one line per request on stdout: method, path, status, bytes sent
// Responses carry an ETag and Last-Modified, and a conditional request for an unchanged file
// gets 304, so a second load really is served from the HTTP cache (`make bench` measures
// Pyodide's warm start that way). `Cache-Control: no-cache` makes the browser revalidate.
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
    log: { type: 'boolean', default: false },
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
const EMBEDDABLE = /\/embed\.(html|js)$/;

/** A conditional GET/HEAD whose validators still match (If-None-Match wins over If-Modified-Since). */
function notModified(req, etag, mtimeMs) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    return inm.split(',').some((t) => {
      const tag = t.trim().replace(/^W\//, '');
      return tag === '*' || tag === etag;
    });
  }
  const ims = req.headers['if-modified-since'];
  if (ims !== undefined) {
    const since = Date.parse(ims);
    return Number.isFinite(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
  }
  return false;
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (opts.log) {
    res.on('finish', () => {
      const sent = res.getHeader('Content-Length');
      console.log(`${req.method} ${url.pathname} ${res.statusCode} ${res.statusCode === 200 && sent !== undefined ? sent : 0}`);
    });
  }
  if (opts.coi === 'on') {
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
  }
  // The widget is made to be embedded: its page and loader may be loaded by any site (as
  // web/public/_headers says for /embed.html and /embed.js).
  const embeddable = EMBEDDABLE.test(url.pathname);
  res.setHeader('Cross-Origin-Resource-Policy', embeddable ? 'cross-origin' : 'same-origin');
  if (csp) res.setHeader('Content-Security-Policy', embeddable ? csp.replace("frame-ancestors 'self'", 'frame-ancestors *') : csp);
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
  const st = statSync(file);
  const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
  const lastModified = new Date(Math.floor(st.mtimeMs / 1000) * 1000).toUTCString();
  const validators = { ETag: etag, 'Last-Modified': lastModified, 'Cache-Control': 'no-cache' };
  if (notModified(req, etag, st.mtimeMs)) {
    res.writeHead(304, validators).end();
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': st.size,
    ...validators,
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
});

server.listen(Number(opts.port), opts.host, () => {
  console.log(`serving ${root} at http://${opts.host}:${opts.port}${base} (coi ${opts.coi}${csp ? ', csp' : ''})`);
});
