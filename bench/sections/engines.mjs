// The same kernel in three engines: every workload at its catalog defaults, as Python, Rust and
// Python calling Rust in one interleaved run, in Chromium (the benchmark's Playwright browser),
// Firefox ESR (geckodriver) and WebKitGTK (WebKitWebDriver under Xvfb, default settings as Debian
// ships it), through the page's own window.twinbench.run. Plus each engine's version and what
// its capability ladder found. report.json: engines.<chromium|firefox|webkit>.kernels.<id> =
// { python_ms, rust_ms, python_over_rust, verified, ... }.
// An engine whose browser or driver is not installed is reported as not measured (make bench's
// set-up installs Chromium only; `make test`'s installs all three).
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { VARIANTS, closeSession, openSession, startXvfb } from '../../tests/engines/lib/engines.mjs';
import { Processes } from '../../tests/engines/lib/processes.mjs';
import { apiRun as wdRun, environment as wdEnvironment, waitForApi } from '../../tests/engines/lib/page.mjs';
import { watch } from '../lib/browser.mjs';
import { ci, ms, params, sig, table, times } from '../lib/md.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];
const IMPLS = ['python', 'rust', 'python-calls-rust'];
/** One engine's time for a kernel more than this many times the best engine's is flagged. */
export const SLOW_FACTOR = 2;

/** How long each run samples (per implementation): lighter than the kernels section's, x3 engines. */
const SETTINGS = { full: { maxSamples: 30, timeBudgetMs: 1500 }, quick: { maxSamples: 5, timeBudgetMs: 300 } };

const LABEL = { chromium: 'Chromium', firefox: 'Firefox ESR', webkit: 'WebKitGTK' };

/** Why an engine cannot be measured here, or null. */
function missing(engine) {
  const need = {
    firefox: ['/usr/bin/firefox-esr', `${process.env.HOME}/.cargo/bin/geckodriver`],
    webkit: ['/usr/bin/WebKitWebDriver', '/usr/bin/Xvfb'],
  }[engine];
  const gone = (need ?? []).filter((p) => !existsSync(p));
  return gone.length ? `not installed: ${gone.join(', ')} (scripts/setup.sh full installs them)` : null;
}

/** What the report keeps of one run. */
function keepRun(r) {
  const impl = (k) => {
    const x = r.implementations?.[k];
    if (!x) return null;
    const thirds = (xs) => {
      const t = Math.floor(xs.length / 3);
      if (t < 2) return null;
      const med = (a) => [...a].sort((p, q) => p - q)[Math.floor((a.length - 1) / 2)];
      return med(xs.slice(0, t)) / med(xs.slice(-t));
    };
    return {
      median_ms: x.medianMs,
      ci95_ms: x.ci95Ms ?? null,
      samples: x.samplesMs?.length ?? 0,
      batch: x.batch,
      overhead_ms: x.overheadMs ?? null,
      warmup_ms: x.warmupMs ?? [],
      cold_ms: x.coldMs ?? null,
      // Median of the first third of the samples over the last third: above 1, the
      // implementation was still getting faster (JIT tier-up) while it was measured.
      drift: x.samplesMs ? thirds(x.samplesMs) : null,
    };
  };
  const ratio = (key) => {
    const q = r.ratios?.[key];
    return q ? { value: q.value ?? null, ci95: q.ci95 ?? null, hidden: q.hidden ?? false, flags: q.flags ?? [] } : null;
  };
  return {
    params: r.params,
    verified: r.verified,
    work: r.work ?? null,
    flags: (r.flags ?? []).map((f) => (typeof f === 'string' ? f : f.code)),
    impls: Object.fromEntries(IMPLS.map((k) => [k, impl(k)])),
    ratios: { 'python/rust': ratio('python/rust'), 'python-calls-rust/rust': ratio('python-calls-rust/rust') },
  };
}

/** What the engine gave the page: its capability ladder. */
function capabilities(env) {
  return {
    user_agent: env.userAgent,
    cross_origin_isolated: env.crossOriginIsolated,
    shared_array_buffer: env.sharedArrayBuffer,
    threads: env.threads,
    python_interrupt: env.pythonInterrupt,
    timer_tick_ms: env.timerTickMs,
    hardware_concurrency: env.hardwareConcurrency,
    notice: env.notice,
    pyodide: env.pyodideVersion,
    python: env.pythonVersion,
  };
}

