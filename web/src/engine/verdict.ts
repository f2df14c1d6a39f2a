// The verdict of a run, from the harness's measurements alone (pure, unit-tested): is the
// output verified (outputs AND work digests identical), the statistics of each
// implementation, the ratios with their intervals, and the flags that grey or hide them.
import { formatMs, formatTimes, sig } from '../shared/format';
import { flag, MARKS_RATIOS, type Flag, type FlagCode } from './flags';
import type { Measured } from './harness';
import { judgeScaling, type ScalingPlan, type ScalingResult } from './scaling';
import { drift, isNoisy, median, MIN_SAMPLES_CI, MIN_SAMPLES_RATIO_CI, ratioCI, summarize, type Summary } from './stats';

export type Build = 'st' | 'mt' | 'python';

/** What the verdict needs to know about each implementation besides its samples. */
export interface ImplFacts {
  label: string;
  build: Build;
  /** It ran the visitor's edited Python. */
  custom: boolean;
  /** Where the scaling samples were taken; null when there are none. */
  scaling: ScalingPlan | null;
}

export interface VerdictInput {
  measured: readonly Measured[];
  facts: Readonly<Record<string, ImplFacts>>;
  tickMs: number;
  /** Timer ticks above this are coarse. */
  coarseTickMs: number;
}

export interface ImplVerdict extends Summary {
  output: string;
  work: string;
  samplesMs: number[];
  warmupMs: number[];
  warmupWallMs: number;
  batch: number;
  build: Build;
  overheadMs?: number;
  messagingMs?: number;
  scaling?: Omit<ScalingResult, 'scales'>;
}

export interface RatioVerdict {
  value: number | null;
  ci95: [number, number] | null;
  flags: FlagCode[];
  hidden: boolean;
}

export interface Verdict {
  verified: boolean;
  output: string | null;
  work: string | null;
  mismatch: Record<string, { output: string; work: string }> | null;
  implementations: Record<string, ImplVerdict>;
  ratios: Record<string, RatioVerdict>;
  flags: Flag[];
}

function pct(x: number): string {
  return `${x >= 0 ? '+' : ''}${sig(x * 100, 2)}%`;
}

/** Flags about one implementation, from its own samples. */
function implFlags(m: Measured, f: ImplFacts, s: Summary, scaling: ScalingResult | null): Flag[] {
  const out: Flag[] = [];
  const n = m.samplesMs.length;
  const about = { impl: m.name };
  if (m.outputs.length > 1) {
    out.push(flag('nondeterministic', `${f.label} gave different results from one sample to the next, so nothing can be verified.`, about));
  }
  if (n < MIN_SAMPLES_RATIO_CI) {
    const what = n < MIN_SAMPLES_CI ? 'neither is shown' : 'its ratios have none';
    out.push(
      flag(
        'few-samples',
        `${f.label} has ${n} sample${n === 1 ? '' : 's'}: a 95% interval needs ${MIN_SAMPLES_CI} (a ratio's ${MIN_SAMPLES_RATIO_CI}), so ${what}.`,
        about,
      ),
    );
  }
  if (s.noisy) {
    out.push(flag('noisy', `${f.label}'s 95% interval is wider than ±5% of its median: its times varied a lot in this run.`, about));
  }
  const d = drift(m.samplesMs);
  if (d?.drifted) {
    out.push(
      flag(
        'drift',
        `${f.label}'s times moved ${pct(d.change)} from the first half of the run to the second (${formatMs(d.firstMs)} to ${formatMs(d.secondMs)}): the load or the runtime changed while measuring.`,
        about,
      ),
    );
  }
  if (scaling && !scaling.scales) {
    out.push(
      flag(
        'work-not-scaling',
        `${f.label}'s time did not grow with the work (${scaling.param} ${scaling.small} should take ${formatTimes(scaling.expected)} the time, it took ${formatTimes(scaling.measured)}): the work may be optimised away or lost in per-call overhead, so its ratios are hidden.`,
        about,
      ),
    );
  }
  if (f.custom) {
    out.push(flag('custom-python', `${f.label} ran your edited code, not the reference twin: its times measure your code.`, about));
  }
  if (m.discardedHidden > 0) {
    out.push(
      flag(
        'hidden-samples-discarded',
        `${m.discardedHidden} of ${f.label}'s samples were taken while the page was hidden and were discarded (browsers slow hidden pages down).`,
        about,
      ),
    );
  }
  return out;
}

function summarizeImpl(m: Measured, f: ImplFacts): { result: ImplVerdict; scaling: ScalingResult | null } {
  const s = summarize(m.samplesMs);
  const last = m.outputs[m.outputs.length - 1] ?? { output: '', work: '' };
  // Each small sample against the full-size sample taken just before it; the median of those ratios.
  const pairs = m.scalingMs.map((small, k) => small / m.scalingBesideMs[k]!);
  const scaling = f.scaling && pairs.length > 0 ? judgeScaling(f.scaling, median(pairs)) : null;
  const result: ImplVerdict = {
    output: last.output,
    work: last.work,
    ...s,
    samplesMs: m.samplesMs,
    warmupMs: m.warmupMs,
    warmupWallMs: m.warmupWallMs,
    batch: m.batch,
    build: f.build,
  };
  if (m.overheadMs !== null) result.overheadMs = m.overheadMs;
  if (m.messagingMs.length > 0) result.messagingMs = median(m.messagingMs);
  if (scaling) {
    const { scales: _, ...shown } = scaling;
    result.scaling = shown;
  }
  return { result, scaling };
}

