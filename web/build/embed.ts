// The embeddable widget's build: embed.html as an entry (web/embed.html), embed.js (the loader,
// src/pages/embed-loader/loader.ts bundled as one classic script under a fixed name at the site's
// root, since a blog links it by URL), a static oEmbed file per workload (w/<id>/oembed.json) and
// `virtual:twinbench/widget-sizes` (what a widget's first Run downloads beside Pyodide). `make
// serve` serves embed.js and the oEmbed files from a middleware; `make build` emits them.
import { existsSync, statSync } from 'node:fs';
import { rolldown } from 'rolldown';
import type { Plugin } from 'vite';
import { WORKLOADS, type WorkloadSpec } from '../src/generated/catalog.ts';
import { IFRAME_HEIGHT, IFRAME_WIDTH, frameTitle, iframeSnippet } from '../src/shared/embed.ts';

const SIZES_ID = 'virtual:twinbench/widget-sizes';

/** The loader as a minified IIFE: it runs as a plain <script async> on any host page. */
export async function bundleLoader(web: string): Promise<string> {
  const bundle = await rolldown({ input: `${web}src/pages/embed-loader/loader.ts`, platform: 'browser', logLevel: 'warn' });
  try {
    const { output } = await bundle.generate({ format: 'iife', minify: true });
    const chunk = output[0];
    if (!chunk || chunk.type !== 'chunk') throw new Error('embed.js: the loader bundle is empty');
    return chunk.code;
  } finally {
    await bundle.close();
  }
}

/**
 * oEmbed (https://oembed.com, type "rich") for a workload at its defaults: the plain-iframe
 * snippet. Consumers need absolute URLs, so `siteUrl` (TWINBENCH_SITE_URL) should be set for a
 * deployed build; without it the URLs are relative to the site's root.
 */
export function oembed(w: WorkloadSpec, siteUrl: string | undefined): string {
  const root = siteUrl ? new URL('./', siteUrl).href : '';
  const title = frameTitle(w.title);
  return `${JSON.stringify(
    {
      version: '1.0',
      type: 'rich',
      title,
      provider_name: 'twinbench',
      provider_url: root || './',
      html: iframeSnippet(root, w.id, Object.fromEntries(w.params.map((p) => [p.name, p.default])), title),
      width: IFRAME_WIDTH,
      height: IFRAME_HEIGHT,
    },
    null,
    2,
  )}\n`;
}

export function embedWidget({ web }: { web: string }): Plugin {
  const siteUrl = process.env.TWINBENCH_SITE_URL || undefined;
  const wasm = `${web}src/wasm/st/twinbench_bg.wasm`;
  return {
    name: 'twinbench-embed',
    enforce: 'pre',
    config() {
      return { build: { rolldownOptions: { input: { embed: `${web}embed.html` } } } };
    },
    resolveId(id) {
      return id === SIZES_ID ? `\0${SIZES_ID}` : null;
    },
    load(id) {
      if (id !== `\0${SIZES_ID}`) return null;
      return `export default ${JSON.stringify({ rustWasmBytes: existsSync(wasm) ? statSync(wasm).size : 0 })};`;
    },
    async generateBundle() {
      if (!siteUrl) this.warn('TWINBENCH_SITE_URL is not set: the oEmbed files hold URLs relative to the site root');
      this.emitFile({ type: 'asset', fileName: 'embed.js', source: await bundleLoader(web) });
      for (const w of WORKLOADS) this.emitFile({ type: 'asset', fileName: `w/${w.id}/oembed.json`, source: oembed(w, siteUrl) });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const base = server.config.base.startsWith('/') ? server.config.base : '/';
        const path = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
        if (!path.startsWith(base)) return next();
        const rel = path.slice(base.length);
        if (rel === 'embed.js') {
          bundleLoader(web).then(
            (code) => res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cross-Origin-Resource-Policy': 'cross-origin' }).end(code),
            (e: unknown) => next(e),
          );
          return;
        }
        const m = /^w\/([a-z0-9-]+)\/oembed\.json$/.exec(rel);
        const w = m ? WORKLOADS.find((x) => x.id === m[1]) : undefined;
        if (!w) return next();
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(oembed(w, siteUrl));
      });
    },
  };
}
