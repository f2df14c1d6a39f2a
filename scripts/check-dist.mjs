// Checks a built site before it is deployed: index.html exists, there are no symlinks, the
// wasm, Pyodide, widget and header files are there, and _headers carries COOP/COEP/CSP.
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'web/dist';
const problems = [];

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = lstatSync(p);
    if (st.isSymbolicLink()) problems.push(`symlink in the artifact: ${p}`);
    else if (st.isDirectory()) walk(p);
  }
}

for (const f of ['index.html', 'embed.html', 'embed.js', 'w/fib/oembed.json', '_headers', 'coi-serviceworker.js', 'coi-register.js', 'pyodide/pyodide.mjs', 'pyodide/pyodide.asm.wasm',
  'pyodide/python_stdlib.zip', 'pyodide/pyodide-lock.json', 'pyodide/pyodide.asm.mjs', 'pyodide/snapshot.bin.gz']) {
  if (!existsSync(join(dist, f))) problems.push(`missing ${f}`);
}
if (existsSync(dist)) walk(dist);
const wasm = existsSync(join(dist, 'assets')) ? readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.wasm')) : [];
if (wasm.length < 2) problems.push(`expected the single-threaded and the threaded wasm in assets/, found ${wasm.length}`);
if (existsSync(join(dist, '_headers'))) {
  const h = readFileSync(join(dist, '_headers'), 'utf8');
  for (const want of ['Cross-Origin-Opener-Policy: same-origin', 'Cross-Origin-Embedder-Policy: require-corp',
    "'wasm-unsafe-eval'", "worker-src 'self'"]) {
    if (!h.includes(want)) problems.push(`_headers lacks ${want}`);
  }
  if (/'unsafe-eval'/.test(h)) problems.push("_headers allows 'unsafe-eval'");
  // The widget is framed and loaded by other sites (web/public/_headers' /embed.html and /embed.js rules).
  for (const want of ['/embed.html', '/embed.js', 'Cross-Origin-Resource-Policy: cross-origin', 'frame-ancestors *']) {
    if (!h.includes(want)) problems.push(`_headers lacks the widget's ${want}`);
  }
}
// Every page carries the policy as a <meta> tag too, for hosts that send no headers.
const pages = [];
(function html(dir) {
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const p = join(dir, name);
    if (lstatSync(p).isDirectory()) {
      if (name !== 'pyodide' && name !== 'assets') html(p);
    } else if (name.endsWith('.html')) pages.push(p);
  }
})(dist);
for (const p of pages) {
  const head = readFileSync(p, 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(head);
  if (!meta) problems.push(`${p} has no Content-Security-Policy <meta> tag`);
  else if (!meta[1].includes("'wasm-unsafe-eval'") || /'unsafe-eval'/.test(meta[1])) problems.push(`${p}: its CSP <meta> tag is not the production policy`);
}
if (pages.length < 3) problems.push(`expected the home, method and workload pages, found ${pages.length} HTML files`);
if (problems.length) {
  console.error(`check-dist: ${dist} is not deployable:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-dist: ${dist} ok`);
