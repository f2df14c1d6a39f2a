// Modules the site's Vite plugin (web/build/site-pages.ts) provides at build time.
declare module 'virtual:twinbench/reference' {
  const reference: import('./shared/reference').Reference;
  export default reference;
}

declare module 'virtual:twinbench/runtime-files' {
  /** The Pyodide files the Python worker fetches, relative to the site's root, with their sizes. */
  const files: ReadonlyArray<{ path: string; bytes: number }>;
  export default files;
}
