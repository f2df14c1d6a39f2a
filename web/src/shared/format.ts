// Numbers as people read them, shared by the page and the benchmark report (bench/ loads this
// file the way it loads web/src/bench/fit.ts): three significant digits, a unit that keeps
// them readable, and 'n/a' for a number that is not there.

/** Whether `x` is a number worth showing (null, undefined, NaN and ±Infinity are not). */
function present(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** `x` to `digits` significant digits (at most 6 decimals), without an exponent. */
export function sig(x: number | null | undefined, digits = 3): string {
  if (!present(x)) return 'n/a';
  if (x === 0) return '0';
  const mag = Math.floor(Math.log10(Math.abs(x)));
  const decimals = Math.max(0, digits - 1 - mag);
  return x.toFixed(Math.min(decimals, 6));
}

/** A duration given in milliseconds, in ns, µs, ms or s: `812 µs`, `1.21 ms`, `2.05 s`. */
export function formatMs(x: number | null | undefined, digits = 3): string {
  if (!present(x)) return 'n/a';
  const a = Math.abs(x);
  if (a < 0.001 && x !== 0) return `${sig(x * 1e6, digits)} ns`;
  if (a < 1 && x !== 0) return `${sig(x * 1e3, digits)} µs`;
  if (a < 1000) return `${sig(x, digits)} ms`;
  return `${sig(x / 1000, digits)} s`;
}

/** A ratio: `73.0×`, `1.87×`. */
export function formatTimes(x: number | null | undefined, digits = 3): string {
  return present(x) ? `${sig(x, digits)}×` : 'n/a';
}

/** An interval as `lo to hi` in the given format, or 'n/a' when there is none. */
export function formatInterval(
  ci: readonly [number, number] | null | undefined,
  format: (x: number) => string = formatMs,
): string {
  return ci ? `${format(ci[0])} to ${format(ci[1])}` : 'n/a';
}
