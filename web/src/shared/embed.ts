// The embeddable widget's contract, in one place for the loader (embed.js), the widget
// (embed.html), the "Embed this" snippets and the oEmbed files: the URL shape, the iframe's
// sandbox and allow attributes, and the two messages between the loader and its iframe.
//
//   host page ──postMessage(hello, site origin)──► iframe (embed.html?kernel=fib&n=30&frame=<id>)
//   host page ◄──postMessage(resize, host origin)── iframe
// The iframe answers only its parent, at the origin the hello came from (never "*"); the loader
// accepts a resize only from the site's origin, from its own iframe's window, with this exact shape.

/** Query keys of embed.html that are not workload parameters. */
export const RESERVED = ['kernel', 'theme', 'frame'] as const;
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * What the iframe may do: run scripts (workers need its own origin, so allow-same-origin; the
 * frame is on the site's origin, never the host's, so it cannot reach into the host page) and
 * open the full workload page in a new tab that is not sandboxed (it needs isolation for threads).
 */
export const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
/** Only cross-origin isolation, which an isolated host may pass on (threads); nothing else. */
export const ALLOW = 'cross-origin-isolated';
/** The plain iframe's fixed height: the idle widget, and a result, fit without scrolling. */
export const IFRAME_HEIGHT = 460;
export const IFRAME_WIDTH = 640;
/** Heights the loader accepts from its iframe, in CSS pixels. */
export const MAX_HEIGHT = 4000;

export const HELLO = 'twinbench:hello';
export const RESIZE = 'twinbench:resize';
export interface Hello {
  type: typeof HELLO;
  frame: string;
}
export interface Resize {
  type: typeof RESIZE;
  frame: string;
  height: number;
}

const FRAME_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const isFrameId = (x: unknown): x is string => typeof x === 'string' && FRAME_ID.test(x);

/** A plain object with exactly these own keys (no prototype tricks, no extra fields). */
function exactly(x: unknown, keys: readonly string[]): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  if (proto !== Object.prototype && proto !== null) return false;
  const own = Object.keys(x);
  return own.length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(x, k));
}

export function isHello(x: unknown, frame: string): x is Hello {
  return exactly(x, ['type', 'frame']) && x.type === HELLO && x.frame === frame;
}

export function isResize(x: unknown, frame: string): x is Resize {
  return (
    exactly(x, ['type', 'frame', 'height']) &&
    x.type === RESIZE &&
    x.frame === frame &&
    typeof x.height === 'number' &&
    Number.isInteger(x.height) &&
    x.height >= 0 &&
    x.height <= MAX_HEIGHT
  );
}

export type EmbedParams = Record<string, string | number>;

/** embed.html's query: kernel first, then the parameters, then the theme when not auto. */
export function embedQuery(kernel: string, params: EmbedParams, theme: Theme = 'auto'): string {
  const q = new URLSearchParams({ kernel });
  for (const [k, v] of Object.entries(params)) q.append(k, String(v));
  if (theme !== 'auto') q.append('theme', theme);
  return q.toString();
}

const attr = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The loader form: a div and the script (`siteRoot` ends with '/'). */
export function loaderSnippet(siteRoot: string, kernel: string, params: EmbedParams): string {
  const data = Object.entries(params)
    .map(([k, v]) => ` data-${k}="${attr(String(v))}"`)
    .join('');
  return `<div data-twinbench="${attr(kernel)}"${data}></div>\n<script src="${attr(siteRoot)}embed.js" async></script>`;
}

/** The plain form, for hosts that allow no scripts in posts: the same attributes the loader sets. */
export function iframeSnippet(siteRoot: string, kernel: string, params: EmbedParams, title: string): string {
  const src = `${siteRoot}embed.html?${embedQuery(kernel, params)}`;
  return (
    `<iframe src="${attr(src)}" title="${attr(title)}" width="${IFRAME_WIDTH}" height="${IFRAME_HEIGHT}" ` +
    `style="width:100%;max-width:${IFRAME_WIDTH}px;border:0" loading="lazy" sandbox="${SANDBOX}" allow="${ALLOW}"></iframe>`
  );
}

/** The iframe's accessible title. */
export const frameTitle = (workloadTitle: string): string => `twinbench: ${workloadTitle}, Python against Rust`;
