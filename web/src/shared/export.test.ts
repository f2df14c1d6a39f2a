import { describe, expect, it } from 'vitest';
import { markdownTable, resultJson, samplesCsv } from './export';
import type { SharedResult } from './share-result';

const R: SharedResult = {
  workload: 'fib',
  params: { n: 20 },
  verified: true,
  output: '6765',
  work: 'ab',
  implementations: {
    python: { medianMs: 3, ci95Ms: [2.9, 3.1], samplesMs: [3, 2.9, 3.1], batch: 1, build: 'python' },
    rust: { medianMs: 0.05, ci95Ms: null, samplesMs: [0.05, 0.06], batch: 400, build: 'st', threads: 1 },
  },
  ratios: { 'python/rust': { value: 60, ci95: [50, 70], flags: [], hidden: false }, 'rust/python': { value: 1 / 60, ci95: null, flags: [], hidden: false } },
  flags: [],
  environment: { userAgent: 'Test|Browser', hardwareConcurrency: 4, crossOriginIsolated: true, threads: true, timerTickMs: 0.005, pyodideVersion: null, pythonVersion: null },
};

describe('exports', () => {
  it('CSV has one row per sample', () => {
    const csv = samplesCsv(R).trim().split('\n');
    expect(csv[0]).toBe('workload,implementation,sample,ms_per_call,batch,threads');
    expect(csv).toHaveLength(6);
    expect(csv[4]).toBe('fib,rust,1,0.05,400,1');
  });
  it('JSON keeps every sample', () => {
    expect(JSON.parse(resultJson(R)).implementations.python.samplesMs).toEqual([3, 2.9, 3.1]);
  });
  it('Markdown is a table with the ratio, pipes escaped', () => {
    const md = markdownTable(R, (i) => (i === 'rust' ? 'Rust' : 'Python'), 'Recursive Fibonacci');
    expect(md).toContain('| Python | 3.00 ms | 2.90 ms to 3.10 ms | 3 × 1 |');
    expect(md).toContain('- Rust is 60.0× faster than Python (95% CI within this run 50.0× to 70.0×)');
    expect(md).toContain('Test\\|Browser');
  });
});
