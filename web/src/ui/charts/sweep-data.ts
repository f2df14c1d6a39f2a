// What a sweep chart draws: one point per thread count or input size, each a ratio measured
// within its own run (so each point has its own interval), and which ratio it is.

export interface SweepSeries {
  /** 'Rust, rayon threads', 'Rust worker pool', ... */
  label: string;
  /** Python or Rust: the colour. */
  lang: 'py' | 'rs';
  points: Array<{ x: number; value: number | null; ci95: [number, number] | null }>;
}

export interface SweepData {
  /** 'threads' (speedup against threads) or the swept parameter's name. */
  x: string;
  xLabel: string;
  series: SweepSeries[];
  /** For the Amdahl workload: the parallel fraction it was asked for (0..1). */
  expectedP?: number;
}
