// The workload runner: pick a workload and its parameters (from the catalog), choose the
// implementations, Run and Stop, and read the result: times with uncertainty, the speedup,
// and whether the outputs matched.
import { WORKLOADS, type ParamSpec, type WorkloadSpec } from '../generated/catalog';
import { IMPLEMENTATIONS, type Engine, type Impl, type RunResult } from '../engine/engine';
import { capabilities } from '../engine/environment';
import { ParamError, parseValue, validate, workloadSpec } from '../shared/params';
import { byId, el } from './dom';
import { ms, ratio } from './format';

const LABELS: Record<Impl, string> = {
  python: 'Python',
  'python-calls-rust': 'Python calling Rust',
  rust: 'Rust',
  'rust-threads': 'Rust, threads',
  'python-pool': 'Python worker pool',
  'rust-pool': 'Rust worker pool',
};

function unavailable(impl: Impl, w: WorkloadSpec, threadsOk: boolean, notice: string | null): string | null {
  if (impl === 'rust-threads' && !threadsOk) return notice ?? 'threads are off';
  if (impl === 'rust-threads' && !w.parallel) return `${w.id} has no parallel variant`;
  if (impl.endsWith('-pool') && w.pool === null) return `${w.id} does not split across a pool`;
  return null;
}

function paramInput(p: ParamSpec, value: number | string): HTMLElement {
  if (p.type === 'choice') {
    const select = el('select', { name: p.name });
    for (const c of p.choices) select.append(el('option', { value: c }, c));
    select.value = String(value);
    return el('label', { title: p.help }, p.name, select, el('span', { class: 'hint' }, p.help));
  }
  const input = el('input', {
    name: p.name,
    type: 'number',
    min: String(p.min),
    max: String(Math.max(p.page_max_python, p.page_max_rust)),
    step: p.type === 'int' ? '1' : 'any',
    value: String(value),
    required: '',
  });
  const hint = `${p.min} to ${p.page_max_rust} (Python up to ${p.page_max_python})`;
  return el('label', { title: p.help }, p.name, input, el('span', { class: 'hint' }, hint));
}

export function mountRunner(engine: Engine, query: URLSearchParams): void {
  const caps = capabilities();
  const select = byId<HTMLSelectElement>('workload');
  const form = byId<HTMLFormElement>('params');
  const implsBox = byId<HTMLFieldSetElement>('impls');
  const runBtn = byId<HTMLButtonElement>('run');
  const stopBtn = byId<HTMLButtonElement>('stop');
  const status = byId('status');
  const notice = byId('notice');

  if (caps.notice) {
    notice.textContent = caps.notice;
    notice.hidden = false;
  }
  for (const w of WORKLOADS) select.append(el('option', { value: w.id }, w.title));

  function render(w: WorkloadSpec, values: Record<string, number | string>): void {
    select.value = w.id;
    byId('story').textContent = w.story;
    form.replaceChildren(...w.params.map((p) => paramInput(p, values[p.name] ?? p.default)));
    implsBox.replaceChildren(el('legend', {}, 'Implementations'));
    for (const impl of IMPLEMENTATIONS) {
      const why = unavailable(impl, w, caps.threads, caps.notice);
      const box = el('input', { type: 'checkbox', name: impl, value: impl });
      box.checked = why === null && (impl === 'python' || impl === 'rust');
      box.disabled = why !== null;
      const label = el('label', { 'aria-disabled': String(why !== null) }, box, ` ${LABELS[impl]}`);
      if (why) label.append(el('span', { class: 'why' }, ` (${why})`));
      implsBox.append(label);
    }
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
    render(w, values);
  }

  function readForm(w: WorkloadSpec): Record<string, number | string> {
    const data = new FormData(form);
    const given: Record<string, number | string> = {};
    for (const p of w.params) given[p.name] = parseValue(p, String(data.get(p.name) ?? ''));
    return given;
  }

  function chosenImpls(): Impl[] {
    return IMPLEMENTATIONS.filter((impl) => (implsBox.querySelector<HTMLInputElement>(`input[name="${impl}"]`)?.checked ?? false));
  }

  function showError(message: string | null): void {
    byId('error-box').hidden = message === null;
    byId('error').textContent = message ?? '';
  }

  function showResult(r: RunResult): void {
    byId('results').hidden = false;
    const verdict = byId('verdict');
    verdict.className = `verdict ${r.verified ? 'ok' : 'bad'}`;
    verdict.textContent = r.verified
      ? '✓ Outputs identical: every implementation produced the same output.'
      : '✗ Outputs differ: no speedup is shown until they match.';
    const tbody = byId('table').querySelector('tbody')!;
    tbody.replaceChildren(
      ...Object.entries(r.implementations).map(([impl, x]) =>
        el(
          'tr',
          { 'data-impl': impl },
          el('td', {}, LABELS[impl as Impl] + (x.threads && x.threads > 1 ? ` (${x.threads})` : '')),
          el('td', { class: 'median' }, ms(x.medianMs)),
          el('td', {}, `${ms(x.ci95Ms[0])} – ${ms(x.ci95Ms[1])}`),
          el('td', {}, ms(x.madMs)),
          el('td', {}, `${x.samplesMs.length} × ${x.batch}`),
          el('td', {}, x.coldMs !== undefined ? ms(x.coldMs) : '–'),
        ),
      ),
    );
    const ratios = byId('ratios');
    ratios.replaceChildren();
    if (r.verified) {
      for (const [key, v] of Object.entries(r.ratios)) {
        const [a, b] = key.split('/') as [Impl, Impl];
        if (v.value < 1) continue; // show each pair once, as "x times faster"
        ratios.append(
          el('li', { 'data-ratio': key }, `${LABELS[b]} is ${ratio(v.value)} faster than ${LABELS[a]} `, el('small', {}, `(95% CI ${ratio(v.ci95[0])} – ${ratio(v.ci95[1])})`)),
        );
      }
    }
    const output = byId('output');
    output.textContent = r.verified
      ? (r.output ?? '')
      : Object.entries(r.mismatch ?? {}).map(([impl, out]) => `${LABELS[impl as Impl]}:\n${out}`).join('\n\n');
    const stdout = Object.values(r.implementations).map((x) => x.stdout).filter((s): s is string => !!s).join('\n');
    byId('stdout-box').hidden = stdout === '';
    byId('stdout').textContent = stdout;
    byId('flags').textContent = r.flags.length ? `Notes: ${r.flags.join(', ')}` : '';
  }

  async function run(): Promise<void> {
    const w = workloadSpec(select.value);
    showError(null);
    runBtn.disabled = true;
    stopBtn.disabled = false;
    status.textContent = 'starting…';
    try {
      const result = await engine.run(
        { workload: w.id, params: readForm(w), implementations: chosenImpls() },
        { onProgress: (p) => (status.textContent = `${LABELS[p.impl as Impl] ?? p.impl}: ${p.phase} ${p.samples}`) },
      );
      showResult(result);
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
    byId('env').textContent = JSON.stringify(await engine.environment(), null, 2);
  }

  select.addEventListener('change', () => render(workloadSpec(select.value), {}));
  runBtn.addEventListener('click', () => void run());
  stopBtn.addEventListener('click', () => {
    status.textContent = 'stopping…';
    void engine.cancel().then((r) => {
      const names = r.restarted.map((k) => (k === 'python' ? 'Python' : 'Rust'));
      if (names.length) status.textContent = `stopped; the ${[...new Set(names)].join(' and ')} runtime was restarted`;
    });
  });
  fromQuery();
}
