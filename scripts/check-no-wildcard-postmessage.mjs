// Lint (RELIABILITY.md case 23): no postMessage(data, "*") anywhere in the site's own sources
// (generated code, wasm-bindgen output and the vendored copies of Pyodide and
// coi-serviceworker in web/public are not ours to lint).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const VENDORED = new Set(['wasm', 'generated', 'pyodide', 'coi-serviceworker.js']);
const bad = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (VENDORED.has(name)) continue;
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(ts|js|mjs|html)$/.test(name)) {
      readFileSync(p, 'utf8').split('\n').forEach((line, i) => {
        if (/postMessage\([^)]*,\s*['"`]\*['"`]/.test(line)) bad.push(`${p}:${i + 1}: ${line.trim().slice(0, 160)}`);
      });
    }
  }
}
walk('web/src');
walk('web/public');
if (bad.length) {
  console.error(`postMessage with target origin "*" is not allowed:\n${bad.join('\n')}`);
  process.exit(1);
}
