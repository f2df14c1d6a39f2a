// A workload page (w/<id>/, generated from the catalog): parameters, threads and
// implementations, the code (Python editable, Rust read-only), Run and Stop with progress, the
// result with its charts, the stories that need more than one run, claims against
// measurements, share and export. Nothing runs and, from a share link, nothing downloads until
// the visitor asks.
import type { WorkloadSpec } from '../../generated/catalog';
import { browserCapabilities, engine, installApi, prepare, prepareWhenIdle, saveData, type Impl, type RunRequest } from '../../app';
import { workloadSpec } from '../../shared/params';
import { hasThreadSweep } from '../../ui/charts';
import { byId } from '../../ui/dom';
import { embedThis } from '../../ui/embed-this';
import { envList } from '../../ui/env-panel';
import { implPicker } from '../../ui/impl-picker';
import { paramForm } from '../../ui/param-form';
import { progressView } from '../../ui/progress-view';
import { save } from '../../ui/storage';
import { crossoverPanel, threadSweepPanel, type SweepSetup } from '../../ui/sweep-panel';
import { threadsControl } from '../../ui/threads-control';
import { mountCode } from './code';
import { ResultsRegion } from './results';
import { Runner } from './run';
import { SAMPLING, startState, type Sampling } from './state';

const POOLED: readonly string[] = ['rust-threads', 'python-pool', 'rust-pool'];

async function start(): Promise<void> {
  installApi(engine());
  const w: WorkloadSpec = workloadSpec(byId('main').dataset.workload);
  const caps = browserCapabilities();
  const s = startState(w);
  if (caps.notice) {
    byId('notice').textContent = caps.notice;
    byId('notice').hidden = false;
  }
  const shareNotice = byId('share-notice');
  const notices = [...s.notices];
  if (s.fromShare) notices.push('Opened from a share link: its code, parameters and result are shown; nothing runs until you press Run.');
  shareNotice.textContent = notices.join(' ');
  shareNotice.hidden = notices.length === 0;

  let code: string | undefined;
  const remember = (): void => save(w.id, { params: form.read(w), impls: picker.chosen(), threads: threads.value(), ...(code !== undefined ? { code } : {}) });
  const form = paramForm(byId<HTMLFormElement>('params'), remember);
  const threads = threadsControl(byId('threads-box'), navigator.hardwareConcurrency || 1, remember);
  const picker = implPicker(byId<HTMLFieldSetElement>('impls'), caps, () => {
    threads.show(picker.chosen().some((i) => POOLED.includes(i)));
    remember();
  });
  form.show(w, s.params);
  const embed = embedThis(byId('embed'), w, form.read(w));
  byId('params').addEventListener('input', () => embed.update(form.read(w)));
  if (s.threads !== undefined) threads.set(s.threads);
  const sampling = byId<HTMLSelectElement>('sampling');
  sampling.value = s.sampling;

  const editor = await mountCode(w, s.code, (c) => {
    code = c;
    picker.show(w, { pythonSource: c });
    threads.show(picker.chosen().some((i) => POOLED.includes(i)));
    remember();
  });
  code = editor.source();
  picker.show(w, { pythonSource: code });
  if (s.impls) picker.choose(s.impls);
  threads.show(picker.chosen().some((i) => POOLED.includes(i)));

  const region = new ResultsRegion(w, s.shared);
  const request = (): RunRequest => {
    const source = editor.source();
    const preset = SAMPLING[sampling.value as Sampling] ?? SAMPLING.standard;
    return {
      workload: w.id,
      params: form.read(w),
      implementations: picker.chosen() as Impl[],
      threads: threads.value(),
      ...preset,
      ...(source !== undefined ? { pythonSource: source } : {}),
      ...(w.chart === 'latency' ? { latency: true } : {}),
      ...(w.output === 'bytes' ? { wantBytes: true } : {}),
      ...(w.chart === 'trajectory' ? { wantPoints: true } : {}),
    };
  };
  const runner = new Runner(
    w,
    {
      request,
      share: () => {
        const source = editor.source();
        return { params: form.read(w), impls: picker.chosen(), threads: threads.value(), ...(source !== undefined ? { code: source } : {}) };
      },
      paramError: (m) => form.error(m),
    },
    region,
    progressView(byId('progress')),
  );

  const setup: SweepSetup = {
    params: () => form.read(w),
    threads: () => threads.value(),
    timeBudgetMs: 500,
    maxSamples: 10,
    threadsAvailable: caps.threads,
    busy: (on) => runner.setBusy(on),
  };
  const stories = byId('stories');
  if (hasThreadSweep(w)) threadSweepPanel(stories, w, setup);
  if (w.chart === 'crossover') crossoverPanel(stories, w, setup);

  byId('env').replaceChildren(
    envList({ userAgent: navigator.userAgent, hardwareConcurrency: navigator.hardwareConcurrency ?? 1, crossOriginIsolated: caps.crossOriginIsolated, threads: caps.threads, timerTickMs: null, pyodideVersion: null, pythonVersion: null, notice: caps.notice }),
  );

  // Intent: hovering or focusing Run gets the runtimes ready; so does an idle page, except from
  // a share link (nothing is fetched before the visitor asks) or with Save-Data on.
  const run = byId('run');
  const intent = (): void => {
    if (saveData()) return;
    void prepare('python').catch(() => {});
    void prepare('rust').catch(() => {});
  };
  run.addEventListener('pointerenter', intent, { once: true });
  run.addEventListener('focus', intent, { once: true });
  if (!s.fromShare) prepareWhenIdle(['python', 'rust']);
}

void start().catch((e: unknown) => {
  byId('error').textContent = `The page could not start: ${e instanceof Error ? e.message : String(e)}`;
  byId('error-box').hidden = false;
});
