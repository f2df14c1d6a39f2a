// How many threads (rayon) or pool workers a run uses: 1 up to this browser's
// navigator.hardwareConcurrency, shown only when a chosen implementation uses threads.
import { el } from './dom';

export interface ThreadsControl {
  value(): number;
  set(n: number): void;
  show(visible: boolean): void;
  readonly max: number;
}

export function threadsControl(root: HTMLElement, cores: number, onChange: () => void = () => {}): ThreadsControl {
  const max = Math.max(1, Math.min(16, Math.floor(cores) || 1));
  const field = el('input', { id: 'threads', name: 'threads', type: 'number', min: '1', max: String(max), step: '1', value: String(Math.min(max, Math.max(2, max))), 'aria-describedby': 'threads-hint' });
  field.addEventListener('input', onChange);
  root.replaceChildren(
    el('label', { for: 'threads' }, 'threads', field, el('span', { class: 'hint', id: 'threads-hint' }, `1 to ${max} (this browser reports ${cores} cores): rayon threads or pool workers`)),
  );
  root.classList.add('threads');
  const clamp = (n: number): number => Math.min(max, Math.max(1, Math.round(n)));
  return {
    max,
    value: () => clamp(Number(field.value) || 1),
    set(n) {
      field.value = String(clamp(n));
    },
    show(visible) {
      root.hidden = !visible;
    },
  };
}
