// Getting a runtime ready before Run, on a sign of intent (the Run button hovered or focused)
// or when the page is idle: Pyodide's files are fetched (with the page's download bar), then
// the engine's own prewarm starts the worker where the engine has one. Never on a metered
// connection (Save-Data), and never from a share link before the visitor asks for anything.
import { downloadPython, type DownloadProgress } from './download';
import { engine } from './engine';

type WithPrewarm = { prewarm?: (runtime: string) => Promise<unknown> };

/** Whether the visitor asked browsers to save data. */
export function saveData(): boolean {
  return (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
}

export async function prepare(runtime: 'python' | 'rust', onProgress?: (p: DownloadProgress) => void): Promise<void> {
  if (runtime === 'python') await downloadPython(onProgress);
  await (engine() as unknown as WithPrewarm).prewarm?.(runtime);
}

/** Prewarm when the browser is idle, unless Save-Data is on. */
export function prepareWhenIdle(runtimes: ReadonlyArray<'python' | 'rust'>, onProgress?: (p: DownloadProgress) => void): void {
  if (saveData()) return;
  const go = (): void => {
    for (const r of runtimes) void prepare(r, onProgress).catch(() => {});
  };
  if ('requestIdleCallback' in window) requestIdleCallback(go, { timeout: 4000 });
  else setTimeout(go, 2000);
}
