// What pages and UI components may use of the engine: the engine singleton, the page API, the
// implementation table's labels and availability, and the result types. Nothing else of
// engine/ is imported outside app/ (make lint checks it).
import type { WorkloadSpec } from '../generated/catalog';
import type { Capabilities } from '../engine/environment';
import { IMPLEMENTATION_IDS, IMPLEMENTATIONS, type Ask, type Impl, type Runtime } from '../engine/implementations';
import { DEFAULTS } from '../engine/request';
import { engine } from './engine';

export { engine } from './engine';
export { installApi, type TwinbenchApi } from './api';
export type { Capabilities } from '../engine/environment';
export type { Environment } from '../engine/environment';
export type { Flag, FlagCode, Impl, ImplResult, RunHooks, RunRequest, RunResult, StopReport, SweepPoint, SweepResult } from '../engine/types';
export type { SweepHooks } from '../engine/engine';
export { siteRoot, pageUrl, workloadUrl } from './site';
export type { Ask, Runtime } from '../engine/implementations';
export { IMPLEMENTATION_IDS };

export function isImplId(x: unknown): x is Impl {
  return typeof x === 'string' && (IMPLEMENTATION_IDS as readonly string[]).includes(x);
}

/** This browser's capabilities (cross-origin isolation, threads, ...), as the engine sees them. */
export function browserCapabilities(): Capabilities {
  return engine().capabilities();
}

export function label(impl: Impl): string {
  return IMPLEMENTATIONS[impl].label;
}

/** Why `impl` cannot run for `w` here, or null. */
export function unavailable(impl: Impl, w: WorkloadSpec, caps: Capabilities, ask: Ask = {}): string | null {
  return IMPLEMENTATIONS[impl].available(w, caps, ask);
}

/** The implementations a run measures when none are named. */
export const DEFAULT_IMPLEMENTATIONS: readonly Impl[] = DEFAULTS.implementations;
export { downloadPython, pythonDownloaded, PYTHON_BYTES, type DownloadProgress, type DownloadReport } from './download';
export { prepare, prepareWhenIdle, saveData } from './prepare';

/**
 * Start a runtime's worker ('python', 'rust', 'rust-threads') ahead of a Run, without running
 * anything: call it on intent (hover or focus on Run, an idle page without saveData), never
 * for a widget before Run. Idempotent; an unused worker is reaped when idle; never rejects.
 */
export function prewarm(runtime: Runtime): Promise<void> {
  return engine().prewarm(runtime);
}
