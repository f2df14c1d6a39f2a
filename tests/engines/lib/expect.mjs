// What the capability ladder should say in each engine variant, isolated or not: the facts
// found by tests/engines/probe.mjs and written up in docs/engines.md.
import { availableParallelism } from 'node:os';

/**
 * @param variant a VARIANTS entry (with .engine and .expect)
 * @param isolated whether the page is served with COOP/COEP
 */
export function expectedCapabilities(variant, isolated) {
  const sab = isolated ? variant.expect.sharedArrayBufferWhenIsolated : variant.id === 'webkit-sab';
  const threads = isolated && variant.expect.threadsWhenIsolated;
  const cores = availableParallelism();
  return {
    crossOriginIsolated: isolated,
    // JSC_useSharedArrayBuffer=1 is process-wide: WebKit then has SharedArrayBuffer even
    // without isolation (the page still keeps threads off, as it must).
    sharedArrayBuffer: sab,
    threads,
    pythonInterrupt: threads,
    /** The reason the notice must give when threads are off (null: no notice). */
    notice: threads ? null : isolated ? /SharedArrayBuffer/ : /not cross-origin isolated/,
    // WebKit reports a bucket, not the core count: 4 below 8 cores, else 8 (anti-fingerprinting,
    // WebCore NavigatorBase::hardwareConcurrency). Firefox and Chromium report the cores.
    hardwareConcurrency: variant.engine === 'webkit' ? (cores < 8 ? 4 : 8) : cores,
    // performance.now(): 20 us isolated in Firefox and WebKit (5 us in Chromium), 1 ms (Firefox,
    // WebKit) or 100 us (Chromium) otherwise.
    tickMs: isolated ? (variant.engine === 'chromium' ? 0.005 : 0.02) : variant.engine === 'chromium' ? 0.1 : 1,
  };
}
