// What the visitor typed, kept per workload in localStorage, so a reload or a crashed worker
// loses nothing. Storage may be missing or full (private windows): then nothing is kept, quietly.

export interface Saved {
  params?: Record<string, number | string>;
  code?: string;
  impls?: string[];
  threads?: number;
}

const key = (workload: string): string => `twinbench:w:${workload}`;

export function load(workload: string): Saved {
  try {
    const raw = localStorage.getItem(key(workload));
    const x: unknown = raw ? JSON.parse(raw) : {};
    return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Saved) : {};
  } catch {
    return {};
  }
}

export function save(workload: string, s: Saved): void {
  try {
    localStorage.setItem(key(workload), JSON.stringify(s));
  } catch {
    // Storage full or blocked: the page still works, it just cannot remember.
  }
}

export function forget(workload: string): void {
  try {
    localStorage.removeItem(key(workload));
  } catch {
    // as above
  }
}
