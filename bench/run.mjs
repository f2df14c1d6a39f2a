#!/usr/bin/env node
// `make bench`: measure every number the site claims, in one run on one machine, against the
// physical limits, and write bench/report.json and bench/report.md.
//
//   native Rust (criterion) · native CPython · the page (headless Chromium, the engine's own
//   harness through window.twinbench): kernels, harness stability, thread scaling, worker
//   pools, start-up, Pyodide at the page caps · sizes of the built site · the environment
//
// Usage: node bench/run.mjs [--quick] [--only s1,s2] [--out DIR] [--no-cargo] [--render]
//   --quick     few samples, for developing the driver (writes bench/tmp/ unless --out)
//   --only      sections: native,cpython,kernels,stability,threads,pools,startup,caps,sizes
//   --no-cargo  reuse criterion's last estimates in target/criterion instead of running cargo bench
//   --render    measure nothing: rewrite report.md (and the derived parts of report.json) from
//               report.json and the current bench/flags.json
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EXECUTABLE, apiRun, firstRunInitScript, firstRunResult, launch, launchProfile, openPage } from './lib/browser.mjs';
import { explain, findings, releaseProfile } from './lib/explain.mjs';
import { fitAmdahl, medianOf, meets, spread } from './lib/fit.mjs';
import { renderMarkdown } from './lib/markdown.mjs';
import { serveDist } from './lib/serve.mjs';
import { siteSizes } from './lib/sizes.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SECTIONS = ['native', 'cpython', 'kernels', 'stability', 'threads', 'pools', 'startup', 'caps', 'sizes'];

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
    'no-cargo': { type: 'boolean', default: false },
    render: { type: 'boolean', default: false },
  },
});
const only = new Set(opts.only ? opts.only.split(',') : SECTIONS);
for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`unknown section ${s}; known: ${SECTIONS.join(', ')}`);
const OUT = resolve(REPO, opts.out ?? (opts.quick ? 'bench/tmp' : 'bench'));
const Q = opts.quick;

/** How long each part measures: the full run takes about 15-25 minutes on 2 cores. */
const S = {
  criterion: Q ? ['--warm-up-time', '0.5', '--measurement-time', '1'] : ['--warm-up-time', '2', '--measurement-time', '4'],
  cpython: Q ? ['--min-calls', '3', '--min-seconds', '0.2'] : ['--min-calls', '7', '--min-seconds', '2'],
  kernel: Q ? { maxSamples: 10, timeBudgetMs: 600 } : { maxSamples: 80, timeBudgetMs: 5000 },
  stability: Q ? { maxSamples: 10, timeBudgetMs: 500 } : { maxSamples: 60, timeBudgetMs: 3000 },
  threads: Q ? { maxSamples: 8, timeBudgetMs: 500 } : { maxSamples: 40, timeBudgetMs: 3000 },
  pools: Q ? { maxSamples: 8, timeBudgetMs: 800 } : { maxSamples: 40, timeBudgetMs: 5000 },
  startupRepeats: Q ? 1 : 3,
  stabilityRepeats: 5,
};

/** Mandelbrot "at a large n" for the thread-scaling target (its page_max_rust is 4500). */
const MANDELBROT_LARGE = { n: 4000 };

/** Targets on this 2-core machine (the table). */
const LOOP_KERNELS = ['nbody', 'spectral-norm', 'mandelbrot', 'fannkuch-redux'];
const CALL_KERNELS = ['fib', 'binary-trees', 'orders-json'];
const TARGETS = {
  wasm_loop: 1.25,
  wasm_call: 2.0,
  threads_mandelbrot_2: 1.8,
  python_pool_2: 1.7,
  first_rust_result_ms: 1000,
  pyodide_cold_ms: 3000,
  pyodide_warm_ms: 1500,
  rust_wasm_single_gzip: 150_000,
  widget_before_run_gzip: 60_000,
  ratio_spread: 1.1,
};
/** A Pyodide call at a page cap should take about 2-3 s; longer than this is flagged. */
const CAP_FLAG_MS = 4000;

