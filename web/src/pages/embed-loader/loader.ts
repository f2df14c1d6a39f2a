// embed.js, the loader a blog post includes (built as one classic script, served at the site's
// root): every <div data-twinbench="fib" data-n="30" data-theme="dark"> becomes an iframe of
// embed.html with those parameters, sandboxed, sized to its content by messages from its own
// frame. The widget itself checks the parameters and explains a bad one; the loader only passes
// them on. Each div gets its own iframe and frame id: widgets on one page share nothing.
import { ALLOW, HELLO, IFRAME_HEIGHT, SANDBOX, frameTitle, isResize, type Hello } from '../../shared/embed';

const MARK = 'data-twinbench-frame';

function scriptUrl(): URL | null {
  const s = document.currentScript;
  if (s instanceof HTMLScriptElement && s.src) return new URL(s.src);
  // Fallback (currentScript is null in some injection paths): the last embed.js on the page.
  const all = document.querySelectorAll<HTMLScriptElement>('script[src*="embed.js"]');
  const last = all[all.length - 1];
  return last ? new URL(last.src, document.baseURI) : null;
}

function frameId(): string {
  const b = new Uint8Array(12);
  crypto.getRandomValues(b);
  return `tb${Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')}`;
}

/** embed.html's query from the div's data-* attributes (their names as written, e.g. data-n -> n). */
function query(div: HTMLElement, frame: string): string {
  const q = new URLSearchParams();
  q.append('kernel', div.getAttribute('data-twinbench') ?? '');
  for (const a of Array.from(div.attributes)) {
    // data-frame is the loader's own (its messages' id); a page cannot set it.
    if (!a.name.startsWith('data-') || a.name === 'data-twinbench' || a.name === 'data-frame' || a.name === MARK) continue;
    q.append(a.name.slice(5), a.value);
  }
  q.append('frame', frame);
  return q.toString();
}

function start(): void {
  const src = scriptUrl();
  if (!src) return;
  const site = new URL('./', src);
  const frames = new Map<string, HTMLIFrameElement>();

  function mount(div: HTMLElement): void {
    if (div.hasAttribute(MARK)) return;
    const id = frameId();
    div.setAttribute(MARK, id);
    const iframe = document.createElement('iframe');
    iframe.src = new URL(`embed.html?${query(div, id)}`, site).href;
    iframe.title = frameTitle(div.getAttribute('data-twinbench') || 'a workload');
    // A frame of the host's own origin could lift its own sandbox (allow-scripts with
    // allow-same-origin): there it would protect nothing, so it is left off.
    if (site.origin !== window.location.origin) iframe.setAttribute('sandbox', SANDBOX);
    iframe.setAttribute('allow', ALLOW);
    iframe.setAttribute('loading', 'lazy');
    iframe.style.cssText = `display:block;width:100%;height:${IFRAME_HEIGHT}px;border:0`;
    iframe.addEventListener('load', () => {
      const hello: Hello = { type: HELLO, frame: id };
      iframe.contentWindow?.postMessage(hello, site.origin);
    });
    frames.set(id, iframe);
    div.replaceChildren(iframe);
  }

  window.addEventListener('message', (e: MessageEvent) => {
    if (e.origin !== site.origin) return;
    for (const [id, iframe] of frames) {
      if (e.source !== iframe.contentWindow) continue;
      if (isResize(e.data, id)) iframe.style.height = `${e.data.height}px`;
      return;
    }
  });

  const scan = (root: ParentNode): void => {
    root.querySelectorAll<HTMLElement>('div[data-twinbench]').forEach(mount);
  };
  scan(document);
  // Divs added later (a page that renders posts with script) are embedded too.
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of Array.from(r.addedNodes)) {
        if (!(n instanceof HTMLElement)) continue;
        if (n.matches('div[data-twinbench]')) mount(n);
        scan(n);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

try {
  start();
} catch {
  // The loader must never break the host page.
}
