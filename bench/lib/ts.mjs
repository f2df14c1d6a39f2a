// The TypeScript the report shares with the page, loaded through Vite so its imports resolve
// as they do in the page: the fits and summaries (web/src/bench/fit.ts, vitest-checked) and
// the one number formatter the page and the report share (web/src/shared/format.ts).
import { runnerImport } from 'vite';

async function load(path) {
  const { module } = await runnerImport(new URL(path, import.meta.url).pathname, { configFile: false, logLevel: 'silent' });
  return module;
}

export const { amdahlSpeedup, fitAmdahl, median, medianOf, meets, spread } = await load('../../web/src/bench/fit.ts');
export const { formatInterval, formatMs, formatTimes, sig } = await load('../../web/src/shared/format.ts');