/** Outputs and work digests identical everywhere (a pool's shards' digests add up to the whole run's). */
function verify(measured: readonly Measured[], facts: VerdictInput['facts']): { ok: boolean; why: string } {
  const first = measured[0]!;
  const label = (m: Measured): string => facts[m.name]!.label;
  const last = (m: Measured) => m.outputs[m.outputs.length - 1] ?? { output: '', work: '' };
  for (const m of measured) {
    if (m.outputs.length !== 1) return { ok: false, why: `${label(m)} gave different results from one sample to the next, so no ratio is shown.` };
  }
  for (const m of measured.slice(1)) {
    if (last(m).output !== last(first).output) {
      return { ok: false, why: `The outputs differ (${label(first)} and ${label(m)} printed different results), so no ratio is shown.` };
    }
  }
  for (const m of measured.slice(1)) {
    if (last(m).work !== last(first).work) {
      return {
        ok: false,
        why: `The outputs match but the work digests differ (${label(first)} ${last(first).work || '(none)'}, ${label(m)} ${last(m).work || '(none)'}): one side did different work, so no ratio is shown.`,
      };
    }
  }
  return { ok: true, why: '' };
}

export function verdict(input: VerdictInput): Verdict {
  const { measured, facts } = input;
  const flags: Flag[] = [];
  const implementations: Record<string, ImplVerdict> = {};
  const marks = new Map<string, Flag[]>();
  for (const m of measured) {
    const f = facts[m.name]!;
    const { result, scaling } = summarizeImpl(m, f);
    implementations[m.name] = result;
    const own = implFlags(m, f, result, scaling);
    flags.push(...own);
    marks.set(m.name, own.filter((x) => MARKS_RATIOS.has(x.code)));
  }

  const only = measured.length === 1 ? measured[0]! : null;
  const check = only ? { ok: false, why: '' } : verify(measured, facts);
  if (only) {
    flags.push(flag('nothing-to-compare', `Only ${facts[only.name]!.label} ran: there is nothing to compare its output or time with.`));
  } else if (!check.ok) {
    flags.push(flag('mismatch', check.why));
  }
  if (input.tickMs > input.coarseTickMs) {
    flags.push(
      flag(
        'timer-coarse',
        `This page's timer ticks every ${formatMs(input.tickMs)}: samples last long enough to time, but short calls are batched and less precise.`,
      ),
    );
  }

  const ratios: Record<string, RatioVerdict> = {};
  for (const [i, a] of measured.entries()) {
    for (const b of measured.slice(i + 1)) {
      const fa = facts[a.name]!;
      const fb = facts[b.name]!;
      const key = `${a.name}/${b.name}`;
      const own: Flag[] = [...(marks.get(a.name) ?? []), ...(marks.get(b.name) ?? [])];
      if (!check.ok) own.push(flag('mismatch', check.why));
      if (fa.build !== 'python' && fb.build !== 'python' && fa.build !== fb.build) {
        const f = flag(
          'different-builds',
          `${fa.label} and ${fb.label} are different wasm builds (stable single-threaded against nightly with shared memory), so their ratio is not a thread speedup; the threaded build on one thread is the like-for-like baseline.`,
          { ratio: key },
        );
        own.push(f);
        flags.push(f);
      }
      const hidden = own.some((f) => f.hidesRatio);
      const r = ratioCI(a.samplesMs, b.samplesMs);
      if (!hidden && isNoisy(r.value, r.ci95)) {
        const f = flag('noisy-ratio', `The 95% interval of ${fa.label} over ${fb.label} is wider than ±5%: the ratio is uncertain.`, { ratio: key });
        own.push(f);
        flags.push(f);
      }
      const codes = [...new Set(own.map((f) => f.code))];
      const ci = hidden ? null : r.ci95;
      ratios[key] = { value: hidden ? null : r.value, ci95: ci, flags: codes, hidden };
      ratios[`${b.name}/${a.name}`] = {
        value: hidden ? null : 1 / r.value,
        ci95: ci ? [1 / ci[1], 1 / ci[0]] : null,
        flags: codes,
        hidden,
      };
    }
  }

  const lastOf = (m: Measured) => m.outputs[m.outputs.length - 1] ?? { output: '', work: '' };
  const unanimous = only !== null && only.outputs.length === 1;
  return {
    verified: check.ok,
    output: check.ok || unanimous ? lastOf(measured[0]!).output : null,
    work: check.ok || unanimous ? lastOf(measured[0]!).work : null,
    mismatch: check.ok || only ? null : Object.fromEntries(measured.map((m) => [m.name, lastOf(m)])),
    implementations,
    ratios,
    flags,
  };
}
