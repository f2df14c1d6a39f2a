// A worker that fails to start says what failed, in words a visitor can act on: Pyodide's
// files missing, the wasm failing to compile, WebAssembly blocked by the page's CSP. The
// bridge wraps every start failure with this; the next call starts a fresh worker. Pure.

export class StartFailed extends Error {
  override name = 'StartFailed';
}

const RUNTIME_NAMES: Record<string, string> = { python: 'Python (Pyodide)', rust: 'Rust', 'rust-threads': 'Rust (threads build)' };

/** The message for a runtime whose worker failed to start with `error`. */
export function describeStartFailure(runtime: string, error: unknown): string {
  const raw = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim().slice(0, 300);
  const who = RUNTIME_NAMES[runtime] ?? runtime;
  if (/wasm-unsafe-eval|Content Security Policy|Refused to compile/i.test(raw)) {
    return `WebAssembly blocked by CSP: ${who} could not start, because the page's Content-Security-Policy does not allow 'wasm-unsafe-eval'`;
  }
  if (/CompileError|magic word|failed to compile|expected magic|WebAssembly\.(instantiate|compile)/i.test(raw)) {
    return `${who} could not start: its WebAssembly failed to compile (${raw})`;
  }
  if (runtime === 'python' && /fetch|import|load|404|network|pyodide/i.test(raw)) {
    return `${who} could not start: Pyodide's files could not be loaded (${raw})`;
  }
  if (/fetch|import|404|network|script error/i.test(raw)) return `${who} could not start: its files could not be loaded (${raw})`;
  return `${who} could not start: ${raw || 'the worker failed'}`;
}

/**
 * What a worker's start-up rejection becomes: a Stop or a replacement during start-up (the
 * bridge's RunCancelled, or a WorkerDied that is not a failure) stays as it is; anything else
 * is a StartFailed that says what failed.
 */
export function asStartFailure(runtime: string, e: unknown): unknown {
  const name = e instanceof Error ? e.name : '';
  if (name === 'RunCancelled' || (name === 'WorkerDied' && !/failed/.test((e as Error).message))) return e;
  return new StartFailed(describeStartFailure(runtime, e));
}
