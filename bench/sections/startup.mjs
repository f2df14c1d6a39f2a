// Start-up, each in a fresh browser profile (empty HTTP and code caches: a first visit); the
// warm Pyodide start is a second load in the same profile, answered by the HTTP cache (304).
// "Python ready" is the page's `twinbench:ready:python` mark (the bridge sets it when the worker
// has loaded Pyodide and imported the package); the click figure runs from a click on a page's
// Run button to its `twinbench:first-result:python` mark. Plus Pyodide's own load in Node.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PROBES } from '../config.mjs';
import { apiRun, firstRunInitScript, firstRunResult, launchProfile } from '../lib/browser.mjs';
import { bound, kb, ms, params, table, times } from '../lib/md.mjs';
import { pyodideInNode } from '../lib/native.mjs';
import { medianOf } from '../lib/ts.mjs';
import { row } from '../targets.mjs';

/** The Python worker's cold phases (web/src/workers/python.worker.ts), in order; they add up to its start. */
const PHASES = ['download', 'compile', 'snapshotInflate', 'restore', 'packageImport'];

/** The page's first User Timing mark called `name`, in ms after navigation (null if none). */
const markAt = (page, name) => page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? null, name);

async function pyFigures(page, r) {
  const p = r.result.implementations.python;
  const afterReady = p.batch === 1 ? [...p.warmupMs, ...p.samplesMs].reduce((a, b) => a + b, 0) : null;
  const cold = p.coldDetailMs ?? {};
  return {
    nav_to_ready_ms: await markAt(page, 'twinbench:ready:python'),
    nav_to_first_result_ms: await markAt(page, 'twinbench:first-result:python'),
    nav_to_result_ms: r.resultMs,
    // The figure before the ready mark existed: the run's result less the calls' own time (it
    // counts the harness's warm-up and overhead probes, and the Rust worker the timer tick needs).
    nav_to_result_less_calls_ms: afterReady !== null ? r.resultMs - afterReady : null,
    api_ready_ms: r.apiReadyMs,
    worker_start_ms: PHASES.some((k) => k in cold) ? PHASES.reduce((a, k) => a + (cold[k] ?? 0), 0) : (p.coldMs ?? null),
    phases_ms: Object.fromEntries(PHASES.map((k) => [k, cold[k] ?? null])),
    first_call_ms: p.warmupMs[0] ?? null,
    from_snapshot: r.result.environment?.pyodideFromSnapshot ?? null,
    twins_from_snapshot: r.result.environment?.pythonTwinsFromSnapshot ?? null,
  };
}

/** gzip -9 sizes of the site's files, as a static host that compresses would send them. */
function gzipSizer(dist) {
  const cache = new Map();
  return (path) => {
    const rel = decodeURIComponent(path.split('?')[0]).replace(/^\/+/, '');
    // A directory (w/fib/) is served as its index.html, as a static host does.
    const file = join(dist, rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel);
    if (!cache.has(file)) cache.set(file, existsSync(file) && statSync(file).isFile() ? gzipSync(readFileSync(file), { level: 9 }).length : 0);
    return cache.get(file);
  };
}

/** The page whose Run button the click figure uses: a workload page where the site has them. */
function clickPage(dist) {
  return existsSync(join(dist, 'w/fib/index.html')) ? { path: 'w/fib/', button: '#run' } : { path: '', button: '#run' };
}

/** Installed before any page script: the time of the first click on `button`, on the page's clock. */
function clickInitScript(button) {
  const watch = (sel) => {
    document.addEventListener('pointerdown', (e) => {
      if (window.__benchClick === undefined && e.target instanceof Element && e.target.closest(sel)) window.__benchClick = performance.now();
    }, true);
  };
  return `(${watch.toString()})(${JSON.stringify(button)});`;
}

