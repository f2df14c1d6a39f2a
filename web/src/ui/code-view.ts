// A code panel: the text at once in a plain <pre>, then CodeMirror (loaded lazily) in its place.
// Editable for the Python the visitor may change, read-only for the Rust kernel and the glue.
import { el } from './dom';
import type { Editor, EditorOptions } from './code/codemirror';

export interface CodeView {
  get(): string;
  set(text: string): void;
  /** Resolves once CodeMirror has replaced the plain text. */
  ready: Promise<void>;
}

export function codeView(root: HTMLElement, o: EditorOptions): CodeView {
  let text = o.doc;
  let editor: Editor | null = null;
  const plain = el('pre', { class: 'plain', tabindex: '0', 'aria-label': o.label }, text);
  const frame = el('div', { class: 'code-frame', 'data-language': o.language, 'data-ready': 'false' }, plain);
  root.append(frame);
  const ready = import('./code/codemirror').then(({ createEditor }) => {
    frame.replaceChildren();
    editor = createEditor(frame, {
      ...o,
      doc: text,
      onChange: (t) => {
        text = t;
        o.onChange?.(t);
      },
    });
    frame.dataset.ready = 'true';
  });
  return {
    get: () => editor?.get() ?? text,
    set(t) {
      text = t;
      if (editor) editor.set(t);
      else plain.textContent = t;
    },
    ready,
  };
}
