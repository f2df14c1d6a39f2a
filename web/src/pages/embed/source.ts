// "Show the Python source": the twin, read-only, loaded only when asked (its text is a chunk of
// its own and CodeMirror another, neither fetched before), in the widget's pinned theme.
import type { WorkloadSpec } from '../../generated/catalog';
import type { Theme } from '../../shared/embed';
import { codeView } from '../../ui/code-view';
import { el } from '../../ui/dom';
import { pinSheets } from './theme';

export function sourceToggle(w: WorkloadSpec, theme: Theme): { button: HTMLButtonElement; box: HTMLElement } {
  const button = el('button', { type: 'button', class: 'secondary', id: 'show-source', 'aria-expanded': 'false', 'aria-controls': 'source' }, 'Show the Python source');
  const box = el('div', { class: 'source', id: 'source', hidden: '' });
  let loaded = false;
  button.addEventListener('click', () => {
    const open = box.hidden;
    box.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? 'Hide the Python source' : 'Show the Python source';
    if (!open || loaded) return;
    loaded = true;
    // ui/sources (the map of every source text) is itself loaded on demand: it is not small.
    void import('../../ui/sources').then(async ({ pythonTwin, sourcePaths }) => {
      box.append(el('p', { class: 'line' }, el('code', {}, sourcePaths(w.id).python), ', read-only here; edit it on the full page.'));
      const text = await pythonTwin(w.id);
      const view = codeView(box, { doc: text, language: 'python', readOnly: true, label: 'Python twin source (read-only)' });
      // CodeMirror's styles live in a shadow root's adopted sheets: pin the theme there too.
      void view.ready.then(() => {
        for (const host of box.querySelectorAll('.cm-host')) if (host.shadowRoot) pinSheets(host.shadowRoot.adoptedStyleSheets, theme);
      });
    });
  });
  return { button, box };
}
