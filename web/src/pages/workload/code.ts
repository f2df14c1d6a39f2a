// The code section of a workload page: the Python twin (editable, reset to the reference), the
// Rust kernel (read-only), the glue Python calls Rust through, and what differs between them.
import type { WorkloadSpec } from '../../generated/catalog';
import { codeView } from '../../ui/code-view';
import { byId, el } from '../../ui/dom';
import { pythonEditor, type PythonEditor } from '../../ui/python-editor';
import { pythonGlue, pythonTwin, rustKernel, sourcePaths } from '../../ui/sources';

export async function mountCode(w: WorkloadSpec, startCode: string | undefined, onEdit: (code: string | undefined) => void): Promise<PythonEditor> {
  const paths = sourcePaths(w.id);
  const [twin, kernel] = await Promise.all([pythonTwin(w.id), rustKernel(w.id)]);
  const differences = byId('differences');
  if (w.differences) {
    differences.replaceChildren(el('strong', {}, 'What differs between the twins: '), w.differences);
    differences.hidden = false;
  }
  const py = byId('python-panel');
  py.append(el('p', { class: 'muted' }, el('code', {}, paths.python), ': your edits run instead of it (and are kept in this browser).'));
  const editor = pythonEditor(py, twin, startCode ?? twin, onEdit);
  const rs = byId('rust-panel');
  rs.append(el('p', { class: 'muted' }, el('code', {}, paths.rust), ', as built into the wasm (its unit tests, at the end of the file, are left out here).'));
  codeView(rs, { doc: kernel, language: 'rust', readOnly: true, label: 'Rust kernel source (read-only)' });
  // The glue only when someone opens it: most visitors never do.
  const glue = byId<HTMLDetailsElement>('glue-panel');
  glue.addEventListener(
    'toggle',
    () => {
      void pythonGlue().then((text) => {
        glue.append(el('p', { class: 'muted' }, el('code', {}, paths.glue), ': Python calls the Rust kernel through the wasm exports, registered in Pyodide as the module twinbench_rs.'));
        codeView(glue, { doc: text, language: 'python', readOnly: true, label: 'Python-calls-Rust glue (read-only)' });
      });
    },
    { once: true },
  );
  return editor;
}
