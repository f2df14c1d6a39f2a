// The results region of a workload page: its data-state (idle | loading | running | done |
// error), the result, the share/export tools, the comparison with a shared result, the claims.
import reference from 'virtual:twinbench/reference';
import type { WorkloadSpec } from '../../generated/catalog';
import type { RunResult } from '../../app';
import type { SharedResult, ShareState } from '../../shared/share';
import { claimsView } from '../../ui/claims';
import { showComparison } from '../../ui/compare-view';
import { byId } from '../../ui/dom';
import { envList } from '../../ui/env-panel';
import { resultTools } from '../../ui/result-tools';
import { showResult } from '../../ui/result-view';
import { shortFlag } from '../../ui/result/flag-words';

export type State = 'idle' | 'loading' | 'running' | 'done' | 'error';

export class ResultsRegion {
  private readonly root = byId('results');

  constructor(
    private readonly w: WorkloadSpec,
    private readonly shared: SharedResult | undefined,
  ) {
    claimsView(byId('claims'), w, reference, null);
    if (shared) void showComparison(byId('compare'), shared, w);
  }

  state(s: State): void {
    this.root.dataset.state = s;
    this.root.setAttribute('aria-busy', String(s === 'loading' || s === 'running'));
    byId('results-idle').hidden = s !== 'idle';
  }

  async show(r: RunResult, share: Omit<ShareState, 'v' | 'result'>, coldExtra: Record<string, Record<string, number>>): Promise<void> {
    await showResult(byId('result-body'), r, this.w, { coldExtra });
    resultTools(byId('result-tools'), { w: this.w, result: r, share, pageUrl: window.location.href });
    if (this.shared) await showComparison(byId('compare'), this.shared, this.w, r);
    const q = r.ratios['python/rust'];
    claimsView(byId('claims'), this.w, reference, q && !q.hidden ? { ratio: q.value, ci95: q.ci95, params: r.params, flags: q.flags.map(shortFlag) } : null);
    byId('env').replaceChildren(envList(r.environment));
  }
}
