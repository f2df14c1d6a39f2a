// ARCHITECTURE.md's import rules, checked by `make lint` (npx depcruise web/src). Each rule
// names the layer boundary it guards; a violation fails the build.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'workers-stay-workers',
      comment: 'Workers import shared/ and the wasm packages, never the engine, the app, the UI or the pages.',
      severity: 'error',
      from: { path: '^web/src/workers/' },
      to: { path: '^web/src/(engine|app|ui|pages|bench)/' },
    },
    {
      name: 'main-thread-runs-no-kernel',
      comment: 'Only workers load wasm or Pyodide: the main thread never runs a kernel.',
      severity: 'error',
      from: { path: '^web/src/', pathNot: '^web/src/(workers|wasm)/' },
      to: { path: ['^web/src/wasm/', 'node_modules/pyodide/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'engine-knows-no-page',
      comment: 'The engine imports shared/ and the catalog; it spawns workers only through the bridge.',
      severity: 'error',
      from: { path: '^web/src/engine/' },
      to: { path: '^web/src/(app|ui|pages|workers|bench)/' },
    },
    {
      name: 'pages-and-ui-through-app',
      comment: 'Pages and UI components talk to the engine only through app/.',
      severity: 'error',
      from: { path: '^web/src/(ui|pages)/' },
      to: { path: '^web/src/(engine|workers)/' },
    },
    {
      name: 'ui-knows-no-page',
      comment: 'UI components take a root element; they never reach into a page.',
      severity: 'error',
      from: { path: '^web/src/ui/' },
      to: { path: '^web/src/pages/' },
    },
    {
      name: 'pages-are-separate',
      comment: 'One folder per Vite input; a page never imports another page.',
      severity: 'error',
      from: { path: '^web/src/pages/([^/]+)/' },
      to: { path: '^web/src/pages/', pathNot: '^web/src/pages/$1/' },
    },
    {
      name: 'app-is-below-the-ui',
      comment: 'app/ (engine singleton, page API) is what the UI builds on, not the other way round.',
      severity: 'error',
      from: { path: '^web/src/app/' },
      to: { path: '^web/src/(ui|pages|workers)/' },
    },
    {
      name: 'shared-is-shared',
      comment: 'shared/ runs on both sides of the worker boundary, so it imports neither side.',
      severity: 'error',
      from: { path: '^web/src/shared/' },
      to: { path: '^web/src/(engine|app|ui|pages|workers|wasm|bench)/' },
    },
    {
      name: 'generated-is-a-leaf',
      comment: 'Generated files depend on nothing of ours.',
      severity: 'error',
      from: { path: '^web/src/generated/' },
      to: { path: '^web/src/' },
    },
    {
      name: 'bench-figures-are-pure',
      comment: 'The report figures (web/src/bench) use the engine statistics and shared formatters only.',
      severity: 'error',
      from: { path: '^web/src/bench/' },
      to: { path: '^web/src/(app|ui|pages|workers|wasm)/' },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles hide which layer depends on which.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    // The wasm packages are generated: they are import targets, not code to check.
    doNotFollow: { path: ['node_modules', '^web/src/wasm/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
