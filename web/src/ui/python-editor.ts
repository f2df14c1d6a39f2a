// The Python the visitor may edit: the twin's module in CodeMirror, with "Reset to the
// reference". Edited code replaces the twin for `python` (the result says custom-python), and
// the reference twin can run beside it. `source()` is undefined while the code is the twin's.
import { codeView, type CodeView } from './code-view';
import { el } from './dom';

export interface PythonEditor {
  /** The edited code, or undefined when it is the twin's. */
  source(): string | undefined;
  text(): string;
  set(code: string): void;
  reset(): void;
  ready: Promise<void>;
}

/** `twin` is the reference text; `start` what to show first (a saved edit, a shared link's code). */
export function pythonEditor(root: HTMLElement, twin: string, start: string, onEdit: (code: string | undefined) => void): PythonEditor {
  const holder = el('div');
  const reset = el('button', { type: 'button', class: 'secondary', id: 'reset-code' }, 'Reset to the reference');
  const state = el('span', { class: 'muted', 'aria-live': 'polite' });
  root.append(holder, el('div', { class: 'actions' }, reset, state));
  const source = (code: string): string | undefined => (code.trim() === '' || code === twin ? undefined : code);
  const mark = (code: string): void => {
    state.textContent = source(code) === undefined ? 'the reference twin' : 'edited: runs instead of the twin';
  };
  const view: CodeView = codeView(holder, {
    doc: start,
    language: 'python',
    readOnly: false,
    label: 'Python code (editable)',
    onChange: (code) => {
      mark(code);
      onEdit(source(code));
    },
  });
  mark(start);
  reset.addEventListener('click', () => {
    view.set(twin);
    mark(twin);
    onEdit(undefined);
  });
  return {
    source: () => source(view.get()),
    text: () => view.get(),
    set(code) {
      view.set(code);
      mark(code);
    },
    reset: () => reset.click(),
    ready: view.ready,
  };
}
