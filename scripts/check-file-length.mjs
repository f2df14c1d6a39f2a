// `make lint`: no source file over 300 lines (issue 10), generated files and the wasm packages
// excepted. A file that grows past it wants splitting by what it does.
// Usage: node scripts/check-file-length.mjs <dir>...
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MAX = 300;
const SKIP = /(^|\/)(generated|wasm|node_modules|dist)(\/|$)/;
const SOURCE = /\.(ts|mjs|js|css|html)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (SKIP.test(path)) continue;
    if (statSync(path).isDirectory()) yield* files(path);
    else if (SOURCE.test(name)) yield path;
  }
}

const long = [];
for (const dir of process.argv.slice(2)) {
  for (const path of files(dir)) {
    const lines = readFileSync(path, 'utf8').split('\n').length - 1;
    if (lines > MAX) long.push(`${path}: ${lines} lines (at most ${MAX})`);
  }
}
if (long.length) {
  console.error(`check-file-length: split these files:\n${long.join('\n')}`);
  process.exit(1);
}
console.log('check-file-length: ok');
