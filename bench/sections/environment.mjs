// Where the numbers come from: the machine, the toolchain, the build profile and the page's own
// view of its environment (cross-origin isolation, timer tick, Pyodide and Python versions).
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { PROBES } from '../config.mjs';
import { EXECUTABLE, apiRun } from '../lib/browser.mjs';
import { ms, table } from '../lib/md.mjs';
import { sh } from '../lib/native.mjs';

function tryText(fn) {
  try {
    return fn();
  } catch {
    return null;
  }
}

/** The release profile and flags the wasm is built with (Cargo.toml, crate/Cargo.toml, .cargo/config.toml). */
function releaseProfile(repo) {
  const toml = readFileSync(join(repo, 'Cargo.toml'), 'utf8');
  const section = toml.split(/^\[profile\.release\]\s*$/m)[1]?.split(/^\[/m)[0] ?? '';
  const get = (k) => section.match(new RegExp(`^${k}\\s*=\\s*(.+)$`, 'm'))?.[1]?.trim() ?? null;
  const crate = readFileSync(join(repo, 'crate/Cargo.toml'), 'utf8');
  const opt = crate.match(/^wasm-opt\s*=\s*(.+)$/m)?.[1]?.trim() ?? null;
  const wasmOpt = opt === 'false' ? false : opt?.startsWith('[') ? opt.slice(1, -1).replace(/"/g, '').split(',').map((s) => s.trim()) : null;
  const config = readFileSync(join(repo, '.cargo/config.toml'), 'utf8');
  const rustflags = config.match(/^rustflags\s*=\s*\[(.*)\]/m)?.[1]?.replace(/"/g, '').split(',').map((s) => s.trim()).join(' ') ?? null;
  return { opt_level: get('opt-level'), lto: get('lto'), codegen_units: get('codegen-units'), panic: get('panic'), wasm_opt: wasmOpt, wasm_rustflags: rustflags };
}

async function measure(ctx) {
  const cpuinfo = tryText(() => readFileSync('/proc/cpuinfo', 'utf8')) ?? '';
  const flags = cpuinfo.match(/^flags\s*:\s*(.+)$/m)?.[1]?.split(' ') ?? [];
  const run = (cmd, args) => tryText(() => sh(ctx.repo, cmd, args));
  // The page's own view, once Pyodide has started.
  const page = await ctx.page();
  await apiRun(page, PROBES.pythonTiny);
  return {
    cpu_model: cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? null,
    cpu_mhz: cpus()[0]?.speed ?? null,
    cpu_flags_simd: flags.filter((f) => /^(sse4_2|avx|avx2|fma|avx512f)$/.test(f)),
    cores: ctx.cores,
    memory_gib: Number((totalmem() / 2 ** 30).toFixed(1)),
    os: tryText(() => readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]+)/m)?.[1]),
    kernel: run('uname', ['-r']),
    node: process.version,
    rustc: run('rustc', ['--version']),
    git_commit: run('git', ['rev-parse', '--short', 'HEAD']),
    git_dirty: tryText(() => sh(ctx.repo, 'git', ['status', '--porcelain']).length > 0),
    browser: `Chromium ${ctx.browser.version()} (headless, ${EXECUTABLE})`,
    build_profile: releaseProfile(ctx.repo),
    page: await page.evaluate(() => window.twinbench.environment()),
  };
}

function derive(raw, report) {
  const m = report.raw.meta;
  const cpy = report.raw.kernels?.cpython;
  return {
    ...raw,
    load_average_before: m.load_average_before,
    load_average_after: m.load_average_after,
    duration_s: m.duration_s,
    cpython: cpy ? { version: cpy.python, implementation: cpy.implementation, executable: cpy.executable } : null,
    load_words: `load average ${m.load_average_before.join(' / ')} before the run and ${m.load_average_after.join(' / ')} after`,
  };
}

function render(env) {
  const page = env.page ?? {};
  return [
    table(
      ['', ''],
      [
        ['browser', env.browser],
        ['user agent', page.userAgent],
        ['hardwareConcurrency', page.hardwareConcurrency],
        ['crossOriginIsolated', page.crossOriginIsolated],
        ['threads (SharedArrayBuffer + shared wasm memory)', page.threads],
        ['timer tick', ms(page.timerTickMs)],
        ['Pyodide / its Python', `${page.pyodideVersion ?? '?'} / ${page.pythonVersion ?? '?'}`],
        ['native CPython', env.cpython ? `${env.cpython.implementation} ${env.cpython.version}` : 'n/a'],
        ['rustc', env.rustc],
        ['CPU', `${env.cpu_model} (${env.cores} cores, SIMD: ${(env.cpu_flags_simd ?? []).join(', ')})`],
        ['memory', `${env.memory_gib} GiB`],
        ['OS / kernel', `${env.os} / ${env.kernel}`],
        ['Node', env.node],
        ['load average before / after (1, 5, 15 min)', `${env.load_average_before.join(' ')} / ${env.load_average_after.join(' ')}`],
        ['commit', `${env.git_commit}${env.git_dirty ? ' (with uncommitted changes)' : ''}`],
        ['twinbench page version', page.version],
      ],
    ),
  ];
}

export default { name: 'environment', page: 'shared', title: 'Environment', measure, derive, render };