/** A fresh browser profile for `fn(context)`, removed afterwards. */
async function inFreshProfile(repo, fn) {
  mkdirSync(join(repo, 'bench/tmp'), { recursive: true });
  const dir = mkdtempSync(join(repo, 'bench/tmp/profile-'));
  const ctx = await launchProfile(dir);
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(ctx) {
  const { server, hc, S } = ctx;
  const runs = { rust: [], pyodide_cold: [], pyodide_warm: [], python_pool: [], click: [] };
  const gz = gzipSizer(ctx.dist);
  const requestsSince = (n0) => {
    const rs = server.requests.slice(n0);
    const full = rs.filter((q) => q.status === 200);
    return {
      requests: rs.length,
      status_200: full.length,
      status_304: rs.filter((q) => q.status === 304).length,
      bytes_sent: rs.reduce((a, q) => a + q.bytes, 0),
      bytes_gzip: full.reduce((a, q) => a + gz(q.path), 0),
    };
  };
  const click = clickPage(ctx.dist);
  for (let i = 0; i < S.startupRepeats; i++) {
    ctx.log(`startup: first Rust result, fresh profile ${i + 1}/${S.startupRepeats}`);
    await inFreshProfile(ctx.repo, async (bc) => {
      await bc.addInitScript({ content: firstRunInitScript(PROBES.rust) });
      const page = await bc.newPage();
      await page.goto(server.url);
      const r = await firstRunResult(page);
      const nav = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.toJSON() ?? null);
      // The threaded build, in the same fresh profile: its wasm and initThreadPool, cold.
      const t = (await apiRun(page, PROBES.pool(['rust-threads'], hc))).implementations['rust-threads'];
      runs.rust.push({
        first_rust_result_ms: r.resultMs,
        api_ready_ms: r.apiReadyMs,
        dom_content_loaded_ms: nav?.domContentLoadedEventEnd ?? null,
        rust_init_ms: wasmInitMs(r.result.implementations.rust.coldDetailMs),
        threads_wasm_init_ms: wasmInitMs(t.coldDetailMs),
        thread_pool_init_ms: t.coldDetailMs?.threadPoolInit ?? null,
        threads: t.threads ?? null,
      });
    });
    ctx.log(`startup: Pyodide cold then warm, fresh profile ${i + 1}/${S.startupRepeats}`);
    await inFreshProfile(ctx.repo, async (bc) => {
      await bc.addInitScript({ content: firstRunInitScript(PROBES.python) });
      let n0 = server.requests.length;
      let page = await bc.newPage();
      await page.goto(server.url);
      runs.pyodide_cold.push({ ...(await pyFigures(page, await firstRunResult(page))), ...requestsSince(n0) });
      await page.close();
      // The second load: the same profile, so the HTTP cache answers (ETag, 304).
      n0 = server.requests.length;
      page = await bc.newPage();
      await page.goto(server.url);
      runs.pyodide_warm.push({ ...(await pyFigures(page, await firstRunResult(page))), ...requestsSince(n0) });
      // A pool's start in a page whose Pyodide files are cached (as after a first Run).
      const p = await apiRun(page, PROBES.pool(['python-pool'], hc));
      runs.python_pool.push({ workers: hc, python_pool_start_ms: p.implementations['python-pool'].coldDetailMs?.poolStart ?? null });
    });
    ctx.log(`startup: click on Run to the first Python result (${click.path || 'index.html'}), fresh profile ${i + 1}/${S.startupRepeats}`);
    await inFreshProfile(ctx.repo, async (bc) => {
      await bc.addInitScript({ content: clickInitScript(click.button) });
      const n0 = server.requests.length;
      const page = await bc.newPage();
      await page.goto(new URL(click.path, server.url).href, { waitUntil: 'load' });
      const loadMs = await page.evaluate(() => performance.now());
      await page.click(click.button); // as a visitor would: the pointer moves onto Run, then presses it
      await page.waitForFunction(() => performance.getEntriesByName('twinbench:first-result:python').length > 0, undefined, { timeout: 120_000 });
      const at = await page.evaluate(() => ({ click: window.__benchClick ?? null, first: performance.getEntriesByName('twinbench:first-result:python')[0].startTime }));
      runs.click.push({ page: click.path || 'index.html', load_ms: loadMs, click_ms: at.click, first_python_ms: at.first, click_to_first_python_ms: at.click !== null ? at.first - at.click : null, ...requestsSince(n0) });
    });
  }
  ctx.log('Pyodide in Node: loadPyodide, plain and from a memory snapshot');
  return { repeats: S.startupRepeats, thread_pool_threads: hc, runs, pyodide_in_node: pyodideInNode(ctx.repo, S.startupRepeats) };
}

