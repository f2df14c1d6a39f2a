// Home: one sentence, the headline race (fib, Python against Rust, measured on request), the
// gallery of workloads with make bench's reference ratios, and this browser's environment.
import reference from 'virtual:twinbench/reference';
import { WORKLOADS } from '../../generated/catalog';
import { browserCapabilities, downloadPython, engine, installApi, label, workloadUrl, type Impl } from '../../app';
import { byId } from '../../ui/dom';
import { envList } from '../../ui/env-panel';
import { gallery } from '../../ui/gallery';
import { raceView } from '../../ui/race';
import { redirectOldQuery } from './redirect';

const RACE = { workload: 'fib', params: { n: 27 }, implementations: ['python', 'rust'] as Impl[], maxSamples: 15, timeBudgetMs: 1500 };

function start(): void {
  const moved = redirectOldQuery();
  if (moved === 'redirected') return;
  installApi(engine());
  const caps = browserCapabilities();
  const notice = byId('notice');
  const text = moved ?? caps.notice;
  if (text) {
    notice.textContent = text;
    notice.hidden = false;
  }
  gallery(byId('gallery-list'), WORKLOADS, reference, (id) => workloadUrl(id).href);

  const race = raceView(byId('race-lanes'));
  const button = byId<HTMLButtonElement>('race-run');
  const error = byId('error-box');
  button.addEventListener('click', () => {
    button.disabled = true;
    error.hidden = true;
    void downloadPython((p) => race.status(`Downloading Python (Pyodide): ${(p.loaded / 1e6).toFixed(1)} of ${(p.total / 1e6).toFixed(1)} MB`))
      .then(() => engine().run(RACE, { onProgress: (p) => race.status(`Measuring ${label(p.impl as Impl)}: ${p.phase} ${p.samples}`) }))
      .then(async (r) => {
        race.status(`Measured: ${r.implementations.python?.samplesMs.length ?? 0} samples each, interleaved. The replay:`);
        await race.replay(r);
        race.status('Done. Run it again, or open a workload below.');
      })
      .catch((e: unknown) => {
        race.status('The race did not finish.');
        byId('error').textContent = e instanceof Error ? e.message : String(e);
        error.hidden = false;
      })
      .finally(() => (button.disabled = false));
  });

  // The environment: the capabilities at once, the timer tick (measured in a worker) when idle.
  const panel = byId('env-panel');
  const show = (tick: number | null): void =>
    panel.replaceChildren(
      envList({
        userAgent: navigator.userAgent,
        hardwareConcurrency: navigator.hardwareConcurrency ?? 1,
        crossOriginIsolated: caps.crossOriginIsolated,
        threads: caps.threads,
        timerTickMs: tick,
        pyodideVersion: null,
        pythonVersion: null,
        notice: caps.notice,
      }),
    );
  show(null);
  const measureTick = (): void => void engine().environment().then((e) => show(e.timerTickMs), () => {});
  if ('requestIdleCallback' in window) requestIdleCallback(measureTick, { timeout: 3000 });
  else setTimeout(measureTick, 1000);
}

start();
