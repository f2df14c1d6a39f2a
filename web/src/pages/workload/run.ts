// Run and Stop on a workload page: prepare (Pyodide's download, in bytes), measure (samples per
// implementation), show. A newer run supersedes an older one; Stop cancels whatever runs.
import type { WorkloadSpec } from '../../generated/catalog';
import { downloadPython, engine, label, pythonDownloaded, type Impl, type RunRequest } from '../../app';
import { ParamError } from '../../shared/params';
import { preloadCharts, resultCharts } from '../../ui/charts';
import { byId } from '../../ui/dom';
import type { ProgressView } from '../../ui/progress-view';
import type { ResultsRegion } from './results';

export interface RunInputs {
  request(): RunRequest;
  share(): { params?: Record<string, number | string>; code?: string; impls?: string[]; threads?: number };
  paramError(message: string | null): void;
}

export class Runner {
  private readonly runBtn = byId<HTMLButtonElement>('run');
  private readonly stopBtn = byId<HTMLButtonElement>('stop');
  private readonly status = byId('status');
  private busy = 0;

  constructor(
    private readonly w: WorkloadSpec,
    private readonly inputs: RunInputs,
    private readonly region: ResultsRegion,
    private readonly progress: ProgressView,
  ) {
    this.runBtn.addEventListener('click', () => void this.run());
    this.stopBtn.addEventListener('click', () => void this.stop());
  }

  /** Something runs (a run or a sweep): Stop is enabled until every one has ended. */
  setBusy(on: boolean): void {
    this.busy = Math.max(0, this.busy + (on ? 1 : -1));
    this.stopBtn.disabled = this.busy === 0;
  }

  private error(message: string | null): void {
    byId('error-box').hidden = message === null;
    byId('error').textContent = message ?? '';
  }

  async run(): Promise<void> {
    const req = this.inputs.request();
    this.error(null);
    this.inputs.paramError(null);
    this.progress.clear();
    this.region.state('loading');
    this.runBtn.disabled = true;
    this.setBusy(true);
    this.status.textContent = 'starting…';
    const coldExtra: Record<string, Record<string, number>> = {};
    try {
      const impls = req.implementations ?? [];
      if (!impls.length) throw new ParamError('choose at least one implementation');
      engine().check(req); // refused before Pyodide downloads, with the reason beside the form
      if (impls.some((i) => i.startsWith('python')) && !pythonDownloaded()) {
        this.status.textContent = 'downloading Python…';
        const d = await downloadPython((p) => this.progress.download(p.loaded, p.total));
        for (const i of impls.filter((x) => x.startsWith('python'))) coldExtra[i] = { pageDownload: d.ms };
      }
      this.region.state('running');
      this.status.textContent = 'running…';
      preloadCharts(resultCharts(this.w));
      const max = req.maxSamples ?? 30;
      const r = await engine().run(req, {
        onProgress: (p) => {
          this.progress.samples(label(p.impl as Impl), p.phase, p.samples, max);
          this.status.textContent = `running: ${label(p.impl as Impl)} ${p.phase === 'sampling' ? `${p.samples} samples` : p.phase}`;
        },
      });
      await this.region.show(r, this.inputs.share(), coldExtra);
      this.region.state('done');
      this.status.textContent = 'done';
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.region.state('error');
      if (e instanceof ParamError) {
        this.status.textContent = 'not run';
        this.inputs.paramError(message);
      } else if (message === 'cancelled' || e instanceof Error && e.name === 'Superseded') {
        if (!this.status.textContent?.startsWith('stopped')) this.status.textContent = 'stopped';
      } else {
        this.status.textContent = 'failed';
      }
      const printed = (e as { stdout?: Record<string, string> }).stdout;
      this.error(printed ? `${message}\n\nprinted before it ended:\n${Object.values(printed).join('\n')}` : message);
    } finally {
      this.runBtn.disabled = false;
      this.setBusy(false);
    }
  }

  async stop(): Promise<void> {
    this.status.textContent = 'stopping…';
    const r = await engine().cancel();
    const names = [...new Set(r.restarted.map((k) => (k === 'python' ? 'Python' : 'Rust')))];
    this.status.textContent = names.length ? `stopped; the ${names.join(' and ')} runtime was restarted` : 'stopped';
  }
}
