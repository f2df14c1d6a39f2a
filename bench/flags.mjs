#!/usr/bin/env node
// Build-flag experiments for the benchmark report: does a flag make the single-threaded wasm
// faster or smaller? Builds each variant of the single-threaded build in a scratch target dir
// (bench/tmp/flags/, never the project's build), swaps it into a scratch copy of web/dist
// (only when its JavaScript glue is identical to the project's, so the page is unchanged),
// and measures `rust` on the targeted kernels in the page, the variant's page and the
// baseline's page taking turns, A B A B. Writes bench/flags.json, which `make bench` quotes.
//
// Usage: node bench/flags.mjs [--variants simd128,no-wasm-opt] [--rounds 3] [--quick] [--build-only] [--kernels a,b]
// Needs `make build` first (web/dist and web/src/wasm/st).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync, constants } from 'node:zlib';
import { settings } from './config.mjs';
import { apiRun, launch, openPage } from './lib/browser.mjs';
import { median } from './lib/ts.mjs';
import { serveDist } from './lib/serve.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCRATCH = join(REPO, 'bench/tmp/flags');
// The wasm-opt arguments the project used before it dropped the pass (crate/Cargo.toml says why).
const WASM_OPT = ['-O3', '--enable-bulk-memory', '--enable-mutable-globals', '--enable-nontrapping-float-to-int', '--enable-sign-ext'];
// The project's own flags (.cargo/config.toml; no wasm-opt).
const PROJECT_RUSTFLAGS = '-C target-feature=+simd128';

/**
 * Each variant: the whole RUSTFLAGS, the wasm-opt arguments (null: no wasm-opt), and optionally
 * `patch`, [file, from, to] source edits made in a scratch copy of the workspace (a kernel change
 * measured before it is proposed; fannkuch-redux's fixed-size copy was found this way).
 */
const VARIANTS = {
  baseline: { rustflags: PROJECT_RUSTFLAGS, wasmOpt: null, what: 'the project\'s flags, rebuilt here (a check of the method)' },
  'no-simd128': { rustflags: '', wasmOpt: null, what: 'without `+simd128` (scalar f64)' },
  'wasm-opt-O3': { rustflags: PROJECT_RUSTFLAGS, wasmOpt: [...WASM_OPT, '--enable-simd'], what: 'with a wasm-opt `-O3` pass (the build before this report)' },
  'wasm-opt-O4': { rustflags: PROJECT_RUSTFLAGS, wasmOpt: ['-O4', ...WASM_OPT.slice(1), '--enable-simd'], what: 'a wasm-opt `-O4` pass' },
  'wasm-opt-O2': { rustflags: PROJECT_RUSTFLAGS, wasmOpt: ['-O2', ...WASM_OPT.slice(1), '--enable-simd'], what: 'a wasm-opt `-O2` pass' },
  'wasm-opt-Os': { rustflags: PROJECT_RUSTFLAGS, wasmOpt: ['-Os', ...WASM_OPT.slice(1), '--enable-simd'], what: 'a wasm-opt `-Os` pass' },
  'no-bulk-memory': { rustflags: `${PROJECT_RUSTFLAGS} -C target-feature=-bulk-memory`, wasmOpt: null, what: '`-C target-feature=-bulk-memory` (memcpy as a wasm loop instead of `memory.copy`)' },
};

const { values: opts } = parseArgs({
  options: {
    variants: { type: 'string', default: 'no-simd128,wasm-opt-O3' },
    rounds: { type: 'string', default: '3' },
    quick: { type: 'boolean', default: false },
    'build-only': { type: 'boolean', default: false },
    // Default: every workload with a wasm/native target (a catalog `category`).
    kernels: { type: 'string' },
  },
});
const rounds = Number(opts.rounds);
let kernels = opts.kernels?.split(',') ?? null;
const log = (m) => process.stderr.write(`[flags] ${m}\n`);
const env = { ...process.env, PATH: `${join(REPO, 'node_modules/.bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}` };

/** A scratch copy of the workspace with a variant's source edits (an experiment, never the project's files). */
function patchedWorkspace(name, patch) {
  const ws = join(SCRATCH, 'src', name);
  rmSync(ws, { recursive: true, force: true });
  mkdirSync(ws, { recursive: true });
  for (const f of ['Cargo.toml', 'Cargo.lock', 'rust-toolchain.toml']) if (existsSync(join(REPO, f))) cpSync(join(REPO, f), join(ws, f));
  cpSync(join(REPO, 'crate'), join(ws, 'crate'), { recursive: true });
  for (const [file, from, to] of patch) {
    const path = join(ws, file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(from)) throw new Error(`${name}: ${file} no longer contains the text the experiment replaces`);
    writeFileSync(path, text.replace(from, to));
  }
  return ws;
}

