// Copies the runtime files the site serves as they are, from their npm packages into
// web/public: Pyodide (so no third-party CDN is used at run time) and coi-serviceworker
// (cross-origin isolation on hosts that cannot set headers, e.g. GitHub Pages).
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'public');

const pyodideDir = dirname(require.resolve('pyodide/package.json'));
const pyodideFiles = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];
mkdirSync(join(publicDir, 'pyodide'), { recursive: true });
for (const f of pyodideFiles) copyFileSync(join(pyodideDir, f), join(publicDir, 'pyodide', f));
const { version } = JSON.parse(readFileSync(join(pyodideDir, 'package.json'), 'utf8'));

const coiDir = dirname(require.resolve('coi-serviceworker/package.json'));
copyFileSync(join(coiDir, 'coi-serviceworker.min.js'), join(publicDir, 'coi-serviceworker.js'));

console.log(`copied pyodide ${version} (${pyodideFiles.length} files) and coi-serviceworker to web/public`);
