// Two results side by side: the one a share link carried ("theirs") and the visitor's own,
// each with the environment it was measured in ("their phone against your laptop").
import type { WorkloadSpec } from '../generated/catalog';
import type { SharedResult } from '../shared/share';
import { el } from './dom';
import { browserName, envList } from './env-panel';
import { showResult, type ViewedResult } from './result-view';

function side(title: string, r: ViewedResult, w: WorkloadSpec, id: string): { box: HTMLElement; body: HTMLElement } {
  const body = el('div', { class: 'result-body' });
  const box = el(
    'section',
    { class: 'card', id, 'aria-label': title },
    el('h3', {}, title),
    el('p', { class: 'muted' }, `Measured in ${browserName(r.environment.userAgent)}, ${r.environment.hardwareConcurrency} cores.`),
    envList(r.environment),
    body,
  );
  return { box, body };
}

/** The shared result alone (before Run), or both when `mine` is given. */
export async function showComparison(root: HTMLElement, theirs: SharedResult, w: WorkloadSpec, mine?: ViewedResult): Promise<void> {
  const a = side('The shared result', theirs, w, 'shared-result');
  const parts = [a.box];
  let b: { box: HTMLElement; body: HTMLElement } | null = null;
  if (mine) {
    b = side('Your result', mine, w, 'your-result');
    parts.push(b.box);
  }
  root.replaceChildren(...parts);
  root.classList.toggle('both', mine !== undefined);
  root.hidden = false;
  await showResult(a.body, theirs, w, { compact: true });
  if (b && mine) await showResult(b.body, mine, w, { compact: true });
}