const started = Date.now();
function log(msg) {
  const t = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[bench ${t}s] ${msg}\n`);
}


const round = (x, d = 3) => (x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(d)));

function sh(cmd, args, extra = {}) {
  return execFileSync(cmd, args, { cwd: REPO, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], ...extra }).trim();
}

function tryText(fn) {
  try {
    return fn();
  } catch {
    return null;
  }
}

// The catalog is the page's (window.twinbench.workloads()): the one source of workloads and defaults.
function defaults(w) {
  return Object.fromEntries(w.params.map((p) => [p.name, p.default]));
}

// ---------------------------------------------------------------------------------------------
// Native Rust: criterion, median of its samples (target/criterion/<id>/new/estimates.json, ns).
function nativeRust(ids) {
  if (!opts['no-cargo']) {
    log('native Rust: cargo bench --bench kernels (criterion)');
    const r = spawnSync('cargo', ['bench', '--bench', 'kernels', '--', ...S.criterion], {
      cwd: REPO,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`cargo bench failed (${r.status})`);
  }
  const read = (dir) => {
    const f = join(REPO, 'target/criterion', dir, 'new/estimates.json');
    if (!existsSync(f)) return null;
    const e = JSON.parse(readFileSync(f, 'utf8'));
    return { median_ms: e.median.point_estimate / 1e6, ci95_ms: [e.median.confidence_interval.lower_bound / 1e6, e.median.confidence_interval.upper_bound / 1e6] };
  };
  const out = {};
  for (const id of ids) out[id] = read(id);
  out['mandelbrot-4000/sequential'] = read('mandelbrot-4000/sequential');
  out['mandelbrot-4000/parallel'] = read('mandelbrot-4000/parallel');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Native CPython: the twins at the same parameters (bench/cpython.py).
function nativeCPython(cases) {
  const py = process.env.CPYTHON ?? join(REPO, '.venv/bin/python');
  log(`native CPython (${py}): ${cases.length} cases`);
  const out = sh(py, ['bench/cpython.py', ...S.cpython], { input: JSON.stringify(cases), maxBuffer: 64 << 20 });
  return JSON.parse(out);
}

/** The same pool split on native CPython's multiprocessing.Pool: the limit of the pool speedup here. */
function nativeCPythonPool(w, sizes) {
  const py = process.env.CPYTHON ?? join(REPO, '.venv/bin/python');
  log(`native CPython multiprocessing.Pool: ${w.id} at ${sizes.join(', ')} workers`);
  const out = JSON.parse(sh(py, ['bench/cpython.py', '--pool', sizes.join(','), '--min-calls', Q ? '5' : '15'], { input: JSON.stringify([{ workload: w.id, params: defaults(w) }]) }));
  const r = out.results[0];
  const one = r.by_workers.find((x) => x.workers === 1);
  const top = r.by_workers[r.by_workers.length - 1];
  return { ...r, workers: top.workers, steady_speedup: one.median_ms / top.median_ms };
}

/** Pyodide's load in Node, plain and from a memory snapshot (bench/pyodide-node.mjs). */
function pyodideInNode() {
  log('Pyodide in Node: loadPyodide, plain and from a memory snapshot');
  return JSON.parse(sh(process.execPath, ['bench/pyodide-node.mjs', '--repeats', String(S.startupRepeats)], { maxBuffer: 16 << 20 }));
}

// ---------------------------------------------------------------------------------------------
function summary(impl) {
  if (!impl) return null;
  return {
    median_ms: impl.medianMs,
    ci95_ms: impl.ci95Ms,
    mad_ms: impl.madMs,
    samples: impl.samplesMs.length,
    batch: impl.batch,
    noisy: impl.noisy,
    ...(impl.threads !== undefined ? { threads: impl.threads } : {}),
    ...(impl.coldDetailMs ? { cold_ms: impl.coldDetailMs } : {}),
  };
}

async function kernelsSection(page, workloads) {
  const out = {};
  for (const w of workloads) {
    log(`kernels: ${w.id} python vs rust`);
    const r = await apiRun(page, { workload: w.id, params: defaults(w), implementations: ['python', 'rust'], ...S.kernel });
    out[w.id] = {
      params: r.params,
      verified: r.verified,
      output: r.output,
      flags: r.flags,
      python: summary(r.implementations.python),
      rust: summary(r.implementations.rust),
      python_over_rust: r.ratios['python/rust'] ?? null,
    };
  }
  return out;
}

async function stabilitySection(page, fib) {
  const repeats = [];
  for (let i = 0; i < S.stabilityRepeats; i++) {
    log(`stability: fib repeat ${i + 1}/${S.stabilityRepeats}`);
    const r = await apiRun(page, { workload: 'fib', params: defaults(fib), implementations: ['python', 'rust'], ...S.stability });
    repeats.push({
      verified: r.verified,
      ratio: r.ratios['python/rust']?.value ?? null,
      ratio_ci95: r.ratios['python/rust']?.ci95 ?? null,
      python_ms: r.implementations.python.medianMs,
      rust_ms: r.implementations.rust.medianMs,
      flags: r.flags,
    });
  }
  const ratios = repeats.map((x) => x.ratio).filter((x) => x !== null);
  return {
    workload: 'fib',
    params: defaults(fib),
    repeats,
    ratio_spread: ratios.length === repeats.length ? spread(ratios) : null,
    python_spread: spread(repeats.map((x) => x.python_ms)),
    rust_spread: spread(repeats.map((x) => x.rust_ms)),
  };
}

/** rust-threads at 1..hardwareConcurrency threads, each run interleaved with single-threaded rust. */
async function threadsSection(page, cases, hc) {
  const out = {};
  for (const c of cases) {
    const rows = [];
    for (let t = 1; t <= hc; t++) {
      log(`threads: ${c.key} ${JSON.stringify(c.params)} at ${t} thread(s)`);
      const r = await apiRun(page, { workload: c.id, params: c.params, implementations: ['rust', 'rust-threads'], threads: t, ...S.threads });
      const rt = r.implementations['rust-threads'];
      rows.push({
        threads: t,
        threads_seen: rt.threads ?? null,
        verified: r.verified,
        rust_ms: r.implementations.rust.medianMs,
        rust_threads_ms: rt.medianMs,
        rust_threads_ci95_ms: rt.ci95Ms,
        speedup_vs_rust: r.ratios['rust/rust-threads']?.value ?? null,
        speedup_vs_rust_ci95: r.ratios['rust/rust-threads']?.ci95 ?? null,
        cold_ms: rt.coldDetailMs ?? null,
        flags: r.flags,
      });
    }
    const one = rows.find((x) => x.threads === 1);
    for (const row of rows) {
      row.speedup_vs_threads1 = one ? one.rust_threads_ms / row.rust_threads_ms : null;
      row.efficiency = row.speedup_vs_rust !== null ? row.speedup_vs_rust / row.threads : null;
    }
    const top = rows[rows.length - 1];
    const fit = fitAmdahl(rows.filter((x) => x.speedup_vs_rust !== null).map((x) => ({ n: x.threads, speedup: x.speedup_vs_rust })));
    const fit1 = fitAmdahl(rows.map((x) => ({ n: x.threads, speedup: x.speedup_vs_threads1 })));
    out[c.key] = {
      workload: c.id,
      params: c.params,
      baseline: 'single-threaded rust, measured interleaved in the same run',
      threads: top.threads,
      speedup: top.speedup_vs_rust,
      efficiency: top.efficiency,
      speedup_vs_threads1: top.speedup_vs_threads1,
      efficiency_vs_threads1: top.speedup_vs_threads1 / top.threads,
      amdahl_p: fit?.p ?? null,
      amdahl_rmse: fit?.rmse ?? null,
      amdahl_p_vs_threads1: fit1?.p ?? null,
      verified: rows.every((x) => x.verified),
      by_threads: rows,
    };
  }
  return out;
}

/**
 * A worker pool (python-pool / rust-pool) on fib-batch at 1 and 2 workers. Each size starts
 * in a fresh page, alone, so its start is a fresh pool's; then it is measured interleaved with
 * the single worker of its language (which also shows the pool's overhead).
 */
async function poolsSection(context, url, fibBatch, sizes) {
  const out = {};
  for (const kind of ['python', 'rust']) {
    const impl = `${kind}-pool`;
    const bySize = [];
    for (const n of sizes) {
      log(`pools: ${impl} with ${n} worker(s)`);
      const page = await openPage(context, url, log);
      try {
        const params = defaults(fibBatch);
        const first = await apiRun(page, { workload: 'fib-batch', params, implementations: [impl], threads: n, maxSamples: 3, timeBudgetMs: 1 });
        const r = await apiRun(page, { workload: 'fib-batch', params, implementations: [kind, impl], threads: n, ...S.pools });
        bySize.push({
          workers: n,
          start_ms: first.implementations[impl].coldDetailMs?.poolStart ?? null,
          verified: first.verified && r.verified,
          pool_ms: r.implementations[impl].medianMs,
          pool_ci95_ms: r.implementations[impl].ci95Ms,
          single_ms: r.implementations[kind].medianMs,
          speedup_vs_single: r.ratios[`${kind}/${impl}`]?.value ?? null,
          speedup_vs_single_ci95: r.ratios[`${kind}/${impl}`]?.ci95 ?? null,
          flags: r.flags,
        });
      } finally {
        await page.close();
      }
    }
    const one = bySize.find((x) => x.workers === 1);
    const top = bySize[bySize.length - 1];
    out[kind] = {
      workload: 'fib-batch',
      params: defaults(fibBatch),
      workers: top.workers,
      steady_speedup: one.pool_ms / top.pool_ms,
      // The same, with drift between the two pages cancelled by each page's single worker.
      steady_speedup_drift_corrected: one.pool_ms / one.single_ms / (top.pool_ms / top.single_ms),
      start_ms: top.start_ms,
      // One call including the pool's start: what a first Run costs.
      first_call_speedup: (one.start_ms + one.pool_ms) / (top.start_ms + top.pool_ms),
      by_workers: bySize,
    };
  }
  return out;
}

/**
 * Start-up, each in a fresh browser profile (empty HTTP and code caches: a first visit); the
 * warm Pyodide start is a second load in the same profile, answered by the HTTP cache (304).
 */
async function startupSection(server, hc) {
  const rust = [];
  const pyCold = [];
  const pyWarm = [];
  const pool = [];
  const rustReq = { workload: 'fib', params: { n: 20 }, implementations: ['rust'], maxSamples: 1, timeBudgetMs: 1 };
  // A Python call of ~30 ms keeps the batch at 1, so the time of the run after ready is known.
  const pyReq = { workload: 'fib', params: { n: 25 }, implementations: ['python'], maxSamples: 1, timeBudgetMs: 1 };
  const pyFigures = (r) => {
    const p = r.result.implementations.python;
    const afterReady = p.batch === 1 ? [...p.warmupMs, ...p.samplesMs].reduce((a, b) => a + b, 0) : null;
    return {
      nav_to_result_ms: r.resultMs,
      nav_to_ready_ms: afterReady !== null ? r.resultMs - afterReady : null,
      api_ready_ms: r.apiReadyMs,
      pyodide_load_ms: p.coldDetailMs?.pyodideLoad ?? null,
      snapshot_fetch_ms: p.coldDetailMs?.snapshotFetch ?? null,
      from_snapshot: r.result.environment?.pyodideFromSnapshot ?? null,
      package_import_ms: p.coldDetailMs?.packageImport ?? null,
    };
  };
  const requestsSince = (n0) => {
    const rs = server.requests.slice(n0);
    return { requests: rs.length, status_200: rs.filter((q) => q.status === 200).length, status_304: rs.filter((q) => q.status === 304).length, bytes_sent: rs.reduce((a, q) => a + q.bytes, 0) };
  };
  const profile = () => mkdtempSync(join(REPO, 'bench/tmp/profile-'));
  mkdirSync(join(REPO, 'bench/tmp'), { recursive: true });
  for (let i = 0; i < S.startupRepeats; i++) {
    log(`startup: first Rust result, fresh profile ${i + 1}/${S.startupRepeats}`);
    {
      const dir = profile();
      const ctx = await launchProfile(dir);
      try {
        await ctx.addInitScript({ content: firstRunInitScript(rustReq) });
        const page = await ctx.newPage();
        await page.goto(server.url);
        const r = await firstRunResult(page);
        const nav = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.toJSON() ?? null);
        // The threaded build, in the same fresh profile: its wasm and initThreadPool, cold.
        const t = await apiRun(page, { workload: 'fib-batch', params: { count: 2, n: 10 }, implementations: ['rust-threads'], threads: hc, maxSamples: 1, timeBudgetMs: 1 });
        rust.push({
          first_rust_result_ms: r.resultMs,
          api_ready_ms: r.apiReadyMs,
          dom_content_loaded_ms: nav?.domContentLoadedEventEnd ?? null,
          rust_init_ms: r.result.implementations.rust.coldDetailMs?.wasmInit ?? null,
          threads_wasm_init_ms: t.implementations['rust-threads'].coldDetailMs?.wasmInit ?? null,
          thread_pool_init_ms: t.implementations['rust-threads'].coldDetailMs?.threadPoolInit ?? null,
          threads: t.implementations['rust-threads'].threads ?? null,
        });
      } finally {
        await ctx.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
    log(`startup: Pyodide cold then warm, fresh profile ${i + 1}/${S.startupRepeats}`);
    {
      const dir = profile();
      const ctx = await launchProfile(dir);
      try {
        await ctx.addInitScript({ content: firstRunInitScript(pyReq) });
        let n0 = server.requests.length;
        let page = await ctx.newPage();
        await page.goto(server.url);
        pyCold.push({ ...pyFigures(await firstRunResult(page)), ...requestsSince(n0) });
        await page.close();
        // The second load: the same profile, so the HTTP cache answers (ETag, 304).
        n0 = server.requests.length;
        page = await ctx.newPage();
        await page.goto(server.url);
        pyWarm.push({ ...pyFigures(await firstRunResult(page)), ...requestsSince(n0) });
        // A pool's start in a page whose Pyodide files are cached (as after a first Run).
        const p = await apiRun(page, { workload: 'fib-batch', params: { count: 2, n: 10 }, implementations: ['python-pool'], threads: hc, maxSamples: 1, timeBudgetMs: 1 });
        pool.push({ workers: hc, python_pool_start_ms: p.implementations['python-pool'].coldDetailMs?.poolStart ?? null });
      } finally {
        await ctx.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  const med = (xs, k) => medianOf(xs.map((x) => x[k]));
  return {
    repeats: S.startupRepeats,
    pyodide_cold_ms: med(pyCold, 'nav_to_ready_ms'),
    pyodide_warm_ms: med(pyWarm, 'nav_to_ready_ms'),
    pyodide_cold_load_in_worker_ms: med(pyCold, 'pyodide_load_ms'),
    pyodide_warm_load_in_worker_ms: med(pyWarm, 'pyodide_load_ms'),
    rust_init_ms: med(rust, 'rust_init_ms'),
    threads_wasm_init_ms: med(rust, 'threads_wasm_init_ms'),
    thread_pool_init_ms: med(rust, 'thread_pool_init_ms'),
    thread_pool_threads: hc,
    python_pool_start_ms: med(pool, 'python_pool_start_ms'),
    first_rust_result_ms: med(rust, 'first_rust_result_ms'),
    runs: { rust, pyodide_cold: pyCold, pyodide_warm: pyWarm, python_pool: pool },
  };
}

/** Pyodide per call with each parameter at its page_max_python (the others at their defaults). */
async function capsSection(page, workloads, pyodideDefaults) {
  const rows = [];
  for (const w of workloads) {
    const base = defaults(w);
    for (const p of w.params) {
      if (p.type === 'choice' || p.page_max_python === undefined || p.page_max_python === p.default) continue;
      const params = { ...base, [p.name]: p.page_max_python };
      log(`caps: ${w.id} ${p.name}=${p.page_max_python} (Pyodide)`);
      const r = await apiRun(page, { workload: w.id, params, implementations: ['python'], maxSamples: 1, timeBudgetMs: 1 });
      const py = r.implementations.python;
      rows.push({
        workload: w.id,
        param: p.name,
        value: p.page_max_python,
        params: r.params,
        pyodide_ms: py.medianMs,
        warmup_call_ms: py.warmupMs[0] ?? null,
        over_flag: py.medianMs > CAP_FLAG_MS,
      });
    }
  }
  // Every capped parameter at once, as the page allows, estimated from the one-at-a-time times
  // (the work of these kernels is a product of their parameters' factors).
  const combined = [];
  for (const w of workloads) {
    const mine = rows.filter((r) => r.workload === w.id);
    const t0 = pyodideDefaults[w.id];
    if (mine.length < 2 || !t0) continue;
    const est = mine.reduce((acc, r) => acc * (r.pyodide_ms / t0), t0);
    combined.push({ workload: w.id, params: Object.fromEntries(mine.map((r) => [r.param, r.value])), estimated_pyodide_ms: est, over_flag: est > CAP_FLAG_MS });
  }
  return { flag_ms: CAP_FLAG_MS, rows, all_caps_at_once_estimated: combined };
}

// ---------------------------------------------------------------------------------------------
function environmentFacts() {
  const cpuinfo = tryText(() => readFileSync('/proc/cpuinfo', 'utf8')) ?? '';
  const model = cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? null;
  const flags = cpuinfo.match(/^flags\s*:\s*(.+)$/m)?.[1]?.split(' ') ?? [];
  return {
    cpu_model: model,
    cpu_mhz: cpus()[0]?.speed ?? null,
    cpu_flags_simd: flags.filter((f) => /^(sse4_2|avx|avx2|fma|avx512f)$/.test(f)),
    cores: cpus().length,
    memory_gib: round(totalmem() / 2 ** 30, 1),
    os: tryText(() => readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]+)/m)?.[1]),
    kernel: tryText(() => sh('uname', ['-r'])),
    node: process.version,
    rustc: tryText(() => sh('rustc', ['--version'])),
    git_commit: tryText(() => sh('git', ['rev-parse', '--short', 'HEAD'])),
    git_dirty: tryText(() => sh('git', ['status', '--porcelain']).length > 0),
  };
}

function targetRows(report) {
  const rows = [];
  const add = (figure, value, target, kind, unit, note = null) =>
    rows.push({ figure, value: value ?? null, target, kind, unit, met: meets(value ?? null, target, kind), note });
  for (const id of LOOP_KERNELS) add(`wasm / native, ${id}`, report.kernels?.[id]?.wasm_over_native, TARGETS.wasm_loop, 'max', 'x');
  for (const id of CALL_KERNELS) add(`wasm / native, ${id}`, report.kernels?.[id]?.wasm_over_native, TARGETS.wasm_call, 'max', 'x');
  const tm = report.threads?.mandelbrot;
  add(`rust-threads speedup, ${tm?.threads ?? 2} threads, mandelbrot n=${MANDELBROT_LARGE.n}`, tm?.speedup, TARGETS.threads_mandelbrot_2, 'min', 'x');
  add(`python-pool steady-state speedup, ${report.pool?.python?.workers ?? 2} workers, fib-batch`, report.pool?.python?.steady_speedup, TARGETS.python_pool_2, 'min', 'x');
  add('first Rust result after navigation', report.startup?.first_rust_result_ms, TARGETS.first_rust_result_ms, 'max', 'ms');
  add('Pyodide cold start (navigation to ready, no cache)', report.startup?.pyodide_cold_ms, TARGETS.pyodide_cold_ms, 'max', 'ms');
  add('Pyodide warm start (second load, HTTP cache)', report.startup?.pyodide_warm_ms, TARGETS.pyodide_warm_ms, 'max', 'ms');
  add('single-threaded wasm, gzip', report.sizes_gzip_bytes?.rust_wasm_single, TARGETS.rust_wasm_single_gzip, 'max', 'B');
  add('widget before Run, gzip', report.sizes_gzip_bytes?.widget_before_run, TARGETS.widget_before_run_gzip, 'max', 'B', 'there is no widget yet');
  add('spread of the fib ratio over 5 repeats (max/min)', report.harness?.ratio_spread, TARGETS.ratio_spread, 'max', 'x');
  return rows;
}

// ---------------------------------------------------------------------------------------------
async function main() {
  mkdirSync(OUT, { recursive: true });
  const loadBefore = loadavg();
  log(`load average before: ${loadBefore.map((x) => x.toFixed(2)).join(' ')}; sections: ${[...only].join(',')}${Q ? ' (quick)' : ''}`);
  const dist = join(REPO, 'web/dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('web/dist is missing: run make build (make bench does)');

  const server = await serveDist({ repo: REPO });
  const browser = await launch();
  const ctx = await browser.newContext();
  const page = await openPage(ctx, server.url, log);
  const workloads = await page.evaluate(() => window.twinbench.workloads());
  const hc = await page.evaluate(() => navigator.hardwareConcurrency);
  const ids = workloads.map((w) => w.id);
  const byId = Object.fromEntries(workloads.map((w) => [w.id, w]));
  const report = {
    generated: new Date().toISOString(),
    quick: Q,
    settings: S,
    targets: TARGETS,
    environment: { ...environmentFacts(), load_average_before: loadBefore.map((x) => round(x, 2)) },
  };

  // Native first, while the page sits idle (no worker has started yet).
  const native = only.has('native') ? nativeRust(ids) : null;
  const cpy = only.has('cpython') ? nativeCPython(workloads.map((w) => ({ workload: w.id, params: defaults(w) }))) : null;
  if (cpy) report.environment.cpython = { version: cpy.python, implementation: cpy.implementation, executable: cpy.executable };

  report.environment.browser = `Chromium ${browser.version()} (headless, ${EXECUTABLE})`;
  let browserKernels = null;
  try {
    if (only.has('kernels')) browserKernels = await kernelsSection(page, workloads);
    if (only.has('stability')) report.harness = await stabilitySection(page, byId.fib);
    if (only.has('threads')) {
      const cases = workloads
        .filter((w) => w.parallel)
        .map((w) => (w.id === 'mandelbrot' ? { key: w.id, id: w.id, params: { ...defaults(w), ...MANDELBROT_LARGE } } : { key: w.id, id: w.id, params: defaults(w) }));
      report.threads = await threadsSection(page, cases, hc);
    }
    if (only.has('caps')) {
      const pyDefaults = Object.fromEntries(Object.entries(browserKernels ?? {}).map(([id, k]) => [id, k.python?.median_ms]));
      report.pyodide_at_caps = await capsSection(page, workloads, pyDefaults);
    }
    // The page's own view of the environment, now that Pyodide has started.
    await apiRun(page, { workload: 'fib', params: { n: 5 }, implementations: ['python'], maxSamples: 1, timeBudgetMs: 1 });
    const env = await page.evaluate(() => window.twinbench.environment());
    report.environment.page = env;
    await page.close();
    if (only.has('pools')) {
      const sizes = [...new Set([1, Math.min(2, hc), hc])].filter((n) => n >= 1 && n <= 8).sort((a, b) => a - b);
      report.pool = await poolsSection(ctx, server.url, byId['fib-batch'], sizes);
    }
    await ctx.close();
    if (only.has('startup')) {
      report.startup = await startupSection(server, hc);
      report.startup.pyodide_in_node = pyodideInNode();
    }
  } finally {
    await browser.close();
    await server.stop();
  }

  if (browserKernels || native || cpy) {
    report.kernels = {};
    for (const id of ids) {
      const k = browserKernels?.[id];
      const n = native?.[id];
      const c = cpy?.results.find((x) => x.workload === id);
      const wasm = k?.rust?.median_ms ?? null;
      const pyo = k?.python?.median_ms ?? null;
      report.kernels[id] = {
        params: k?.params ?? defaults(byId[id]),
        native_rust_ms: n?.median_ms ?? null,
        wasm_rust_ms: wasm,
        wasm_over_native: n && wasm !== null ? wasm / n.median_ms : null,
        cpython_ms: c?.median_ms ?? null,
        pyodide_ms: pyo,
        pyodide_over_cpython: c && pyo !== null ? pyo / c.median_ms : null,
        python_over_rust: k?.python_over_rust?.value ?? null,
        python_over_rust_ci95: k?.python_over_rust?.ci95 ?? null,
        verified: k?.verified ?? null,
        cpython_output_matches: k && c ? c.output === k.output : null,
        category: LOOP_KERNELS.includes(id) ? 'loop' : CALL_KERNELS.includes(id) ? 'call' : 'other',
        detail: { native: n ?? null, cpython: c ?? null, browser: k ?? null },
      };
    }
    if (native?.['mandelbrot-4000/sequential']) {
      const s = native['mandelbrot-4000/sequential'];
      const p = native['mandelbrot-4000/parallel'];
      report.native_threads = {
        mandelbrot: { params: MANDELBROT_LARGE, sequential_ms: s.median_ms, parallel_ms: p?.median_ms ?? null, speedup: p ? s.median_ms / p.median_ms : null, threads: cpus().length },
      };
      const tm = report.threads?.mandelbrot;
      if (tm) {
        const row1 = tm.by_threads.find((x) => x.threads === 1);
        tm.native_speedup = report.native_threads.mandelbrot.speedup;
        tm.wasm_over_native_sequential = row1 ? row1.rust_ms / s.median_ms : null;
      }
    }
  }
  if (report.pool) {
    report.pool.python.native_cpython = nativeCPythonPool(byId['fib-batch'], report.pool.python.by_workers.map((x) => x.workers));
    for (const k of ['python', 'rust']) report.pool[k].amdahl_p = fitAmdahl(report.pool[k].by_workers.map((x) => ({ n: x.workers, speedup: report.pool[k].by_workers[0].pool_ms / x.pool_ms })))?.p ?? null;
  }
  if (only.has('sizes')) {
    const s = await siteSizes(dist);
    report.sizes = s;
    report.sizes_gzip_bytes = {
      rust_wasm_single: s.wasm.single?.gzip ?? null,
      rust_wasm_threads: s.wasm.threads?.gzip ?? null,
      main_js: s.main_js.gzip,
      pyodide: s.pyodide_total.gzip,
      widget_before_run: null,
      widget_before_run_note: 'there is no embeddable widget yet (embed.html does not exist in web/dist)',
    };
  }
  report.environment.load_average_after = loadavg().map((x) => round(x, 2));
  report.environment.duration_s = Math.round((Date.now() - started) / 1000);
  write(report);
}

/** The parts derived from the measurements (and bench/flags.json), then both files. */
function write(report) {
  const flagsFile = join(REPO, 'bench/flags.json');
  if (existsSync(flagsFile)) report.flag_experiments = JSON.parse(readFileSync(flagsFile, 'utf8'));
  report.target_rows = targetRows(report);
  report.build_profile = releaseProfile(REPO);
  report.explanations = explain(report, REPO);
  report.findings = findings(report);
  writeFileSync(join(OUT, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(OUT, 'report.md'), renderMarkdown(report));
  log(`wrote ${join(OUT, 'report.json')} and report.md`);
  for (const r of report.target_rows) log(`  ${r.met === null ? '  -  ' : r.met ? ' met ' : 'MISSED'} ${r.figure}: ${r.value === null ? 'n/a' : round(r.value, 3)} (${r.kind === 'max' ? '<=' : '>='} ${r.target})`);
}

if (opts.render) write(JSON.parse(readFileSync(join(OUT, 'report.json'), 'utf8')));
else await main();