function derive(raw) {
  const med = (xs, k) => medianOf(xs.map((x) => x[k]));
  const { runs } = raw;
  const rust = med(runs.rust, 'first_rust_result_ms');
  const over = (x) => (x !== null && rust ? x / rust : null);
  const cold = med(runs.pyodide_cold, 'nav_to_ready_ms');
  const warm = med(runs.pyodide_warm, 'nav_to_ready_ms');
  const clickMs = runs.click ? med(runs.click, 'click_to_first_python_ms') : null;
  const phases = (rs) => Object.fromEntries(PHASES.map((k) => [k, medianOf(rs.map((x) => x.phases_ms?.[k] ?? null).filter((x) => x !== null))]));
  return {
    repeats: raw.repeats,
    pyodide_cold_ms: cold,
    pyodide_warm_ms: warm,
    run_click_to_first_python_ms: clickMs,
    python_cold_over_rust: over(cold),
    python_warm_over_rust: over(warm),
    python_click_over_rust: over(clickMs),
    pyodide_cold_phases_ms: phases(runs.pyodide_cold),
    pyodide_warm_phases_ms: phases(runs.pyodide_warm),
    pyodide_cold_first_call_ms: med(runs.pyodide_cold, 'first_call_ms'),
    pyodide_cold_first_result_ms: med(runs.pyodide_cold, 'nav_to_first_result_ms'),
    pyodide_cold_result_less_calls_ms: med(runs.pyodide_cold, 'nav_to_result_less_calls_ms'),
    pyodide_warm_result_less_calls_ms: med(runs.pyodide_warm, 'nav_to_result_less_calls_ms'),
    pyodide_cold_worker_start_ms: med(runs.pyodide_cold, 'worker_start_ms'),
    pyodide_warm_worker_start_ms: med(runs.pyodide_warm, 'worker_start_ms'),
    api_ready_ms: med(runs.rust, 'api_ready_ms'),
    rust_init_ms: med(runs.rust, 'rust_init_ms'),
    threads_wasm_init_ms: med(runs.rust, 'threads_wasm_init_ms'),
    thread_pool_init_ms: med(runs.rust, 'thread_pool_init_ms'),
    thread_pool_threads: raw.thread_pool_threads,
    python_pool_start_ms: med(runs.python_pool, 'python_pool_start_ms'),
    first_rust_result_ms: rust,
    runs,
    pyodide_in_node: raw.pyodide_in_node,
  };
}

function targets(s) {
  const note = (x) => (x === null || x === undefined ? null : `${ms(x)} against ${ms(s.first_rust_result_ms)}`);
  return [
    row('first_rust_result_ms', 'first Rust result after navigation', s.first_rust_result_ms),
    row('pyodide_cold_ms', 'Pyodide cold start (navigation to Python ready, no cache)', s.pyodide_cold_ms),
    row('pyodide_warm_ms', 'Pyodide warm start (navigation to Python ready, second load, HTTP cache)', s.pyodide_warm_ms),
    row('python_cold_over_rust', 'first visit: navigation to Python ready / first Rust result', s.python_cold_over_rust, note(s.pyodide_cold_ms)),
    row('python_warm_over_rust', 'warm visit: navigation to Python ready / first Rust result', s.python_warm_over_rust, note(s.pyodide_warm_ms)),
    row('python_click_over_rust', `first visit: click on Run to the first Python result (${s.runs.click?.[0]?.page ?? '?'}) / first Rust result`, s.python_click_over_rust, note(s.run_click_to_first_python_ms)),
  ];
}

/** The worker's phases as words: "download 294 ms, compile 42 ms, ...". */
const phaseWords = (p) => PHASES.map((k) => `${k} ${ms(p?.[k] ?? null)}`).join(', ');

