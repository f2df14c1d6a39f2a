// The page's run results (window.twinbench.run, Contract 3 of the project plan) as the report
// keeps them, and how it writes their ratios, flags and verification.
import { ci, sig } from './md.mjs';

/** One implementation's figures, without its samples. */
export function summary(impl) {
  if (!impl) return null;
  const opt = (k, v) => (v === undefined || v === null ? {} : { [k]: v });
  return {
    median_ms: impl.medianMs,
    ci95_ms: impl.ci95Ms,
    mad_ms: impl.madMs,
    samples: impl.samplesMs.length,
    batch: impl.batch,
    build: impl.build,
    noisy: impl.noisy,
    warmup_wall_ms: impl.warmupWallMs,
    ...opt('threads', impl.threads),
    ...opt('overhead_ms', impl.overheadMs),
    ...opt('messaging_ms', impl.messagingMs),
    ...opt('scaling', impl.scaling),
    ...opt('cold_ms', impl.coldDetailMs),
  };
}

/** What the report keeps of a run: verification, every implementation's summary, ratios, flags. */
export function keep(r) {
  return {
    params: r.params,
    verified: r.verified,
    output: r.output,
    work: r.work,
    mismatch: r.mismatch,
    flags: r.flags,
    ratios: r.ratios,
    impls: Object.fromEntries(Object.entries(r.implementations).map(([k, v]) => [k, summary(v)])),
  };
}

/** A ratio as "73.0× (72.7 to 73.2)", "hidden (work-not-scaling)", or "1.40× (no interval)". */
export function ratioText(r) {
  if (!r) return 'n/a';
  if (r.hidden || r.value === null) return `hidden (${r.flags.join(', ') || 'no ratio'})`;
  return `${sig(r.value)}× (${r.ci95 ? ci(r.ci95) : 'no interval'})`;
}

/** A ratio's flags, e.g. "noisy-ratio, different-builds" ('' when clean). */
export const ratioFlags = (r) => (r && !r.hidden ? r.flags.join(', ') : '');

/** A canonical output on one line, long ones shortened: the digest is what proves the work. */
export function shortOutput(o, max = 40) {
  if (o === null || o === undefined) return 'n/a';
  const one = String(o).replace(/\s*\n\s*/g, ' ⏎ ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** "yes: `output` · work `digest`", or why not. */
export function verifiedText(run) {
  if (!run) return 'n/a';
  if (!run.verified) return run.mismatch ? '**NO** (mismatch)' : 'n/a (one implementation)';
  return `yes: \`${shortOutput(run.output)}\` · work \`${run.work}\``;
}

/** The messages of a run's flags that hide a ratio, for the findings. */
export const hidingFlags = (run) => run.flags.filter((f) => f.hidesRatio);

/** A run's flags as "noisy (python, rust), noisy-ratio": each code once, with whom it is about. */
export function flagList(flags) {
  const by = new Map();
  for (const f of flags) {
    if (!by.has(f.code)) by.set(f.code, new Set());
    if (f.impl) by.get(f.code).add(f.impl);
  }
  return [...by].map(([code, impls]) => (impls.size ? `${code} (${[...impls].join(', ')})` : code)).join(', ');
}