/** Chromium through the benchmark's own Playwright browser, in a fresh context. */
async function chromiumRunner(ctx) {
  const context = await ctx.browser.newContext();
  const page = await context.newPage();
  watch(page, ctx.log);
  await page.goto(ctx.server.url);
  await page.waitForFunction(() => typeof window.twinbench?.run === 'function');
  return {
    version: ctx.browser.version(),
    run: (req) =>
      page.evaluate(async (r) => {
        const { bytes: _b, ...rest } = await window.twinbench.run(r);
        return JSON.parse(JSON.stringify(rest));
      }, req),
    environment: () => page.evaluate(() => window.twinbench.environment().then((e) => JSON.parse(JSON.stringify(e)))),
    close: () => context.close(),
  };
}

/** Firefox or WebKit through WebDriver. */
async function webdriverRunner(ctx, procs, engine, display) {
  const session = await openSession(procs, engine, { display });
  const b = session.browser;
  await b.url(ctx.server.url);
  await waitForApi(b);
  return {
    version: `${b.capabilities.browserName} ${b.capabilities.browserVersion}`,
    run: (req) => wdRun(b, req),
    environment: () => wdEnvironment(b),
    close: () => closeSession(procs, session),
  };
}

/**
 * All three engines open at once, and for each workload one run in each engine, back to back,
 * in an order that rotates from workload to workload: a change of load on the machine (other
 * jobs on two shared cores) then falls on every engine alike, instead of on whichever engine's
 * whole turn it happened in. Engines run one at a time, never two together.
 */
async function measure(ctx) {
  const settings = ctx.S?.engines ?? (ctx.S?.kernel?.maxSamples <= 10 ? SETTINGS.quick : SETTINGS.full);
  const out = { settings, order: 'interleaved per workload', load_average: { before: loadavg().map((x) => Number(x.toFixed(2))) }, engines: {} };
  const procs = new Processes();
  const runners = {};
  try {
    runners.chromium = await chromiumRunner(ctx);
    let display;
    for (const engine of ['firefox', 'webkit']) {
      const why = missing(engine);
      if (why) {
        ctx.log(`engines: ${engine} skipped, ${why}`);
        out.engines[engine] = { label: LABEL[engine], skipped: why };
        continue;
      }
      if (VARIANTS[engine].engine === 'webkit' && !display) display = (await startXvfb(procs)).display;
      runners[engine] = await webdriverRunner(ctx, procs, engine, display);
    }
    const live = ENGINES.filter((e) => runners[e]);
    const kernels = Object.fromEntries(live.map((e) => [e, {}]));
    for (const [i, w] of ctx.workloads.entries()) {
      const params = ctx.defaults(w);
      for (const e of live.map((_, j) => live[(i + j) % live.length])) {
        ctx.log(`engines: ${w.id} in ${e}`);
        try {
          kernels[e][w.id] = keepRun(await runners[e].run({ workload: w.id, params, implementations: IMPLS, ...settings }));
        } catch (err) {
          kernels[e][w.id] = { params, error: err instanceof Error ? err.message : String(err) };
        }
      }
    }
    out.load_average.after = loadavg().map((x) => Number(x.toFixed(2)));
    for (const e of live) {
      out.engines[e] = { label: LABEL[e], version: runners[e].version, capabilities: capabilities(await runners[e].environment()), kernels: kernels[e] };
    }
  } finally {
    for (const r of Object.values(runners)) await r.close().catch(() => {});
    await procs.stopAll();
    procs.dispose();
  }
  return out;
}

/** Above this first-third/last-third ratio, an implementation was still warming up when measured. */
const DRIFT = 1.2;

/**
 * Why an engine's time is much slower than the best engine's, where the run itself shows it:
 * the implementation was still speeding up while it was sampled (JIT tier-up), and the best
 * engine's was not. Null where this run cannot tell.
 */
function cause(k, impl, best) {
  const d = k.drift?.[impl];
  const bd = best.drift?.[impl];
  if (typeof d === 'number' && d > DRIFT && !(typeof bd === 'number' && bd > DRIFT)) {
    return (
      `its times fell while it was measured (first third of samples ${times(d)} the time of the last third): ` +
      'still warming up (JIT tier-up during the run, see docs/engines.md, warm-up per engine) or load on the machine fell; a rerun tells which'
    );
  }
  return null;
}