function explain(r, report) {
  const s = report.startup;
  if (r.target === 'first_rust_result_ms') return `page API ready after ${ms(s.api_ready_ms)}, wasm instantiate ${ms(s.rust_init_ms)} (${report.environment.load_words}).`;
  const warm = r.target === 'pyodide_warm_ms' || r.target === 'python_warm_over_rust';
  const runs = warm ? s.runs.pyodide_warm : s.runs.pyodide_cold;
  if (r.target === 'python_click_over_rust') {
    const c = s.runs.click;
    return `From a click on Run (${c.map((x) => `after ${ms(x.click_ms)}`).join(', ')} from navigation) to the first Python result took ${c.map((x) => ms(x.click_to_first_python_ms)).join(', ')}; the Python worker itself starts in ${ms(s.pyodide_cold_worker_start_ms)} (${phaseWords(s.pyodide_cold_phases_ms)}) (${report.environment.load_words}).`;
  }
  const node = s.pyodide_in_node;
  const texts = [
    `Of ${ms(warm ? s.pyodide_warm_ms : s.pyodide_cold_ms)} from navigation to ready, the Python worker's own start takes ${ms(warm ? s.pyodide_warm_worker_start_ms : s.pyodide_cold_worker_start_ms)} ` +
      `(${phaseWords(warm ? s.pyodide_warm_phases_ms : s.pyodide_cold_phases_ms)}); the page API is up after ${ms(runs[0]?.api_ready_ms)}. ` +
      (warm ? `The warm load downloads nothing: ${runs.map((x) => `${x.status_304} of ${x.requests}`).join(', ')} requests were answered 304. ` : ''),
  ];
  if (node) {
    texts.push(
      `Pyodide's own bootstrap is CPU-bound: loadPyodide in Node, with no page, worker or network, takes ${ms(node.load_ms)} on this machine, and ` +
        `${ms(node.snapshot_load_ms)} from a memory snapshot (${report.environment.load_words}).`,
    );
  }
  return texts.join(' ');
}

