// Start-up, each in a fresh browser profile (empty HTTP and code caches: a first visit); the
// warm Pyodide start is a second load in the same profile, answered by the HTTP cache (304).
// Plus Pyodide's own load in Node (no page, worker or network).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PROBES } from '../config.mjs';
import { apiRun, firstRunInitScript, firstRunResult, launchProfile } from '../lib/browser.mjs';
import { bound, kb, ms, params, table } from '../lib/md.mjs';
import { pyodideInNode } from '../lib/native.mjs';
import { medianOf } from '../lib/ts.mjs';
import { row } from '../targets.mjs';

function pyFigures(r) {
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
  const runs = { rust: [], pyodide_cold: [], pyodide_warm: [], python_pool: [] };
  const requestsSince = (n0) => {
    const rs = server.requests.slice(n0);
    return { requests: rs.length, status_200: rs.filter((q) => q.status === 200).length, status_304: rs.filter((q) => q.status === 304).length, bytes_sent: rs.reduce((a, q) => a + q.bytes, 0) };
  };
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
        rust_init_ms: r.result.implementations.rust.coldDetailMs?.wasmInit ?? null,
        threads_wasm_init_ms: t.coldDetailMs?.wasmInit ?? null,
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
      runs.pyodide_cold.push({ ...pyFigures(await firstRunResult(page)), ...requestsSince(n0) });
      await page.close();
      // The second load: the same profile, so the HTTP cache answers (ETag, 304).
      n0 = server.requests.length;
      page = await bc.newPage();
      await page.goto(server.url);
      runs.pyodide_warm.push({ ...pyFigures(await firstRunResult(page)), ...requestsSince(n0) });
      // A pool's start in a page whose Pyodide files are cached (as after a first Run).
      const p = await apiRun(page, PROBES.pool(['python-pool'], hc));
      runs.python_pool.push({ workers: hc, python_pool_start_ms: p.implementations['python-pool'].coldDetailMs?.poolStart ?? null });
    });
  }
  ctx.log('Pyodide in Node: loadPyodide, plain and from a memory snapshot');
  return { repeats: S.startupRepeats, thread_pool_threads: hc, runs, pyodide_in_node: pyodideInNode(ctx.repo, S.startupRepeats) };
}

function derive(raw) {
  const med = (xs, k) => medianOf(xs.map((x) => x[k]));
  const { runs } = raw;
  return {
    repeats: raw.repeats,
    pyodide_cold_ms: med(runs.pyodide_cold, 'nav_to_ready_ms'),
    pyodide_warm_ms: med(runs.pyodide_warm, 'nav_to_ready_ms'),
    pyodide_cold_load_in_worker_ms: med(runs.pyodide_cold, 'pyodide_load_ms'),
    pyodide_warm_load_in_worker_ms: med(runs.pyodide_warm, 'pyodide_load_ms'),
    pyodide_cold_snapshot_fetch_ms: med(runs.pyodide_cold, 'snapshot_fetch_ms'),
    pyodide_warm_snapshot_fetch_ms: med(runs.pyodide_warm, 'snapshot_fetch_ms'),
    api_ready_ms: med(runs.rust, 'api_ready_ms'),
    rust_init_ms: med(runs.rust, 'rust_init_ms'),
    threads_wasm_init_ms: med(runs.rust, 'threads_wasm_init_ms'),
    thread_pool_init_ms: med(runs.rust, 'thread_pool_init_ms'),
    thread_pool_threads: raw.thread_pool_threads,
    python_pool_start_ms: med(runs.python_pool, 'python_pool_start_ms'),
    first_rust_result_ms: med(runs.rust, 'first_rust_result_ms'),
    runs,
    pyodide_in_node: raw.pyodide_in_node,
  };
}

function targets(s) {
  return [
    row('first_rust_result_ms', 'first Rust result after navigation', s.first_rust_result_ms),
    row('pyodide_cold_ms', 'Pyodide cold start (navigation to ready, no cache)', s.pyodide_cold_ms),
    row('pyodide_warm_ms', 'Pyodide warm start (second load, HTTP cache)', s.pyodide_warm_ms),
  ];
}

function explain(r, report) {
  const s = report.startup;
  if (r.target === 'first_rust_result_ms') return `page API ready after ${ms(s.api_ready_ms)}, wasm instantiate ${ms(s.rust_init_ms)} (${report.environment.load_words}).`;
  const warm = r.target === 'pyodide_warm_ms';
  const runs = warm ? s.runs.pyodide_warm : s.runs.pyodide_cold;
  const node = s.pyodide_in_node;
  const texts = [
    `Of ${ms(warm ? s.pyodide_warm_ms : s.pyodide_cold_ms)} from navigation to ready, loadPyodide inside the worker takes ${ms(warm ? s.pyodide_warm_load_in_worker_ms : s.pyodide_cold_load_in_worker_ms)}` +
      `; the page API is up after ${ms(runs[0]?.api_ready_ms)}. ` +
      (warm ? `The warm load downloads nothing: ${runs.map((x) => `${x.status_304} of ${x.requests}`).join(', ')} requests were answered 304. ` : ''),
  ];
  if (node) {
    texts.push(
      `Pyodide's own bootstrap is CPU-bound: loadPyodide in Node, with no page, worker or network, takes ${ms(node.load_ms)} on this machine, and ` +
        `${ms(node.snapshot_load_ms)} from a memory snapshot. ` +
        (runs.every((x) => x.from_snapshot === true)
          ? 'The worker already starts from the snapshot made at build time (scripts/make-pyodide-snapshot.mjs); what remains is compiling Pyodide\'s 9.6 MB wasm and fetching its files.'
          : 'Proposed fix: start the worker from a memory snapshot made at build time.'),
    );
  }
  return texts.join(' ');
}

