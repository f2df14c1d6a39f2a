// Transfer sizes of the built site (gzip, level 9, as a static host would compress them).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

export function gzipBytes(file) {
  return gzipSync(readFileSync(file), { level: constants.Z_BEST_COMPRESSION }).length;
}

function entry(file) {
  return { file, bytes: statSync(file).size, gzip: gzipBytes(file) };
}

/** Static imports of an ES module chunk (`import ... from "./x.js"`, `import "./x.js"`), recursively. */
function staticImports(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  // Not `import(`: dynamic imports load later, on demand.
  const re = /(?:\bfrom\s*|\bimport\s*)(["'`])(\.{1,2}\/[^"'`]+\.m?js)\1/g;
  for (const m of code.matchAll(re)) staticImports(resolve(dirname(file), m[2]), seen);
  return seen;
}

/** Which build a .wasm is: the threaded one imports its (shared) memory. */
async function wasmKind(file) {
  const mod = await WebAssembly.compile(readFileSync(file));
  return WebAssembly.Module.imports(mod).some((i) => i.kind === 'memory') ? 'threads' : 'single';
}

export async function siteSizes(distDir) {
  const dist = resolve(distDir);
  const assets = join(dist, 'assets');
  const out = { wasm: {}, main_js: null, main_js_files: [], pyodide_files: [], other_js: [] };
  for (const f of readdirSync(assets).filter((f) => f.endsWith('.wasm'))) {
    out.wasm[await wasmKind(join(assets, f))] = entry(join(assets, f));
  }
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const src = html.match(/<script type="module"[^>]*src="([^"]+)"/)?.[1];
  if (!src) throw new Error('no module entry in index.html');
  const mainFiles = [...staticImports(resolve(dist, src))];
  out.main_js_files = mainFiles.map(entry);
  out.main_js = out.main_js_files.reduce((a, e) => ({ bytes: a.bytes + e.bytes, gzip: a.gzip + e.gzip }), { bytes: 0, gzip: 0 });
  const classic = [...html.matchAll(/<script(?![^>]*type="module")[^>]*src="([^"]+)"/g)].map((m) => entry(resolve(dist, m[1])));
  out.classic_scripts = classic;
  for (const f of readdirSync(join(dist, 'pyodide'))) {
    const p = join(dist, 'pyodide', f);
    if (statSync(p).isFile() && !f.startsWith('.')) out.pyodide_files.push(entry(p));
  }
  out.pyodide_total = out.pyodide_files.reduce((a, e) => ({ bytes: a.bytes + e.bytes, gzip: a.gzip + e.gzip }), { bytes: 0, gzip: 0 });
  for (const f of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
    const p = join(assets, f);
    if (!mainFiles.includes(p)) out.other_js.push(entry(p));
  }
  const rel = (e) => ({ ...e, file: e.file.slice(dist.length + 1) });
  out.main_js_files = out.main_js_files.map(rel);
  out.classic_scripts = out.classic_scripts.map(rel);
  out.pyodide_files = out.pyodide_files.map(rel);
  out.other_js = out.other_js.map(rel);
  for (const k of Object.keys(out.wasm)) out.wasm[k] = rel(out.wasm[k]);
  return out;
}
