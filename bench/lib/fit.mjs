// The report's figures from web/src/bench/fit.ts (vitest-checked), loaded through Vite so its
// TypeScript and its import of the engine's statistics resolve as they do in the page.
import { runnerImport } from 'vite';

const { module } = await runnerImport(new URL('../../web/src/bench/fit.ts', import.meta.url).pathname, { configFile: false, logLevel: 'silent' });
export const { amdahlSpeedup, fitAmdahl, median, medianOf, meets, spread } = module;
