// Amdahl's law and its fit to measured speedups: the page's thread-sweep chart and the
// benchmark report (web/src/bench/fit.ts re-exports these) use the same code.

export interface SpeedupPoint {
  /** Threads or workers. */
  n: number;
  /** Measured speedup against the sequential baseline. */
  speedup: number;
}

export interface AmdahlFit {
  /** The fitted parallel fraction, in [0, 1]. */
  p: number;
  /** Root-mean-square error of the fit, in 1/speedup units. */
  rmse: number;
}

/** Amdahl's law: the speedup on n threads of work whose fraction p is parallel. */
export function amdahlSpeedup(p: number, n: number): number {
  return 1 / (1 - p + p / n);
}

/**
 * The least-squares p of 1/S = (1 - p) + p/n over the points, with p held to [0, 1].
 * With x = 1/n - 1 and y = 1/S the model is y = 1 + p·x, so p = Σx(y - 1) / Σx².
 * Points with n = 1 carry no information about p (x = 0); null when no point has n > 1.
 */
export function fitAmdahl(points: readonly SpeedupPoint[]): AmdahlFit | null {
  const ok = points.filter((q) => Number.isFinite(q.n) && q.n >= 1 && Number.isFinite(q.speedup) && q.speedup > 0);
  let sxy = 0;
  let sxx = 0;
  for (const { n, speedup } of ok) {
    const x = 1 / n - 1;
    sxy += x * (1 / speedup - 1);
    sxx += x * x;
  }
  if (sxx === 0) return null;
  const p = Math.min(1, Math.max(0, sxy / sxx));
  const sse = ok.reduce((s, { n, speedup }) => s + (1 / speedup - (1 - p + p / n)) ** 2, 0);
  return { p, rmse: Math.sqrt(sse / ok.length) };
}
