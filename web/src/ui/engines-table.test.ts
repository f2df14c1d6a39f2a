// The three-engine table of the method page, from report.json's engines section as the build
// slims it: a column per measured engine, slow and unverified cells marked, skipped engines and
// engines without threads said under it.
import { describe, expect, it } from 'vitest';
import { slimReport } from '../../build/reference';
import { enginesRows, engineName } from './engines-table';

const kernel = (python_ms: number, rust_ms: number, extra: Record<string, unknown> = {}) => ({
  params: { n: 27 },
  python_ms,
  rust_ms,
  python_over_rust: python_ms / rust_ms,
  python_over_rust_ci95: [python_ms / rust_ms - 1, python_ms / rust_ms + 1],
  python_over_rust_hidden: null,
  verified: true,
  slow: [],
  ...extra,
});

const report = {
  generated: '2026-11-30T07:00:00Z',
  engines: {
    chromium: { label: 'Chromium', version: '156.0.8078.108', capabilities: { threads: true, shared_array_buffer: true }, kernels: { fib: kernel(31.4, 0.762), nbody: kernel(87.9, 0.628) } },
    firefox: {
      label: 'Firefox ESR',
      version: 'firefox 153.0.1',
      capabilities: { threads: true, shared_array_buffer: true },
      kernels: {
        fib: kernel(42.3, 0.52),
        nbody: kernel(190, 0.889, { verified: false, slow: [{ impl: 'python', over_best: 2.16, best_engine: 'chromium', cause: null }] }),
      },
    },
    webkit: {
      label: 'WebKitGTK',
      version: 'MiniBrowser 2.50.1',
      capabilities: { threads: false, shared_array_buffer: false },
      kernels: { fib: kernel(40.2, 0.421), nbody: { params: {}, error: 'worker crashed', python_ms: null, rust_ms: null, verified: false } },
    },
  },
};

describe('the three-engine table', () => {
  it('has a column per engine, named with its version', () => {
    const t = enginesRows(slimReport(report));
    expect(t?.head).toEqual(['workload', 'Chromium 156', 'Firefox ESR 153', 'WebKitGTK 2.50']);
    expect(t?.rows.map((r) => r[0])).toEqual(['fib', 'nbody']);
  });

  it('shows Python over Rust with both times, and marks slow, unverified and failed cells', () => {
    const t = enginesRows(slimReport(report));
    const [fib = [], nbody = []] = t?.rows ?? [];
    expect(fib[1]).toBe('41.2× (31.4 ms / 762 µs)');
    expect(nbody[2]).toBe('214× (190 ms / 889 µs); outputs differ; ⚠ python 2.16× Chromium’s time');
    expect(nbody[3]).toBe('error: worker crashed');
  });

  it('says which engines ran without threads and which were not measured', () => {
    const skipped = { ...report, engines: { ...report.engines, firefox: { label: 'Firefox ESR', skipped: 'not installed: /usr/bin/firefox-esr' } } };
    const t = enginesRows(slimReport(skipped));
    expect(t?.head).toEqual(['workload', 'Chromium 156', 'WebKitGTK 2.50']);
    expect(t?.notes).toEqual([
      'Firefox ESR was not measured: not installed: /usr/bin/firefox-esr.',
      'WebKitGTK 2.50 ran without threads (no SharedArrayBuffer, even cross-origin isolated); these kernels are single-threaded in every engine.',
    ]);
  });

  it('is absent from a report without an engines section', () => {
    expect(enginesRows(slimReport({ generated: null }))).toBeNull();
  });

  it('names an engine without a version by its label', () => {
    expect(engineName({ label: 'Firefox ESR', version: null, skipped: null, threads: null, sharedArrayBuffer: null, kernels: {} })).toBe('Firefox ESR');
  });
});
