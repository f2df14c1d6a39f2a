// Provided at build time by web/build/embed.ts.
declare module 'virtual:twinbench/widget-sizes' {
  /** Bytes of the single-threaded wasm a widget's first Run fetches (beside Pyodide's files). */
  const sizes: { rustWasmBytes: number };
  export default sizes;
}
