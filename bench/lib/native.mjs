// What the page cannot see: native Rust (criterion, crate/benches/kernels.rs), native CPython
// (bench/cpython.py) and Pyodide in Node (bench/pyodide-node.mjs).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function sh(repo, cmd, args, extra = {}) {
  return execFileSync(cmd, args, { cwd: repo, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], ...extra }).trim();
}

/**
 * Criterion's estimates, running `cargo bench --bench kernels` once (unless `reuse`: then its last
 * estimates in target/criterion); `filter`, a regex of benchmark ids, runs only those. Returns `read(name)`: { median_ms, ci95_ms } or null.
 */
export function criterion(repo, args, { reuse, log, filter = null }) {
  if (!reuse) {
    log(`native Rust: cargo bench --bench kernels (criterion${filter ? `, only ${filter}` : ''})`);
    const r = spawnSync('cargo', ['bench', '--bench', 'kernels', '--', ...(filter ? [filter] : []), ...args], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`cargo bench failed (${r.status ?? r.error?.message})`);
  }
  return (name) => {
    const f = join(repo, 'target/criterion', name, 'new/estimates.json');
    if (!existsSync(f)) return null;
    const e = JSON.parse(readFileSync(f, 'utf8')).median;
    return { median_ms: e.point_estimate / 1e6, ci95_ms: [e.confidence_interval.lower_bound / 1e6, e.confidence_interval.upper_bound / 1e6] };
  };
}

/** The CPython that runs the twins natively: $CPYTHON, else python3 on PATH (stdlib only). */
export const CPYTHON = process.env.CPYTHON ?? 'python3';

/** bench/cpython.py on `cases` ([{ workload, params }]); `args` its options. */
export function cpython(repo, args, cases) {
  return JSON.parse(sh(repo, CPYTHON, ['bench/cpython.py', ...args], { input: JSON.stringify(cases), maxBuffer: 64 << 20 }));
}

/** Pyodide's load in Node, plain and from the site's memory snapshot. */
export function pyodideInNode(repo, repeats) {
  return JSON.parse(sh(repo, process.execPath, ['bench/pyodide-node.mjs', '--repeats', String(repeats)], { maxBuffer: 16 << 20 }));
}
