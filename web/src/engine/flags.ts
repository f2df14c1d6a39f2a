// The flags a result can carry (Contract 3), each with one sentence a visitor understands and
// whether it invalidates the ratios it touches (those are hidden, not greyed).

export const FLAG_CODES = [
  'few-samples',
  'drift',
  'noisy',
  'noisy-ratio',
  'work-not-scaling',
  'custom-python',
  'different-builds',
  'timer-coarse',
  'mismatch',
  'nondeterministic',
  'hidden-samples-discarded',
  'nothing-to-compare',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export interface Flag {
  code: FlagCode;
  /** The implementation it is about, for flags about one. */
  impl?: string;
  /** The ratio it is about (`a/b`), for flags about one pair. */
  ratio?: string;
  message: string;
  /** The number it touches is invalid: ratios carrying it are hidden (value null). */
  hidesRatio: boolean;
}

/** Codes that invalidate a ratio; the others grey it. */
export const HIDES_RATIO: ReadonlySet<FlagCode> = new Set(['work-not-scaling', 'mismatch', 'nondeterministic']);

/** Flags about one implementation that also mark every ratio it is part of. */
export const MARKS_RATIOS: ReadonlySet<FlagCode> = new Set([
  'few-samples',
  'drift',
  'noisy',
  'work-not-scaling',
  'custom-python',
  'nondeterministic',
]);

export function flag(code: FlagCode, message: string, about: { impl?: string; ratio?: string } = {}): Flag {
  return { code, ...about, message, hidesRatio: HIDES_RATIO.has(code) };
}