function derive(raw) {
  const engines = {};
  const ids = new Set();
  for (const [engine, e] of Object.entries(raw.engines)) {
    if (e.skipped) {
      engines[engine] = { label: e.label, skipped: e.skipped };
      continue;
    }
    const kernels = {};
    for (const [id, k] of Object.entries(e.kernels)) {
      ids.add(id);
      if (k.error) {
        kernels[id] = { params: k.params, python_ms: null, rust_ms: null, python_over_rust: null, verified: false, error: k.error };
        continue;
      }
      const pr = k.ratios['python/rust'];
      const cr = k.ratios['python-calls-rust/rust'];
      kernels[id] = {
        params: k.params,
        python_ms: k.impls.python?.median_ms ?? null,
        rust_ms: k.impls.rust?.median_ms ?? null,
        python_calls_rust_ms: k.impls['python-calls-rust']?.median_ms ?? null,
        ci95_ms: Object.fromEntries(IMPLS.map((i) => [i, k.impls[i]?.ci95_ms ?? null])),
        python_over_rust: pr && !pr.hidden ? pr.value : null,
        python_over_rust_hidden: pr?.hidden ? pr.flags : null,
        python_over_rust_ci95: pr && !pr.hidden ? pr.ci95 : null,
        calls_rust_over_rust: cr && !cr.hidden ? cr.value : null,
        calls_rust_over_rust_ci95: cr && !cr.hidden ? cr.ci95 : null,
        calls_rust_over_rust_hidden: cr?.hidden ? cr.flags : null,
        verified: k.verified,
        work: k.work,
        flags: k.flags,
        drift: Object.fromEntries(IMPLS.map((i) => [i, k.impls[i]?.drift ?? null])),
        slow: [],
      };
    }
    engines[engine] = { label: e.label, version: e.version, capabilities: e.capabilities, kernels };
  }
  // More than SLOW_FACTOR times the best engine, per kernel and implementation, beyond the
  // noise: the slower median's 95% interval lies wholly above SLOW_FACTOR times the best's
  // (where both runs have intervals; medians alone otherwise).
  const measured = Object.entries(engines).filter(([, e]) => !e.skipped);
  for (const id of ids) {
    for (const [impl, key] of [['python', 'python_ms'], ['rust', 'rust_ms'], ['python-calls-rust', 'python_calls_rust_ms']]) {
      const times_ = measured.map(([eng, e]) => [eng, e.kernels[id]?.[key], e.kernels[id]?.ci95_ms?.[impl] ?? null]).filter(([, v]) => typeof v === 'number' && v > 0);
      if (times_.length < 2) continue;
      const [bestEngine, best, bestCi] = times_.reduce((a, b) => (b[1] < a[1] ? b : a));
      for (const [eng, v, ci] of times_) {
        const beyondNoise = ci && bestCi ? ci[0] > SLOW_FACTOR * bestCi[1] : true;
        if (v > SLOW_FACTOR * best && beyondNoise) {
          const k = engines[eng].kernels[id];
          k.slow.push({ impl, over_best: v / best, best_engine: bestEngine, cause: cause(k, impl, engines[bestEngine].kernels[id]) });
        }
      }
    }
  }
  return engines;
}

/** Slow engines (with causes where found), and Python calling Rust faster than Rust beyond the noise. */
function findings(report) {
  const out = [];
  for (const [engine, e] of Object.entries(report.engines ?? {})) {
    if (e.skipped) {
      out.push(`**${e.label}** was not measured: ${e.skipped}.`);
      continue;
    }
    const byImpl = {};
    for (const [id, k] of Object.entries(e.kernels)) for (const s of k.slow ?? []) (byImpl[s.impl] ??= []).push([id, s]);
    for (const [impl, list] of Object.entries(byImpl)) {
      const what = list
        .map(([id, s]) => `${id} ${times(s.over_best)} the time of ${LABEL[s.best_engine]}, ${s.cause ?? 'cause not established by this run'}`)
        .join('; ');
      out.push(`**${e.label}, ${impl}**: more than ${SLOW_FACTOR}× the best engine: ${what}.`);
    }
    for (const [id, k] of Object.entries(e.kernels)) {
      if (k.calls_rust_over_rust_ci95 && k.calls_rust_over_rust_ci95[1] < 1) {
        out.push(
          `**${e.label}, ${id}**: Python calling Rust measured ${times(k.calls_rust_over_rust)} Rust's time (95% CI ${ci(k.calls_rust_over_rust_ci95)}), ` +
            'faster beyond this run\'s noise although it runs the same wasm plus a crossing per call' +
            (typeof k.drift?.rust === 'number' && k.drift.rust > DRIFT
              ? `; Rust's times fell while it was measured (first third ${times(k.drift.rust)} the last), so its median is high: tier-up or load, not a property (docs/engines.md).`
              : ': an artefact of this run (tier-up or load), not a property (docs/engines.md).'),
        );
      }
    }
  }
  return out;
}

