// The site's static entries: Home (web/index.html), Method (web/method/index.html) and one page
// per workload at w/<id>/, generated from the catalog (each with its own title, description and
// Open Graph tags) from web/src/pages/workload/template.html. The same HTML is served by
// `make serve` (a middleware) and emitted by `make build` (virtual inputs), under any base path.
// It also provides `virtual:twinbench/reference`: the figures of bench/report.json the pages show.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { Plugin, ViteDevServer } from 'vite';
import { WORKLOADS, type WorkloadSpec } from '../src/generated/catalog.ts';
import { slimReport } from './reference.ts';

const REFERENCE_ID = 'virtual:twinbench/reference';
const RUNTIME_FILES_ID = 'virtual:twinbench/runtime-files';

/** The Pyodide files the Python worker fetches (web/public/pyodide), with their sizes: the page's download bar. */
function runtimeFiles(web: string): Array<{ path: string; bytes: number }> {
  const dir = `${web}public/pyodide`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .sort()
    .map((f) => ({ path: `pyodide/${f}`, bytes: statSync(`${dir}/${f}`).size }));
}

/** Text for HTML text and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A one-line description for previews: the story, shortened at a word boundary. */
export function describe(w: WorkloadSpec): string {
  const story = w.story.replace(/\s+/g, ' ').trim();
  const cut = story.length > 200 ? `${story.slice(0, story.lastIndexOf(' ', 197))}…` : story;
  return `Python against Rust in your browser: ${w.title}. ${cut}`;
}

/** The workload page's HTML: the template with its placeholders filled, every value escaped. */
export function workloadHtml(template: string, w: WorkloadSpec, siteUrl: string | undefined): string {
  const values: Record<string, string> = {
    id: w.id,
    title: `${w.title}: Python vs Rust, measured in your browser · twinbench`,
    heading: w.title,
    description: describe(w),
    story: w.story,
    url: siteUrl ? new URL(`w/${w.id}/`, siteUrl).href : '',
    // The widget's static oEmbed file (web/build/embed.ts), absolute where the site's URL is known.
    oembed: siteUrl ? new URL(`w/${w.id}/oembed.json`, siteUrl).href : 'oembed.json',
  };
  const html = template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const v = values[key];
    if (v === undefined) throw new Error(`template.html: unknown placeholder {{${key}}}`);
    return escapeHtml(v);
  });
  // og:url only when the site's absolute URL is known (TWINBENCH_SITE_URL): previews need it absolute.
  return siteUrl ? html : html.replace(/^.*property="og:url".*\n/m, '');
}

export interface SitePagesOptions {
  repo: string;
  web: string;
}

export function sitePages({ repo, web }: SitePagesOptions): Plugin {
  const templatePath = `${web}src/pages/workload/template.html`;
  const reportPath = `${repo}bench/report.json`;
  const siteUrl = process.env.TWINBENCH_SITE_URL || undefined;
  const pageFile = (w: WorkloadSpec): string => `${web}w/${w.id}/index.html`;
  const byFile = new Map(WORKLOADS.map((w) => [pageFile(w), w]));
  const render = (w: WorkloadSpec): string => workloadHtml(readFileSync(templatePath, 'utf8'), w, siteUrl);

  async function serveWorkload(server: ViteDevServer, url: string, w: WorkloadSpec): Promise<string> {
    return server.transformIndexHtml(url, render(w));
  }

  return {
    name: 'twinbench-site-pages',
    enforce: 'pre',
    config() {
      const input: Record<string, string> = { index: `${web}index.html`, method: `${web}method/index.html` };
      for (const w of WORKLOADS) input[`w/${w.id}`] = pageFile(w);
      return { build: { rolldownOptions: { input } } };
    },
    resolveId(id) {
      if (id === REFERENCE_ID) return `\0${REFERENCE_ID}`;
      if (id === RUNTIME_FILES_ID) return `\0${RUNTIME_FILES_ID}`;
      if (byFile.has(id)) return id;
      return null;
    },
    load(id) {
      if (id === `\0${REFERENCE_ID}`) {
        // make bench's figures, read at build time (a clone without a report gets none).
        if (existsSync(reportPath)) this.addWatchFile(reportPath);
        const report: unknown = existsSync(reportPath) ? JSON.parse(readFileSync(reportPath, 'utf8')) : null;
        return `export default ${JSON.stringify(slimReport(report))};`;
      }
      if (id === `\0${RUNTIME_FILES_ID}`) return `export default ${JSON.stringify(runtimeFiles(web))};`;
      const w = byFile.get(id);
      if (w) {
        this.addWatchFile(templatePath);
        return render(w);
      }
      return null;
    },
    configureServer(server) {
      server.watcher.add(templatePath);
      server.middlewares.use((req, res, next) => {
        const base = server.config.base.startsWith('/') ? server.config.base : '/';
        const path = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
        const m = path.startsWith(base) ? /^w\/([a-z0-9-]+)(\/(index\.html)?)?$/.exec(path.slice(base.length)) : null;
        const w = m ? WORKLOADS.find((x) => x.id === m[1]) : undefined;
        if (!m || !w) return next();
        if (!m[2]) {
          // w/fib -> w/fib/, as static hosts do, so the page's relative URLs resolve.
          res.writeHead(301, { Location: `${base}w/${w.id}/${(req.url ?? '').slice(path.length)}` }).end();
          return;
        }
        serveWorkload(server, req.url ?? path, w).then(
          (html) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html),
          (e: unknown) => next(e),
        );
      });
    },
  };
}