/** One cargo build (wasm-pack --no-opt) per set of RUSTFLAGS and sources, shared by the variants that use it. */
const raw = new Map();
function rawBuild(rustflags, name, patch) {
  const id = patch ? `patch:${name}` : rustflags;
  if (raw.has(id)) return raw.get(id);
  const key = patch ? `patch_${name}` : rustflags === '' ? 'default' : rustflags.replace(/[^a-z0-9]+/gi, '_');
  const out = join(SCRATCH, 'raw', key, 'pkg');
  rmSync(out, { recursive: true, force: true });
  const ws = patch ? patchedWorkspace(name, patch) : REPO;
  log(`cargo build (wasm-pack --no-opt): RUSTFLAGS="${rustflags}"${patch ? ` with ${name}'s source edits` : ''}`);
  execFileSync('wasm-pack', ['--log-level', 'warn', 'build', 'crate', '--target', 'web', '--release', '--no-opt', '--out-dir', out, '--out-name', 'twinbench'], {
    cwd: ws,
    env: { ...env, CARGO_TARGET_DIR: join(SCRATCH, 'raw', key, 'target'), RUSTFLAGS: rustflags },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  raw.set(id, out);
  return out;
}

function build(name) {
  const v = VARIANTS[name];
  const out = join(SCRATCH, name, 'pkg');
  rmSync(out, { recursive: true, force: true });
  cpSync(rawBuild(v.rustflags, name, v.patch), out, { recursive: true });
  log(`${name}: wasm-opt ${v.wasmOpt ? v.wasmOpt.join(' ') : '(none)'}`);
  const wasm = join(out, 'twinbench_bg.wasm');
  if (v.wasmOpt) execFileSync('wasm-opt', [...v.wasmOpt, wasm, '-o', wasm], { cwd: REPO, env, stdio: 'inherit' });
  return out;
}

function gz(buf) {
  return gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;
}

/** A copy of web/dist whose single-threaded wasm is the variant's. */
function scratchDist(name, pkg) {
  const glue = readFileSync(join(pkg, 'twinbench.js'), 'utf8');
  const projectGlue = readFileSync(join(REPO, 'web/src/wasm/st/twinbench.js'), 'utf8');
  if (glue !== projectGlue) throw new Error(`${name}: its JavaScript glue differs from the project's; swapping only the .wasm would not be the same page`);
  const dist = join(SCRATCH, name, 'dist');
  rmSync(dist, { recursive: true, force: true });
  cpSync(join(REPO, 'web/dist'), dist, { recursive: true });
  const projectWasm = readFileSync(join(REPO, 'web/src/wasm/st/twinbench_bg.wasm'));
  const assets = join(dist, 'assets');
  const target = readdirSync(assets).find((f) => f.endsWith('.wasm') && readFileSync(join(assets, f)).equals(projectWasm));
  if (!target) throw new Error('the single-threaded .wasm of web/dist is not web/src/wasm/st/twinbench_bg.wasm: run make build');
  cpSync(join(pkg, 'twinbench_bg.wasm'), join(assets, target));
  return dist;
}

/** Native criterion medians (ms) of `ids`, built from `ws` with `rustflags` in a scratch target dir. */
function nativeBench(key, ws, rustflags, ids) {
  const target = join(SCRATCH, 'native', key);
  log(`native criterion (${key}): ${ids.join(', ')}`);
  execFileSync('cargo', ['bench', '--bench', 'kernels', '--', ...settings(opts.quick).criterion, `^(${ids.join('|')})$`], {
    cwd: ws,
    env: { ...env, CARGO_TARGET_DIR: target, RUSTFLAGS: rustflags },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return Object.fromEntries(ids.map((id) => [id, JSON.parse(readFileSync(join(target, 'criterion', id, 'new/estimates.json'), 'utf8')).median.point_estimate / 1e6]));
}

/** Native counterparts: the project's sources and flags, against each variant's (same session, scratch dirs). */
const NATIVE = {
  'native-no-slp': { rustflags: '-C llvm-args=-vectorize-slp=false', ids: ['nbody'], what: 'native with LLVM\'s SLP vectoriser off (scalar f64, as wasm without simd128)' },
};

async function main() {
  const load = loadavg();
  log(`load average ${load.map((x) => x.toFixed(2)).join(' ')}`);
  mkdirSync(SCRATCH, { recursive: true });
  const names = ['baseline', ...opts.variants.split(',').filter((v) => v !== 'baseline')];
  for (const n of names) if (!VARIANTS[n]) throw new Error(`unknown variant ${n}; known: ${Object.keys(VARIANTS).join(', ')}`);
  const projectWasm = readFileSync(join(REPO, 'web/src/wasm/st/twinbench_bg.wasm'));
  const builds = {};
  for (const n of names) {
    const pkg = build(n);
    const wasm = readFileSync(join(pkg, 'twinbench_bg.wasm'));
    builds[n] = { pkg, bytes: wasm.length, gzip: gz(wasm), identical_to_project: wasm.equals(projectWasm), dist: scratchDist(n, pkg) };
    log(`${n}: ${wasm.length} bytes, gzip ${builds[n].gzip}${builds[n].identical_to_project ? ' (identical to the project build)' : ''}`);
  }
  // Native: the project's build and each counterpart, so a kernel edit is known not to cost native speed.
  const nativeIds = [...new Set(Object.values(NATIVE).flatMap((n) => n.ids))];
  const native = { project: nativeBench('project', REPO, '', nativeIds) };
  for (const [n, spec] of Object.entries(NATIVE)) {
    if (spec.rustflags === undefined && !names.includes(n)) continue;
    const ws = VARIANTS[n]?.patch ? join(SCRATCH, 'src', n) : REPO;
    native[n] = nativeBench(n, ws, spec.rustflags ?? '', spec.ids);
  }
  if (opts['build-only']) return;
  // The project's own dist is the reference every variant is compared with.
  const servers = { project: await serveDist({ repo: REPO }) };
  for (const n of names) servers[n] = await serveDist({ repo: REPO, root: builds[n].dist });
  const browser = await launch();
  let samples;
  try {
    const ctx = await browser.newContext();
    const pages = {};
    for (const n of Object.keys(servers)) pages[n] = await openPage(ctx, servers[n].url, log);
    const workloads = await pages.project.evaluate(() => window.twinbench.workloads());
    kernels ??= workloads.filter((w) => w.category).map((w) => w.id);
    samples = Object.fromEntries(['project', ...names].map((n) => [n, Object.fromEntries(kernels.map((k) => [k, []]))]));
    const defaults = (id) => Object.fromEntries(workloads.find((w) => w.id === id).params.map((p) => [p.name, p.default]));
    const req = opts.quick ? { maxSamples: 10, timeBudgetMs: 300 } : { maxSamples: 40, timeBudgetMs: 1500 };
    for (let r = 0; r < rounds; r++) {
      for (const k of kernels) {
        // Every page in turn, in a rotating order, so drift hits each variant alike.
        const order = Object.keys(pages);
        const rot = order.slice(r % order.length).concat(order.slice(0, r % order.length));
        for (const n of rot) {
          const res = await apiRun(pages[n], { workload: k, params: defaults(k), implementations: ['rust'], ...req });
          samples[n][k].push({ ms: res.implementations.rust.medianMs, output: res.output });
        }
        log(`round ${r + 1}/${rounds} ${k}: ${rot.map((n) => `${n} ${samples[n][k].at(-1).ms.toFixed(3)} ms`).join(', ')}`);
      }
    }
  } finally {
    await browser.close();
    for (const s of Object.values(servers)) await s.stop();
  }
  const result = {
    generated: new Date().toISOString(),
    load_average_before: load.map((x) => Number(x.toFixed(2))),
    load_average_after: loadavg().map((x) => Number(x.toFixed(2))),
    method:
      'Single-threaded wasm variants built in bench/tmp/flags (own CARGO_TARGET_DIR, wasm-pack --no-opt, then wasm-opt as listed), swapped into copies of web/dist ' +
      '(the JavaScript glue was checked identical), and measured with the page API (rust only, catalog defaults) in pages taking turns; ' +
      `each figure is the median over ${rounds} rounds of each run's median.`,
    variants: Object.fromEntries(names.map((n) => [n, { what: VARIANTS[n].what, rustflags: VARIANTS[n].rustflags, wasm_opt: VARIANTS[n].wasmOpt, bytes: builds[n].bytes, gzip: builds[n].gzip, identical_to_project: builds[n].identical_to_project }])),
    kernels: {},
    native: Object.fromEntries(
      Object.entries(native).map(([n, ms]) => [n, { what: n === 'project' ? 'native, the project\'s sources and flags' : NATIVE[n].what, ms, over_project: Object.fromEntries(Object.entries(ms).map(([id, v]) => [id, v / native.project[id]])) }]),
    ),
  };
  for (const k of kernels) {
    const proj = median(samples.project[k].map((s) => s.ms));
    result.kernels[k] = { project_ms: proj };
    for (const n of names) {
      const m = median(samples[n][k].map((s) => s.ms));
      const sameOutput = samples[n][k].every((s) => s.output === samples.project[k][0].output);
      result.kernels[k][n] = { median_ms: m, over_project: m / proj, same_output: sameOutput, runs_ms: samples[n][k].map((s) => s.ms) };
    }
  }
  writeFileSync(join(REPO, 'bench/flags.json'), `${JSON.stringify(result, null, 2)}\n`);
  log('wrote bench/flags.json');
  for (const k of kernels) log(`${k}: ${names.map((n) => `${n} ${result.kernels[k][n].over_project.toFixed(3)}`).join(', ')}`);
}

await main();
