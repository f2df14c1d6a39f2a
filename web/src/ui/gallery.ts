// The gallery of workloads: a card each, with its story and the ratio `make bench` measured on
// the reference machine (labelled as such: a visitor's own browser will differ).
import type { WorkloadSpec } from '../generated/catalog';
import { formatInterval, formatTimes } from '../shared/format';
import { referenceMachineWords, type Reference } from '../shared/reference';
import { el } from './dom';
import { shortFlag } from './result/flag-words';

export function gallery(root: HTMLElement, workloads: readonly WorkloadSpec[], ref: Reference, href: (id: string) => string): void {
  const machine = referenceMachineWords(ref);
  const cards = workloads.map((w) => {
    const k = ref.kernels[w.id];
    const r = k?.ratio;
    // The report's flags (e.g. an uncertain ratio) grey the figure and are named beside it.
    const flags = [...new Set((r?.flags ?? []).map(shortFlag))];
    const figure =
      r && !r.hidden && r.value !== null
        ? el(
            'p',
            { class: `ref-ratio${flags.length ? ' flagged' : ''}` },
            el('strong', {}, `Rust ${formatTimes(r.value)} faster`),
            el('span', { class: 'muted' }, ` (95% CI ${formatInterval(r.ci95, formatTimes)}) on the reference machine`),
            flags.length ? el('span', { class: 'muted why' }, ` — ${flags.join(', ')}`) : '',
          )
        : el('p', { class: 'ref-ratio muted' }, r?.hidden ? `No reference ratio: ${flags.join(', ')}` : 'Not in the reference report yet');
    return el(
      'li',
      { class: 'card', 'data-workload': w.id },
      el('h3', {}, el('a', { href: href(w.id) }, w.title)),
      el('p', { class: 'story' }, w.story),
      figure,
    );
  });
  root.replaceChildren(
    el('ul', { class: 'gallery' }, ...cards),
    el('p', { class: 'muted' }, `Reference ratios: Python (Pyodide) time over Rust (wasm) at each workload’s defaults, measured by make bench on ${machine}. Yours will differ: press Run on a workload to measure it here.`),
  );
}