function render(s, report) {
  const all = (runs, k, note) => runs.map((r) => `${ms(r[k])}${note ? note(r) : ''}`).join(', ');
  const { rust, pyodide_cold: cold, pyodide_warm: warm, python_pool: pool } = s.runs;
  const click = s.runs.click ?? [];
  const phaseRows = (label, runs, med) => PHASES.map((k) => [`${label}: ${k}`, ms(med?.[k] ?? null), runs.map((r) => ms(r.phases_ms?.[k] ?? null)).join(', '), '']);
  const rows = [
    [`first Rust result after navigation (${PROBES.rust.workload} ${params(PROBES.rust.params)}, rust only)`, ms(s.first_rust_result_ms), all(rust, 'first_rust_result_ms'), bound('first_rust_result_ms')],
    ['page API ready after navigation', ms(s.api_ready_ms), all(rust, 'api_ready_ms'), ''],
    ['wasm instantiate, single-threaded build (in worker)', ms(s.rust_init_ms), all(rust, 'rust_init_ms'), ''],
    ['wasm instantiate, threaded build (in worker)', ms(s.threads_wasm_init_ms), all(rust, 'threads_wasm_init_ms'), ''],
    [`initThreadPool(${s.thread_pool_threads})`, ms(s.thread_pool_init_ms), all(rust, 'thread_pool_init_ms'), ''],
    ['Pyodide cold: navigation to Python ready (no cache)', ms(s.pyodide_cold_ms), all(cold, 'nav_to_ready_ms'), bound('pyodide_cold_ms')],
    ['Pyodide cold: the worker\'s own start (its phases below add up to it)', ms(s.pyodide_cold_worker_start_ms), all(cold, 'worker_start_ms'), ''],
    ...phaseRows('Pyodide cold', cold, s.pyodide_cold_phases_ms),
    ['Pyodide cold: first call (fib n=25, in the worker)', ms(s.pyodide_cold_first_call_ms), all(cold, 'first_call_ms'), ''],
    ['Pyodide cold: navigation to the first Python result', ms(s.pyodide_cold_first_result_ms), all(cold, 'nav_to_first_result_ms'), ''],
    ['Pyodide cold: the run\'s result less its calls (the figure before the ready mark)', ms(s.pyodide_cold_result_less_calls_ms), all(cold, 'nav_to_result_less_calls_ms'), ''],
    ['Pyodide warm: navigation to Python ready (second load, HTTP cache)', ms(s.pyodide_warm_ms), all(warm, 'nav_to_ready_ms'), bound('pyodide_warm_ms')],
    ['Pyodide warm: the worker\'s own start', ms(s.pyodide_warm_worker_start_ms), all(warm, 'worker_start_ms'), ''],
    ...phaseRows('Pyodide warm', warm, s.pyodide_warm_phases_ms),
    ['Pyodide warm: the run\'s result less its calls (the figure before the ready mark)', ms(s.pyodide_warm_result_less_calls_ms), all(warm, 'nav_to_result_less_calls_ms'), ''],
    ...(click.length ? [[`click on Run to the first Python result, first visit (${click[0].page}, clicked once the page had loaded)`, ms(s.run_click_to_first_python_ms), all(click, 'click_to_first_python_ms'), '']] : []),
    [`python-pool start, ${pool[0]?.workers ?? '?'} workers (files cached)`, ms(s.python_pool_start_ms), all(pool, 'python_pool_start_ms'), ''],
    ...['python', 'rust'].flatMap((kind) => (report.pools?.[kind]?.by_workers ?? []).map((r) => [`${kind}-pool start, ${r.workers} worker(s) (pools section)`, ms(r.start_ms), '', ''])),
  ];
  const ratios = [
    ['navigation to Python ready, first visit', times(s.python_cold_over_rust), bound('python_cold_over_rust')],
    ['navigation to Python ready, warm visit', times(s.python_warm_over_rust), bound('python_warm_over_rust')],
    ['click on Run to the first Python result, first visit', times(s.python_click_over_rust), bound('python_click_over_rust')],
  ];
  const n = s.pyodide_in_node;
  const visit = (r) => `${r.requests} requests, ${kb(r.bytes_sent)} sent by this server (uncompressed), ${kb(r.bytes_gzip ?? null)} as a static host sending gzip would`;
  return [
    `Medians of ${s.repeats} fresh browser profiles (a first visit: empty HTTP and code caches), localhost. "Warm" is a second load in the same profile, ` +
      'its files revalidated by the HTTP cache (ETag, 304). Times "after navigation" are the page\'s performance.now() (which counts from navigation start). ' +
      '"Python ready" is the page\'s `twinbench:ready:python` mark: the bridge sets it when the Python worker reports that Pyodide is loaded and the twins are imported. ' +
      'The worker\'s own start is split along its critical path (web/src/workers/python.worker.ts): the downloads (until the last of Pyodide\'s files arrived), ' +
      'then what was still compiling, then what was still inflating of the snapshot, then the snapshot\'s restore (the rest of loadPyodide), then the import of the twins; ' +
      'they overlap (the snapshot inflates while the wasm downloads and compiles), so each is the time the start waited for it.',
    table(['figure', 'median', 'all runs', 'target'], rows),
    `Against the first Rust result of the same run (${ms(s.first_rust_result_ms)}):\n\n${table(['ratio', 'measured', 'target'], ratios)}`,
    `Per first visit: cold ${cold.map(visit).join('; ')}. Warm: ` +
      `${warm.map((r) => `${r.requests} requests, ${r.status_304} of them 304 (${kb(r.bytes_sent)} sent)`).join('; ')}.` +
      (click.length ? ` Click figure: ${click.map(visit).join('; ')}.` : ''),
    n
      ? `Pyodide ${n.pyodide} outside the browser (bench/pyodide-node.mjs, Node ${n.node}, no page, worker or network): loadPyodide ${ms(n.load_ms)}; ` +
        `from a memory snapshot ${ms(n.snapshot_load_ms)} (snapshot ${kb(n.snapshot_bytes)}, ${kb(n.snapshot_gzip_bytes)} gzip). Medians of ${n.repeats}.`
      : null,
  ];
}

/** The wasm's start in a worker: its download, compile and instantiate phases (wasmInit in older builds). */
function wasmInitMs(detail) {
  if (!detail) return null;
  if (detail.wasmInit !== undefined) return detail.wasmInit;
  const parts = ['wasmDownload', 'wasmCompile', 'wasmInstantiate'].map((k) => detail[k]);
  return parts.every((v) => typeof v === 'number') ? parts.reduce((a, b) => a + b, 0) : null;
}

export default { name: 'startup', title: 'Start-up', measure, derive, targets, explain, render };
