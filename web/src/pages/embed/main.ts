// The widget (embed.html?kernel=<id>&<param>=<value>..., usually in an iframe made by embed.js):
// one workload's title, its parameters, Run and Stop, the compact result (both times with their
// intervals, the ratio, the verification badge), a link to the full page with the same
// parameters, and the Python source on request. Light until used: nothing of the engine,
// Pyodide or the wasm is fetched before Run (run.ts is imported then; CodeMirror only for the source).
import sizes from 'virtual:twinbench/widget-sizes';
import type { WorkloadSpec } from '../../generated/catalog';
import { capabilities } from '../../app/capabilities';
import { PYTHON_BYTES } from '../../app/download';
import { pageUrl, workloadUrl } from '../../app/site';
import type { RunRequest } from '../../app';
import { frameTitle } from '../../shared/embed';
import { ParamError, type ParamValues } from '../../shared/params';
import { codeView } from '../../ui/code-view';
import { byId, el } from '../../ui/dom';
import { paramForm } from '../../ui/param-form';
import { pythonTwin, sourcePaths } from '../../ui/sources';
import { connectHost } from './host';
import { parseEmbed } from './query';
import { applyTheme, pinSheets } from './theme';

type State = 'idle' | 'loading' | 'running' | 'done' | 'error';
/** A short run: a widget is a taste; the full page has the longer sampling presets. */
const SAMPLING = { maxSamples: 15, timeBudgetMs: 1000 } as const;

const root = byId('widget');
const setState = (s: State): void => {
  root.dataset.state = s;
  root.setAttribute('aria-busy', String(s === 'loading' || s === 'running'));
};
const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;

function header(title: string): HTMLElement {
  const home = el('a', { class: 'brand', href: pageUrl('').href, target: '_blank', rel: 'noopener' }, el('span', { class: 'py' }, 'twin'), el('span', { class: 'rs' }, 'bench'));
  return el('header', {}, el('h1', {}, title), home);
}

function fullPage(w: WorkloadSpec, params: ParamValues): string {
  const u = workloadUrl(w.id);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, String(v));
  return u.href;
}

function showError(message: string): void {
  document.title = 'twinbench widget: cannot show this workload';
  root.replaceChildren(header('twinbench widget'), el('p', { class: 'widget-error', role: 'alert' }, message));
  setState('error');
}

function mount(w: WorkloadSpec, params: ParamValues, theme: Parameters<typeof applyTheme>[0]): void {
  document.title = frameTitle(w.title);
  const caps = capabilities();
  const formRoot = el('form', { class: 'params', autocomplete: 'off', 'aria-label': 'Parameters' });
  const form = paramForm(formRoot);
  const run = el('button', { type: 'button', id: 'run' }, 'Run');
  const stop = el('button', { type: 'button', id: 'stop', class: 'secondary', disabled: '' }, 'Stop');
  const status = el('span', { id: 'status', role: 'status', 'aria-live': 'polite' });
  const full = el('a', { id: 'full-page', href: fullPage(w, params), target: '_blank', rel: 'noopener' }, 'Open the full page');
  const showSource = el('button', { type: 'button', class: 'secondary', id: 'show-source', 'aria-expanded': 'false' }, 'Show the Python source');
  const source = el('div', { class: 'source', id: 'source', hidden: '' });
  const progress = el('div', { id: 'progress' });
  const result = el('div', { id: 'result', class: 'result-body' });
  const failure = el('p', { class: 'widget-error', id: 'error', role: 'alert', hidden: '' });
  const download = el(
    'p',
    { class: 'line', id: 'download' },
    `Run downloads up to ${mb(PYTHON_BYTES + sizes.rustWasmBytes)} (Python in the browser, Pyodide, and the Rust wasm), once; nothing is fetched before.`,
  );
  const threadsLine = caps.threads
    ? null
    : el('p', { class: 'line', id: 'threads-line' }, 'Rust runs single-threaded here: this page is not cross-origin isolated. ', el('a', { href: fullPage(w, params), target: '_blank', rel: 'noopener' }, 'Open the full page'), ' for threads.');
  form.show(w, params);
  formRoot.addEventListener('input', () => {
    const values = form.read(w);
    full.href = fullPage(w, values);
  });
  root.replaceChildren(
    header(w.title),
    ...(threadsLine ? [threadsLine] : []),
    formRoot,
    el('div', { class: 'actions' }, run, stop, status),
    download,
    progress,
    failure,
    result,
    el('p', { class: 'links' }, full, showSource),
    source,
  );
  setState('idle');

  showSource.addEventListener('click', () => {
    const open = source.hidden;
    source.hidden = !open;
    showSource.setAttribute('aria-expanded', String(open));
    showSource.textContent = open ? 'Hide the Python source' : 'Show the Python source';
    if (!open || source.childElementCount) return;
    source.append(el('p', { class: 'line' }, el('code', {}, sourcePaths(w.id).python), ', read-only here; edit it on the full page.'));
    void pythonTwin(w.id).then((text) => {
      const view = codeView(source, { doc: text, language: 'python', readOnly: true, label: 'Python twin source (read-only)' });
      void view.ready.then(() => {
        for (const host of source.querySelectorAll('.cm-host')) if (host.shadowRoot) pinSheets(host.shadowRoot.adoptedStyleSheets, theme);
      });
    });
  });

  run.addEventListener('click', () => {
    const req: RunRequest = { workload: w.id, params: form.read(w), implementations: ['python', 'rust'], ...SAMPLING };
    run.disabled = true;
    stop.disabled = false;
    failure.hidden = true;
    form.error(null);
    setState('loading');
    status.textContent = 'loading…';
    import('./run')
      .then(({ runWidget }) =>
        runWidget(w, req, { progress, result, running: () => setState('running'), status: (t) => (status.textContent = t) }),
      )
      .then(() => {
        setState('done');
        status.textContent = 'done';
      })
      .catch((e: unknown) => {
        const message = e instanceof Error ? e.message : String(e);
        setState('error');
        if (e instanceof ParamError || (e instanceof Error && e.name === 'ParamError')) form.error(message);
        else if (message !== 'cancelled') {
          failure.textContent = message;
          failure.hidden = false;
        }
        if (!status.textContent?.startsWith('stopped')) status.textContent = message === 'cancelled' ? 'stopped' : 'failed';
      })
      .finally(() => {
        run.disabled = false;
        stop.disabled = true;
      });
  });
  stop.addEventListener('click', () => {
    status.textContent = 'stopping…';
    void import('./run').then(({ stopWidget }) => stopWidget()).then((t) => (status.textContent = t));
  });
}

const parsed = parseEmbed(window.location.search);
applyTheme(parsed.theme);
connectHost(parsed.frame);
if (parsed.setup) mount(parsed.setup.w, parsed.setup.params, parsed.theme);
else showError(parsed.error ?? 'This widget has nothing to show.');
