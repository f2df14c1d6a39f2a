// The method page: the prose is in its HTML; here the reference results of make bench (read
// from bench/report.json at build time) and the screenshots of the site (docs/, taken by
// scripts/screenshot.mjs from the real build).
import reference from 'virtual:twinbench/reference';
import { engine, installApi } from '../../app';
import { referenceMachineWords } from '../../shared/reference';
import { byId, el } from '../../ui/dom';
import { enginesTable } from '../../ui/engines-table';
import { kernelsTable, startupTable, threadsTable } from '../../ui/reference-tables';

const SHOTS = import.meta.glob('../../../../docs/screenshots/*.png', { eager: true, query: '?url', import: 'default' }) as Record<string, string>;
const CAPTIONS: Record<string, string> = {
  'home-desktop': 'Home, desktop',
  'home-phone': 'Home, 375 px phone',
  'workload-desktop': 'A workload page after a run, desktop',
  'workload-phone': 'A workload page after a run, 375 px phone',
};

function start(): void {
  installApi(engine());
  const intro = byId('reference-intro');
  const box = byId('reference-tables');
  if (!reference.generated) {
    intro.textContent = 'This build has no benchmark report (bench/report.json): run make bench, then build again.';
  } else {
    intro.textContent = `Measured by make bench on ${referenceMachineWords(reference)}${reference.machine?.load ? ` (${reference.machine.load})` : ''}, through this same page and harness, plus native Rust (criterion) and native CPython. Your machine will differ.`;
    box.append(kernelsTable(reference));
    for (const t of [threadsTable(reference), startupTable(reference), enginesTable(reference)]) if (t) box.append(t);
    const r = reference.reproducibility;
    if (r && r.ratioMin !== null && r.ratioMax !== null) {
      box.append(el('p', {}, `Across ${r.pages} fresh pages, the ${r.workload} ratio ranged from ${r.ratioMin.toFixed(1)}× to ${r.ratioMax.toFixed(1)}×: more than one run’s interval, which is why it says “within this run”.`));
    }
  }
  const shots = byId('shots');
  for (const [path, url] of Object.entries(SHOTS).sort()) {
    const name = path.split('/').pop()?.replace('.png', '') ?? '';
    // Full-page shots are tall (a phone's is thousands of pixels): the top of each, linked to all of it.
    const img = el('img', { src: url, alt: `Screenshot: ${CAPTIONS[name] ?? name}`, loading: 'lazy', width: '600' });
    shots.append(el('figure', {}, el('a', { href: url, class: 'shot' }, img), el('figcaption', {}, `${CAPTIONS[name] ?? name} (the top; open it for the whole page)`)));
  }
  if (!shots.children.length) shots.append(el('p', { class: 'muted' }, 'No screenshots in this build yet (node scripts/screenshot.mjs takes them).'));
}

start();
