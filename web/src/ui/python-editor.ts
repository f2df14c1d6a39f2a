// The Python the visitor may edit: the twin's module, loaded as text, in a plain text area with
// a reset. Edited code replaces the twin for `python` (the result says custom-python), and the
// reference twin can run beside it.
import type { WorkloadSpec } from '../generated/catalog';
import { el } from './dom';

// The twins as text, one lazily loaded chunk each.
const TWINS = import.meta.glob('../../../pyodide_glue/twinbench/kernels/*.py', { query: '?raw', import: 'default' }) as Record<
  string,
  () => Promise<string>
>;

export interface PythonEditor {
  show(w: WorkloadSpec): Promise<void>;
  /** The edited code, or undefined when it is the twin's. */
  source(): string | undefined;
}

export function pythonEditor(root: HTMLElement, onEdit: () => void): PythonEditor {
  const area = el('textarea', { class: 'code', spellcheck: 'false', rows: '14', 'aria-label': 'Python code' });
  const reset = el('button', { type: 'button', class: 'secondary' }, 'Reset to the twin');
  let twin = '';
  let shown = 0;
  root.replaceChildren(el('summary', {}, 'Edit the Python'), area, el('div', { class: 'actions' }, reset));
  area.addEventListener('input', onEdit);
  reset.addEventListener('click', () => {
    area.value = twin;
    onEdit();
  });
  return {
    async show(w) {
      const seq = ++shown;
      const load = TWINS[`../../../pyodide_glue/twinbench/kernels/${w.id.replaceAll('-', '_')}.py`];
      const text = load ? await load() : '';
      if (seq !== shown) return; // another workload was chosen meanwhile
      twin = text;
      area.value = twin;
      onEdit();
    },
    source() {
      const code = area.value;
      return code.trim() === '' || code === twin ? undefined : code;
    },
  };
}
