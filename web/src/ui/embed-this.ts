// "Embed this" on a workload page: the loader snippet and the plain-iframe snippet (for hosts
// that allow no scripts in posts) for the parameters in the form, each with a copy button. The
// snippets come from shared/embed.ts, the same format as the README and the oEmbed files.
import type { WorkloadSpec } from '../generated/catalog';
import { siteRoot } from '../app/site';
import { frameTitle, iframeSnippet, loaderSnippet } from '../shared/embed';
import { validate } from '../shared/params';
import { el } from './dom';
import { copy } from './result-tools';

export interface EmbedThis {
  /** Show the snippets for these parameters (values the form refuses keep the last good ones). */
  update(params: Record<string, number | string>): void;
}

export function embedThis(root: HTMLElement, w: WorkloadSpec, params: Record<string, number | string>): EmbedThis {
  const site = siteRoot().href;
  const said = el('span', { class: 'copied', role: 'status' });
  const box = (id: string, label: string, rows: string): HTMLTextAreaElement =>
    el('textarea', { id, class: 'embed-code', rows, readonly: '', spellcheck: 'false', 'aria-label': label });
  const loader = box('embed-loader', 'Loader snippet', '2');
  const iframe = box('embed-iframe', 'Plain iframe snippet', '3');
  const copyButton = (id: string, what: string, area: HTMLTextAreaElement): HTMLButtonElement => {
    const b = el('button', { type: 'button', class: 'secondary', id }, `Copy the ${what}`);
    b.addEventListener('click', () => {
      void copy(area.value, area).then((ok) => (said.textContent = ok ? `The ${what} is copied.` : `Select the ${what} and copy it.`));
    });
    return b;
  };
  root.replaceChildren(
    el(
      'details',
      { class: 'embed-this', id: 'embed-this' },
      el('summary', {}, 'Embed this'),
      el('p', { class: 'muted' }, 'Put this live comparison in a blog post, with the parameters above. Nothing downloads until a reader presses Run; on a page without cross-origin isolation Rust runs single-threaded and the widget says so.'),
      el('h3', {}, 'With the loader (sizes itself)'),
      loader,
      copyButton('copy-loader', 'loader snippet', loader),
      el('h3', {}, 'Plain iframe (for hosts that allow no scripts)'),
      iframe,
      copyButton('copy-iframe', 'iframe snippet', iframe),
      said,
    ),
  );
  const update = (given: Record<string, number | string>): void => {
    let ok: Record<string, number | string>;
    try {
      ok = validate(w, given);
    } catch {
      return; // the form shows its own message; the snippets keep the last good values
    }
    loader.value = loaderSnippet(site, w.id, ok);
    iframe.value = iframeSnippet(site, w.id, ok, frameTitle(w.title));
  };
  update(params);
  return { update };
}
