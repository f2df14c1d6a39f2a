// The Content-Security-Policy as a <meta> tag in every built page, for hosts that cannot send
// headers (GitHub Pages). One source: the header in web/public/_headers, minus what a <meta>
// policy cannot carry (frame-ancestors, report-uri, sandbox: browsers ignore them there and
// say so in the console). Build only: the dev server injects inline scripts a policy would block.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const META_IGNORED = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The policy of `_headers` (its first Content-Security-Policy line), as a <meta> tag may carry it. */
export function metaPolicy(headers: string): string {
  const line = /^\s*Content-Security-Policy:\s*(.+)$/m.exec(headers);
  if (!line) throw new Error('_headers has no Content-Security-Policy line');
  return line[1]!
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !META_IGNORED.has(d.split(/\s+/)[0]!))
    .join('; ');
}

export function cspMeta(headersFile: string): Plugin {
  return {
    name: 'twinbench-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const policy = metaPolicy(readFileSync(headersFile, 'utf8')).replace(/"/g, '&quot;');
        // First in <head>: a policy applies only to what comes after it.
        return html.replace(/<head>/i, `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
      },
    },
  };
}