/** A ratio cell: "61.7× (60.1 to 63.0)", "1.04× (no interval)" or "hidden (work-not-scaling)". */
function ratioCell(value, ci95, hidden) {
  if (hidden) return `hidden (${hidden.join(', ')})`;
  if (typeof value !== 'number') return 'n/a';
  return `${sig(value)}× (${ci95 ? ci(ci95) : 'no interval'})`;
}

function render(engines, report) {
  const list = ENGINES.filter((e) => engines[e]);
  const live = list.filter((e) => !engines[e].skipped);
  const ids = [...new Set(live.flatMap((e) => Object.keys(engines[e].kernels)))];
  const cell = (k, key, impl) => {
    if (!k) return 'n/a';
    if (k.error) return `error: ${k.error.slice(0, 60)}`;
    const slow = (k.slow ?? []).find((s) => s.impl === impl);
    return `${ms(k[key])}${slow ? ` ⚠ ${times(slow.over_best)}` : ''}`;
  };
  const rows = ids.map((id) => [
    id,
    params(engines[live[0]]?.kernels[id]?.params),
    ...live.flatMap((e) => {
      const k = engines[e].kernels[id];
      return [cell(k, 'python_ms', 'python'), cell(k, 'rust_ms', 'rust'), ratioCell(k?.python_over_rust, k?.python_over_rust_ci95, k?.python_over_rust_hidden)];
    }),
    live.every((e) => engines[e].kernels[id]?.verified) ? 'yes' : '**NO**',
  ]);
  const head = ['workload', 'params', ...live.flatMap((e) => [`${LABEL[e]} Python`, `${LABEL[e]} Rust`, `${LABEL[e]} Python / Rust (95% CI)`]), 'verified in every engine'];
  const calls = ids.map((id) => [
    id,
    ...live.flatMap((e) => {
      const k = engines[e].kernels[id];
      return [cell(k, 'python_calls_rust_ms', 'python-calls-rust'), ratioCell(k?.calls_rust_over_rust, k?.calls_rust_over_rust_ci95, k?.calls_rust_over_rust_hidden)];
    }),
  ]);
  const caps = list.map((e) => {
    const x = engines[e];
    if (x.skipped) return [LABEL[e], 'not measured', x.skipped, '', '', '', '', ''];
    const c = x.capabilities;
    return [LABEL[e], x.version, c.cross_origin_isolated, c.shared_array_buffer, c.threads, ms(c.timer_tick_ms), c.hardware_concurrency, c.notice ?? '–'];
  });
  return [
    'Each engine ran every workload at its catalog defaults as Python, Rust and Python calling Rust in one run with interleaved samples ' +
      '(the page\'s own `window.twinbench.run`, cross-origin isolated), medians per call. ' +
      `⚠ marks a time more than ${SLOW_FACTOR}× the best engine's for that kernel and implementation, beyond both 95% intervals (see the findings for causes). ` +
      'The engines ran one at a time, each workload in all three back to back, in an order rotating from workload to workload. ' +
      'WebKitGTK runs with Debian\'s default settings: no SharedArrayBuffer, so no threads (Safari has them under COOP/COEP).' +
      (report?.raw?.engines?.load_average?.after
        ? ` Load average (1, 5, 15 min) ${report.raw.engines.load_average.before.join(', ')} before this section and ${report.raw.engines.load_average.after.join(', ')} after, on this machine's ${report.raw.environment?.cores ?? 'few'} cores.`
        : ''),
    table(head, rows),
    'Python calling Rust (the same wasm, one call from Python per kernel call, parameters passed as JSON) against Rust called from JavaScript ' +
      'with the batch inside wasm: it should never be faster beyond the noise.',
    table(['workload', ...live.flatMap((e) => [`${LABEL[e]} Python calling Rust`, `${LABEL[e]} / Rust`])], calls),
    'What each engine gave the page (the capability ladder):',
    table(['engine', 'version', 'crossOriginIsolated', 'SharedArrayBuffer', 'threads', 'timer tick', 'hardwareConcurrency', 'notice'], caps),
  ];
}

export default { name: 'engines', title: 'The same kernel in three engines', measure, derive, findings, render };
