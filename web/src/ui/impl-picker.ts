// The implementation picker: a checkbox per implementation in the engine's table, disabled
// with the reason where it cannot run (no threads, no parallel variant, no edited Python).
import type { WorkloadSpec } from '../generated/catalog';
import { DEFAULT_IMPLEMENTATIONS, IMPLEMENTATION_IDS, label, unavailable, type Ask, type Capabilities, type Impl } from '../app';
import { el } from './dom';

export interface ImplPicker {
  show(w: WorkloadSpec, ask: Ask): void;
  chosen(): Impl[];
}

export function implPicker(root: HTMLFieldSetElement, caps: Capabilities): ImplPicker {
  const boxes = new Map<Impl, HTMLInputElement>();
  return {
    show(w, ask) {
      const was = new Map([...boxes].map(([impl, b]) => [impl, b.checked]));
      boxes.clear();
      root.replaceChildren(el('legend', {}, 'Implementations'));
      for (const impl of IMPLEMENTATION_IDS) {
        const why = unavailable(impl, w, caps, ask);
        const box = el('input', { type: 'checkbox', name: impl, value: impl });
        box.checked = why === null && (was.get(impl) ?? DEFAULT_IMPLEMENTATIONS.includes(impl));
        box.disabled = why !== null;
        boxes.set(impl, box);
        const item = el('label', { 'aria-disabled': String(why !== null) }, box, ` ${label(impl)}`);
        if (why) item.append(el('span', { class: 'why' }, ` (${why})`));
        root.append(item);
      }
    },
    chosen() {
      return IMPLEMENTATION_IDS.filter((impl) => boxes.get(impl)?.checked === true);
    },
  };
}