function render(s, report) {
  const all = (runs, k, note) => runs.map((r) => `${ms(r[k])}${note ? note(r) : ''}`).join(', ');
  const notUsed = (r) => (r.from_snapshot ? '' : ' (not used)');
  const { rust, pyodide_cold: cold, pyodide_warm: warm, python_pool: pool } = s.runs;
  const rows = [
    [`first Rust result after navigation (${PROBES.rust.workload} ${params(PROBES.rust.params)}, rust only)`, ms(s.first_rust_result_ms), all(rust, 'first_rust_result_ms'), bound('first_rust_result_ms')],
    ['page API ready after navigation', ms(s.api_ready_ms), all(rust, 'api_ready_ms'), ''],
    ['wasm instantiate, single-threaded build (in worker)', ms(s.rust_init_ms), all(rust, 'rust_init_ms'), ''],
    ['wasm instantiate, threaded build (in worker)', ms(s.threads_wasm_init_ms), all(rust, 'threads_wasm_init_ms'), ''],
    [`initThreadPool(${s.thread_pool_threads})`, ms(s.thread_pool_init_ms), all(rust, 'thread_pool_init_ms'), ''],
    ['Pyodide cold: navigation to ready (no cache)', ms(s.pyodide_cold_ms), all(cold, 'nav_to_ready_ms'), bound('pyodide_cold_ms')],
    ['Pyodide cold: in the worker, snapshot fetched and loadPyodide', ms(s.pyodide_cold_load_in_worker_ms), all(cold, 'pyodide_load_ms'), ''],
    ['Pyodide cold: of which pyodide.mjs imported, then the snapshot fetched and inflated', ms(s.pyodide_cold_snapshot_fetch_ms), all(cold, 'snapshot_fetch_ms', notUsed), ''],
    ['Pyodide warm: navigation to ready (second load, HTTP cache)', ms(s.pyodide_warm_ms), all(warm, 'nav_to_ready_ms'), bound('pyodide_warm_ms')],
    ['Pyodide warm: in the worker, snapshot fetched and loadPyodide', ms(s.pyodide_warm_load_in_worker_ms), all(warm, 'pyodide_load_ms'), ''],
    ['Pyodide warm: of which pyodide.mjs imported, then the snapshot fetched and inflated', ms(s.pyodide_warm_snapshot_fetch_ms), all(warm, 'snapshot_fetch_ms', notUsed), ''],
    [`python-pool start, ${pool[0]?.workers ?? '?'} workers (files cached)`, ms(s.python_pool_start_ms), all(pool, 'python_pool_start_ms'), ''],
    ...['python', 'rust'].flatMap((kind) => (report.pools?.[kind]?.by_workers ?? []).map((r) => [`${kind}-pool start, ${r.workers} worker(s) (pools section)`, ms(r.start_ms), '', ''])),
  ];
  const n = s.pyodide_in_node;
  return [
    `Medians of ${s.repeats} fresh browser profiles (a first visit: empty HTTP and code caches), localhost. "Warm" is a second load in the same profile, ` +
      'its files revalidated by the HTTP cache (ETag, 304). Times "after navigation" are the page\'s performance.now() (which counts from navigation start); ' +
      '"navigation to ready" is the time of the first Python result less the calls it took; in-worker times are what the workers report (`coldDetailMs`).',
    table(['figure', 'median', 'all runs', 'target'], rows),
    `Requests per load: cold ${cold.map((r) => `${r.requests} (${kb(r.bytes_sent)} sent)`).join(', ')}; warm ` +
      `${warm.map((r) => `${r.requests}, ${r.status_304} of them 304 (${kb(r.bytes_sent)} sent)`).join('; ')}.`,
    n
      ? `Pyodide ${n.pyodide} outside the browser (bench/pyodide-node.mjs, Node ${n.node}, no page, worker or network): loadPyodide ${ms(n.load_ms)}; ` +
        `from a memory snapshot ${ms(n.snapshot_load_ms)} (snapshot ${kb(n.snapshot_bytes)}, ${kb(n.snapshot_gzip_bytes)} gzip). Medians of ${n.repeats}.`
      : null,
  ];
}

export default { name: 'startup', title: 'Start-up', measure, derive, targets, explain, render };
