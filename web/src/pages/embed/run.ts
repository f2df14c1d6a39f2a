// What Run loads: the engine (and through it, on first use, the workers, Pyodide and the wasm),
// the progress bars and the compact result view. The widget imports this module only when the
// reader presses Run, so nothing of it is fetched before.
import type { WorkloadSpec } from '../../generated/catalog';
import { downloadPython, engine, label, pythonDownloaded, type Impl, type RunRequest } from '../../app';
import { progressView, type ProgressView } from '../../ui/progress-view';
import { flagList } from '../../ui/result/summary';
import { showResult } from '../../ui/result-view';

export interface RunView {
  progress: HTMLElement;
  result: HTMLElement;
  /** Called when the download is over and the measurement starts. */
  running(): void;
  status(text: string): void;
  /** Aborted by Stop: a Stop during the download ends the run before it measures. */
  signal: AbortSignal;
}

let progress: ProgressView | null = null;

export async function runWidget(w: WorkloadSpec, req: RunRequest, view: RunView): Promise<void> {
  progress ??= progressView(view.progress);
  progress.clear();
  const coldExtra: Record<string, Record<string, number>> = {};
  const impls = req.implementations ?? [];
  if (impls.some((i) => i.startsWith('python')) && !pythonDownloaded()) {
    view.status('downloading Python…');
    const bar = progress;
    const d = await downloadPython((p) => bar.download(p.loaded, p.total));
    for (const i of impls.filter((x) => x.startsWith('python'))) coldExtra[i] = { download: d.ms };
  }
  if (view.signal.aborted) throw new Error('cancelled');
  view.running();
  view.status('running…');
  const max = req.maxSamples ?? 30;
  const bar = progress;
  const r = await engine().run(req, {
    onProgress: (p) => {
      bar.samples(label(p.impl as Impl), p.phase, p.samples, max);
      view.status(`running: ${label(p.impl as Impl)} ${p.phase === 'sampling' ? `${p.samples} samples` : p.phase}`);
    },
  });
  progress.clear();
  await showResult(view.result, r, w, { compact: true, coldExtra });
  // The compact view keeps the flags' sentences (a coarse timer, noisy times): they say why a ratio is greyed.
  const flags = flagList(r);
  if (flags) view.result.append(flags);
}

/** Stop the run in flight; says which runtimes were restarted. */
export async function stopWidget(): Promise<string> {
  const r = await engine().cancel();
  const names = [...new Set(r.restarted.map((k) => (k === 'python' ? 'Python' : 'Rust')))];
  return names.length ? `stopped; the ${names.join(' and ')} runtime was restarted` : 'stopped';
}
