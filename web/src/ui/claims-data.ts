// Published claims about Rust against Python, by workload, and the rows of "Claimed against
// measured": each claim beside what this browser measured and what `make bench` measured on the
// reference machine (natively and in the browser). Pure data and arithmetic: claims.ts draws it.
import { formatMs, formatTimes } from '../shared/format';
import { referenceMachineWords, type Reference } from '../shared/reference';
import { shortFlag } from './result/flag-words';

export interface Claim {
  /** Python's time over Rust's, as published (or as computed from the published times). */
  ratio: number;
  /** What was compared, in the source's terms. */
  what: string;
  /** Where the number comes from. */
  source: string;
}

/**
 * The Benchmarks Game's published measurements: the fastest Python 3 and the fastest Rust program,
 * elapsed seconds at the full-size workload on its 4-core machine. Taken from its data file
 * (public/data/alldata.csv in salsa.debian.org/benchmarksgame-team/benchmarksgame) as converted
 * in github.com/ajdust/benchmarksgamevis, docs/data.json (commit 1856aea). The fastest programs
 * may use every core and a different algorithm each, which the twins here do not.
 */
const GAME: Readonly<Record<string, { name: string; size: string; python: [string, number]; rust: [string, number] }>> = {
  nbody: { name: 'n-body', size: '50,000,000 steps', python: ['#1', 567.56], rust: ['#7', 3.43] },
  'spectral-norm': { name: 'spectral-norm', size: 'n = 5,500', python: ['#8', 120.99], rust: ['#5', 0.72] },
  mandelbrot: { name: 'mandelbrot', size: '16,000 × 16,000', python: ['#7', 163.32], rust: ['#8', 0.93] },
  'fannkuch-redux': { name: 'fannkuch-redux', size: 'n = 12', python: ['#4', 352.29], rust: ['#5', 7.71] },
  'binary-trees': { name: 'binary-trees', size: 'depth 21', python: ['#4', 48.03], rust: ['#5', 1.06] },
};

const GAME_SOURCE =
  'the Benchmarks Game’s measurements (its data file, as copied in github.com/ajdust/benchmarksgamevis, docs/data.json, commit 1856aea); its fastest programs may use all 4 cores and their own algorithms';

function gameClaims(): Record<string, Claim> {
  const out: Record<string, Claim> = {};
  for (const [id, g] of Object.entries(GAME)) {
    out[id] = {
      ratio: g.python[1] / g.rust[1],
      what: `${g.name} at ${g.size}: fastest Python 3 program (${g.python[0]}) ${g.python[1]} s over fastest Rust program (${g.rust[0]}) ${g.rust[1]} s, elapsed, natively`,
      source: GAME_SOURCE,
    };
  }
  return out;
}

/** Published claims by workload id. fib's is the sentence twinbench started from (DESIGN.md, the fib story). */
export const CLAIMS: Readonly<Record<string, Claim>> = {
  fib: {
    ratio: 43,
    what: 'Rust against pure Python on fib(35), natively (CPython, compiled Rust)',
    source: 'the article twinbench was started from, quoted in the fib story and in DESIGN.md',
  },
  ...gameClaims(),
};

export interface Measured {
  /** Python over Rust in this browser, with its interval within the run. */
  ratio: number | null;
  ci95: [number, number] | null;
  params: Record<string, number | string>;
  /** The few words of each flag on that ratio (e.g. "uncertain ratio"). */
  flags?: string[];
}

export interface ClaimRow {
  key: 'claim' | 'browser' | 'native' | 'reference';
  what: string;
  value: string;
  where: string;
  /** Few words per flag that greys the figure; empty when none. */
  flags: string[];
}

const paramWords = (p: Record<string, number | string>): string =>
  Object.entries(p)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

/** The rows: the claim (if any), this browser's figure (or "press Run"), and make bench's two figures (if measured). */
export function claimRows(id: string, ref: Reference, measured: Measured | null): ClaimRow[] {
  const claim = CLAIMS[id];
  const k = ref.kernels[id];
  const machine = referenceMachineWords(ref);
  const rows: ClaimRow[] = [];
  if (claim) rows.push({ key: 'claim', what: 'Claimed', value: formatTimes(claim.ratio), where: `${claim.what}; source: ${claim.source}.`, flags: [] });
  const got = measured?.ratio ?? null;
  rows.push({
    key: 'browser',
    what: 'Measured in your browser',
    value: got !== null ? formatTimes(got) : 'press Run',
    where:
      got !== null && measured
        ? `Python (Pyodide) over Rust (wasm), ${paramWords(measured.params)}; 95% interval within the run ${measured.ci95 ? `${formatTimes(measured.ci95[0])} to ${formatTimes(measured.ci95[1])}` : 'none'}.`
        : 'Python (Pyodide) over Rust (wasm), on this page, after Run.',
    flags: got !== null ? (measured?.flags ?? []) : [],
  });
  if (k?.nativeRatio != null) {
    rows.push({
      key: 'native',
      what: 'Native, make bench',
      value: formatTimes(k.nativeRatio),
      where: `CPython ${formatMs(k.cpythonMs)} over native Rust ${formatMs(k.nativeRustMs)}, ${paramWords(k.params)}, on ${machine}.`,
      flags: [],
    });
  }
  if (k?.ratio?.value != null) {
    rows.push({
      key: 'reference',
      what: 'In the browser, make bench',
      value: formatTimes(k.ratio.value),
      where: `Pyodide ${formatMs(k.pyodideMs)} over wasm ${formatMs(k.wasmRustMs)}, ${paramWords(k.params)}, on ${machine}.`,
      flags: [...new Set(k.ratio.flags.map(shortFlag))],
    });
  }
  return rows;
}
