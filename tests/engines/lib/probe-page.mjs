// Code run inside a page (through WebDriver's executeScript) to see what an engine gives it:
// isolation, SharedArrayBuffer, shared wasm memory, wasm atomics, Atomics.wait in a worker,
// hardwareConcurrency, and the tick of performance.now() in the page and in a dedicated worker.
// Kept independent of the site's code, so it checks the site's own capability ladder.

/** Runs in the browser. Must be self-contained (it is serialised). */
export async function probeInPage() {
  // A wasm module with an imported shared memory and one i32.atomic.rmw.add: it compiles and
  // runs only where the engine implements wasm threads.
  const ATOMIC_WASM = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, 0x02, 0x09, 0x01, 0x01,
    0x65, 0x01, 0x6d, 0x02, 0x03, 0x01, 0x01, 0x03, 0x02, 0x01, 0x00, 0x07, 0x07, 0x01, 0x03, 0x61, 0x64, 0x64, 0x00,
    0x00, 0x0a, 0x0c, 0x01, 0x0a, 0x00, 0x41, 0x00, 0x41, 0x01, 0xfe, 0x1e, 0x02, 0x00, 0x0b,
  ];
  function body(wasmBytes) {
    function tick(budgetMs) {
      // Every distinct step of performance.now() for up to budgetMs (or 3000 steps).
      const steps = [];
      const t0 = performance.now();
      let last = t0;
      while (steps.length < 3000) {
        const now = performance.now();
        if (now !== last) {
          steps.push(now - last);
          last = now;
        }
        if (now - t0 > budgetMs) break;
      }
      steps.sort((a, b) => a - b);
      const q = (p) => (steps.length ? steps[Math.min(steps.length - 1, Math.floor(p * steps.length))] : null);
      return { steps: steps.length, minMs: q(0), medianMs: q(0.5), p90Ms: q(0.9), maxMs: q(1) };
    }
    function sharedMemory() {
      try {
        const m = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
        return m.buffer instanceof SharedArrayBuffer ? 'yes' : `buffer is ${Object.prototype.toString.call(m.buffer)}`;
      } catch (e) {
        return `no: ${e.name}: ${e.message}`;
      }
    }
    function atomics() {
      try {
        const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
        const inst = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(wasmBytes)), { e: { m: memory } });
        inst.exports.add();
        return inst.exports.add() === 1 ? 'yes' : 'wrong result';
      } catch (e) {
        return `no: ${e.name}: ${e.message}`;
      }
    }
    function wait() {
      if (typeof SharedArrayBuffer !== 'function') return 'no SharedArrayBuffer';
      try {
        return Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
      } catch (e) {
        return `no: ${e.name}: ${e.message}`;
      }
    }
    return {
      crossOriginIsolated: self.crossOriginIsolated === true,
      sharedArrayBuffer: typeof SharedArrayBuffer === 'function',
      sharedWasmMemory: sharedMemory(),
      wasmAtomics: atomics(),
      atomicsWait: wait(),
      hardwareConcurrency: navigator.hardwareConcurrency,
      tick: tick(200),
    };
  }
  const page = body(ATOMIC_WASM);
  // The same checks in a dedicated worker (Atomics.wait is allowed there, never on the page).
  const src = `const body = ${body.toString()};\nonmessage = (e) => postMessage(body(e.data));`;
  const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
  let worker;
  try {
    worker = await new Promise((resolve) => {
      const w = new Worker(url);
      w.onmessage = (e) => resolve(e.data);
      w.onerror = (e) => resolve({ error: e.message ?? 'worker error' });
      w.postMessage(ATOMIC_WASM);
      setTimeout(() => resolve({ error: 'worker timed out' }), 10_000);
    });
  } finally {
    URL.revokeObjectURL(url);
  }
  // Can a SharedArrayBuffer reach a worker (what the threaded build and Pyodide's interrupt need)?
  let postShared = 'no SharedArrayBuffer';
  if (typeof SharedArrayBuffer === 'function') {
    try {
      new MessageChannel().port1.postMessage(new SharedArrayBuffer(4));
      postShared = 'yes';
    } catch (e) {
      postShared = `no: ${e.name}: ${e.message}`;
    }
  }
  // Wasm threads end to end: a shared memory made here, sent to a worker, changed by an atomic
  // add there and seen here (what the threaded build does with its rayon workers).
  let sharedAcrossWorkers;
  try {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    const src2 = `onmessage = (e) => { try {
      const inst = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(e.data.wasm)), { e: { m: e.data.memory } });
      inst.exports.add(); postMessage('added'); } catch (err) { postMessage('worker: ' + err.name + ': ' + err.message); } };`;
    const url2 = URL.createObjectURL(new Blob([src2], { type: 'text/javascript' }));
    const reply = await new Promise((resolve) => {
      const w = new Worker(url2);
      w.onmessage = (e) => resolve(e.data);
      w.onerror = (e) => resolve(`worker error: ${e.message}`);
      try {
        w.postMessage({ memory, wasm: ATOMIC_WASM });
      } catch (e) {
        resolve(`postMessage: ${e.name}: ${e.message}`);
      }
      setTimeout(() => resolve('timed out'), 10_000);
    });
    URL.revokeObjectURL(url2);
    sharedAcrossWorkers = reply === 'added' ? (new Int32Array(memory.buffer)[0] === 1 ? 'yes' : 'not seen') : reply;
  } catch (e) {
    sharedAcrossWorkers = `no: ${e.name}: ${e.message}`;
  }
  return { userAgent: navigator.userAgent, page, worker, postShared, sharedAcrossWorkers };
}
