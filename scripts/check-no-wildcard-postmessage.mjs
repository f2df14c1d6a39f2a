// Lint (RELIABILITY.md case 23): no postMessage(data, "*") anywhere in the site's sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const bad = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'wasm' || name === 'generated') continue;
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(ts|js|mjs|html)$/.test(name)) {
      readFileSync(p, 'utf8').split('\n').forEach((line, i) => {
        if (/postMessage\([^)]*,\s*['"`]\*['"`]/.test(line)) bad.push(`${p}:${i + 1}: ${line.trim()}`);
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
