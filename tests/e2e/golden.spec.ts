// Golden vectors in the browser (RELIABILITY.md 19): for every workload, the vector marked
// "browser" runs through the page, in Pyodide and in Rust wasm, and both give its output and
// its work digest.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COI_URL, apiRun, expect, ready, test } from './fixtures';

interface GoldenVector {
  params: Record<string, number | string>;
  output?: string | null;
  work?: string;
  output_sha256?: string;
  output_len?: number;
  browser?: boolean;
}

const dir = fileURLToPath(new URL('../golden/', import.meta.url));
const vectors = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { workload?: string; vectors?: GoldenVector[] })
  // params.json, the parameter case table, sits beside the vectors.
  .filter((data) => data.workload !== undefined && Array.isArray(data.vectors))
  .map((data) => ({ id: data.workload!, vector: data.vectors!.find((v) => v.browser)! }));

test.describe('golden vectors in the browser', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(COI_URL);
    await ready(page);
  });

  for (const { id, vector } of vectors) {
    test(`${id}: Python and Rust reproduce the golden output`, async ({ page }) => {
      const r = await apiRun(page, { workload: id, params: vector.params, maxSamples: 1, timeBudgetMs: 1 });
      const want =
        vector.output_sha256 !== undefined ? `sha256:${vector.output_sha256} (${vector.output_len} bytes)` : vector.output;
      expect(want, 'the golden vector has a real output').toBeTruthy();
      expect(r.implementations.python!.output).toBe(want);
      expect(r.implementations.rust!.output).toBe(want);
      expect(vector.work, 'the golden vector has a work digest').toMatch(/^[0-9a-f]{16}$/);
      expect(r.implementations.python!.work).toBe(vector.work);
      expect(r.implementations.rust!.work).toBe(vector.work);
      expect(r.verified).toBe(true);
    });
  }
});
