// Canonical outputs as the engine compares them. Text stays text; bytes (mandelbrot's PBM)
// become a digest, computed in the worker after the timed region so no megabytes cross to
// the page unless it wants to draw them.
import type { OutputPayload } from './protocol';

function hex(buf: ArrayBuffer): string {
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** FNV-1a 64, for the rare context without WebCrypto (plain http on a non-local host). */
function fnv1a64(bytes: Uint8Array): string {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

export async function digest(bytes: Uint8Array): Promise<string> {
  if (globalThis.crypto?.subtle) {
    // A copy: digest() wants an ArrayBuffer-backed view, and the input may be a wasm memory view.
    return `sha256:${hex(await crypto.subtle.digest('SHA-256', bytes.slice()))} (${bytes.length} bytes)`;
  }
  return `fnv1a64:${fnv1a64(bytes)} (${bytes.length} bytes)`;
}

export async function toPayload(out: string | Uint8Array, wantBytes = false): Promise<OutputPayload> {
  if (typeof out === 'string') return { canonical: out, kind: 'text' };
  return { canonical: await digest(out), kind: 'bytes', ...(wantBytes ? { bytes: out } : {}) };
}
