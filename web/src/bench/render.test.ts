// `make bench` then `node bench/run.mjs --render` must write the same bytes: everything in the
// report is derived from the raw figures report.json keeps. This renders the committed report
// from its own raw part (twice, so the output is also a fixed point) and compares.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const committed = (f: string) => readFileSync(join(repo, 'bench', f), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'twinbench-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function render(): { json: string; md: string } {
  execFileSync(process.execPath, ['bench/run.mjs', '--render', '--out', dir], { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
  return { json: readFileSync(join(dir, 'report.json'), 'utf8'), md: readFileSync(join(dir, 'report.md'), 'utf8') };
}

describe('bench --render', () => {
  it('reproduces the committed report.json and report.md byte for byte (else: node bench/run.mjs --render)', () => {
    copyFileSync(join(repo, 'bench/report.json'), join(dir, 'report.json'));
    const first = render();
    expect(first.json).toBe(committed('report.json'));
    expect(first.md).toBe(committed('report.md'));
    const second = render();
    expect(second.json).toBe(first.json);
    expect(second.md).toBe(first.md);
  }, 60_000);
});
