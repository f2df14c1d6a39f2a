// The workload runner (index.html): pick a workload and its parameters, choose the
// implementations, optionally edit the Python, Run and Stop, and read the result.
import { WORKLOADS, type WorkloadSpec } from '../../generated/catalog';
import { browserCapabilities, engine, label, type Impl } from '../../app';
import { ParamError, parseValue, validate, workloadSpec } from '../../shared/params';
import { byId, el } from '../../ui/dom';
import { implPicker } from '../../ui/impl-picker';
import { paramForm } from '../../ui/param-form';
import { pythonEditor } from '../../ui/python-editor';
import { showResult } from '../../ui/result-view';

export function mountRunner(query: URLSearchParams): void {
  const caps = browserCapabilities();
  const select = byId<HTMLSelectElement>('workload');
  const runBtn = byId<HTMLButtonElement>('run');
  const stopBtn = byId<HTMLButtonElement>('stop');
  const status = byId('status');
  const notice = byId('notice');
  const results = byId('results');
  const form = paramForm(byId<HTMLFormElement>('params'));
  const picker = implPicker(byId<HTMLFieldSetElement>('impls'), caps);
  const current = (): WorkloadSpec => workloadSpec(select.value);
  const editor = pythonEditor(byId('code-box'), () => picker.show(current(), { pythonSource: editor.source() }));

  if (caps.notice) {
    notice.textContent = caps.notice;
    notice.hidden = false;
  }
  for (const w of WORKLOADS) select.append(el('option', { value: w.id }, w.title));

  function show(w: WorkloadSpec, values: Record<string, number | string>): void {
    select.value = w.id;
    byId('story').textContent = w.story;
    form.show(w, values);
    picker.show(w, {});
    void editor.show(w);
  }

  // Parameters from the URL are validated like any other input; a bad one falls back to defaults.
  function fromQuery(): void {
    let w = WORKLOADS[0] as WorkloadSpec;
    let values: Record<string, number | string> = {};
    try {
      if (query.has('workload')) w = workloadSpec(query.get('workload'));
      const given: Record<string, number | string> = {};
      for (const p of w.params) {
        const raw = query.get(p.name);
        if (raw !== null) given[p.name] = parseValue(p, raw);
      }
      values = validate(w, given);
    } catch (e) {
      notice.textContent = `Ignored the link's parameters: ${e instanceof Error ? e.message : String(e)}`;
      notice.hidden = false;
      values = {};
    }
    show(w, values);
  }

  function showError(message: string | null): void {
    byId('error-box').hidden = message === null;
    byId('error').textContent = message ?? '';
  }

  async function run(): Promise<void> {
    const w = current();
    showError(null);
    runBtn.disabled = true;
    stopBtn.disabled = false;
    status.textContent = 'starting…';
    const source = editor.source();
    try {
      const result = await engine().run(
        { workload: w.id, params: form.read(w), implementations: picker.chosen(), ...(source !== undefined ? { pythonSource: source } : {}) },
        { onProgress: (p) => (status.textContent = `${label(p.impl as Impl)}: ${p.phase} ${p.samples}`) },
      );
      showResult(results, result, w);
      status.textContent = 'done';
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (e instanceof ParamError) status.textContent = 'not run';
      else if (!status.textContent?.startsWith('stopped')) status.textContent = 'stopped';
      showError(message);
    } finally {
      runBtn.disabled = false;
      stopBtn.disabled = true;
      void showEnvironment();
    }
  }

  async function showEnvironment(): Promise<void> {
    byId('env').textContent = JSON.stringify(await engine().environment(), null, 2);
  }

  select.addEventListener('change', () => show(current(), {}));
  runBtn.addEventListener('click', () => void run());
  stopBtn.addEventListener('click', () => {
    status.textContent = 'stopping…';
    void engine()
      .cancel()
      .then((r) => {
        const names = r.restarted.map((k) => (k === 'python' ? 'Python' : 'Rust'));
        if (names.length) status.textContent = `stopped; the ${[...new Set(names)].join(' and ')} runtime was restarted`;
      });
  });
  fromQuery();
}
