// Progress while a run is prepared and goes: Pyodide's download in bytes, then the samples
// each implementation has taken (warm-up first). A <progress> per row, with its words beside it.
import { el } from './dom';

export interface ProgressView {
  download(loaded: number, total: number): void;
  samples(label: string, phase: string, samples: number, max: number): void;
  clear(): void;
}

const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;

export function progressView(root: HTMLElement): ProgressView {
  root.classList.add('progress');
  root.hidden = true;
  const rows = new Map<string, { bar: HTMLProgressElement; value: HTMLElement }>();
  function row(key: string, label: string): { bar: HTMLProgressElement; value: HTMLElement } {
    let r = rows.get(key);
    if (!r) {
      const id = `progress-${rows.size}`;
      const bar = el('progress', { id, max: '1', value: '0' });
      const value = el('span', { class: 'value' });
      root.append(el('div', { class: 'row', 'data-progress': key }, el('label', { for: id }, label), bar, value));
      r = { bar, value };
      rows.set(key, r);
    }
    root.hidden = false;
    return r;
  }
  return {
    download(loaded, total) {
      const r = row('download', 'Downloading Python (Pyodide)');
      r.bar.max = total;
      r.bar.value = loaded;
      r.value.textContent = `${mb(loaded)} of ${mb(total)}`;
    },
    samples(label, phase, samples, max) {
      const r = row(`impl:${label}`, label);
      r.bar.max = max;
      if (phase === 'sampling') r.bar.value = Math.min(samples, max);
      else r.bar.removeAttribute('value'); // warming up: indeterminate
      r.value.textContent = phase === 'sampling' ? `${samples} sample${samples === 1 ? '' : 's'}` : phase === 'warmup' ? `warming up (${samples})` : 'measuring the call overhead';
    },
    clear() {
      rows.clear();
      root.replaceChildren();
      root.hidden = true;
    },
  };
}
