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
import { frameTitle, type Theme } from '../../shared/embed';
import { ParamError, type ParamValues } from '../../shared/params';
import { byId, el } from '../../ui/dom';
import { paramForm } from '../../ui/param-form';
import { connectHost } from './host';
import { parseEmbed } from './query';
import { sourceToggle } from './source';
import { applyTheme } from './theme';

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

function mount(w: WorkloadSpec, params: ParamValues, theme: Theme): void {
  document.title = frameTitle(w.title);
  const caps = capabilities();
  const formRoot = el('form', { class: 'params', autocomplete: 'off', 'aria-label': 'Parameters' });
  const form = paramForm(formRoot);
  const run = el('button', { type: 'button', id: 'run' }, 'Run');
  const stop = el('button', { type: 'button', id: 'stop', class: 'secondary', disabled: '' }, 'Stop');
  const status = el('span', { id: 'status', role: 'status', 'aria-live': 'polite' });
  const fullLink = (): HTMLAnchorElement => el('a', { class: 'full-page', href: fullPage(w, params), target: '_blank', rel: 'noopener' }, 'Open the full page');
  const full = fullLink();
  const source = sourceToggle(w, theme);
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
    : el('p', { class: 'line', id: 'threads-line' }, 'Rust runs single-threaded here: this page is not cross-origin isolated. ', fullLink(), ' for threads.');
  form.show(w, params);
  // The full page opens with the parameters as they are now.
  formRoot.addEventListener('input', () => {
    const href = fullPage(w, form.read(w));
    for (const a of root.querySelectorAll<HTMLAnchorElement>('a.full-page')) a.href = href;
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
    el('p', { class: 'links' }, full, source.button),
    source.box,
  );
  setState('idle');

  let current: AbortController | null = null;
  run.addEventListener('click', () => {
    const abort = new AbortController();
    current = abort;
    const req: RunRequest = { workload: w.id, params: form.read(w), implementations: ['python', 'rust'], ...SAMPLING };
    run.disabled = true;
    stop.disabled = false;
    failure.hidden = true;
    result.replaceChildren();
    form.error(null);
    setState('loading');
    status.textContent = 'loading…';
    import('./run')
      .then(({ runWidget }) =>
        runWidget(w, req, { progress, result, signal: abort.signal, running: () => setState('running'), status: (t) => (status.textContent = t) }),
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
    current?.abort();
    void import('./run').then(({ stopWidget }) => stopWidget()).then((t) => (status.textContent = t));
  });
}

const parsed = parseEmbed(window.location.search);
applyTheme(parsed.theme);
connectHost(parsed.frame);
if (parsed.setup) mount(parsed.setup.w, parsed.setup.params, parsed.theme);
else showError(parsed.error ?? 'This widget has nothing to show.');
