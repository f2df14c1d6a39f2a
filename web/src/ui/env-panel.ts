// The environment a result was measured in, as a definition list: cores, cross-origin
// isolation, the timer tick, the browser, threads (and why not), Pyodide and Python. The same
// list serves this browser (home, workload pages) and a shared result's browser.
import { formatMs } from '../shared/format';
import type { SharedEnvironment } from '../shared/share';
import { el } from './dom';

/** "Chrome 156", "Firefox 153", "Safari 18" from a user agent string (or the whole string). */
export function browserName(ua: string): string {
  const pick = (re: RegExp, name: string): string | null => {
    const m = re.exec(ua);
    return m ? `${name} ${m[1]}` : null;
  };
  return (
    pick(/Firefox\/(\d+)/, 'Firefox') ??
    pick(/Edg\/(\d+)/, 'Edge') ??
    pick(/(?:Headless)?Chrome\/(\d+)/, ua.includes('HeadlessChrome') ? 'Chromium (headless)' : 'Chrome') ??
    pick(/Version\/(\d+)[\d.]* Safari/, 'Safari') ??
    ua.slice(0, 80)
  );
}

export interface EnvFacts extends SharedEnvironment {
  notice?: string | null;
}

export function envList(e: EnvFacts): HTMLElement {
  const rows: Array<[string, string]> = [
    ['browser', browserName(e.userAgent)],
    ['cores', `${e.hardwareConcurrency} (navigator.hardwareConcurrency)`],
    ['cross-origin isolated', e.crossOriginIsolated ? 'yes' : 'no'],
    ['timer tick', e.timerTickMs === null ? 'not measured yet' : `${formatMs(e.timerTickMs)}${e.timerTickMs > 0.02 ? ' (coarse)' : ''}`],
    ['threads', e.threads ? 'available (rayon on Web Workers)' : `off${e.notice ? `: ${e.notice.replace(/^threads off: /, '')}` : ''}`],
  ];
  if (e.pyodideVersion) rows.push(['Pyodide', `${e.pyodideVersion} (Python ${e.pythonVersion ?? '?'})`]);
  return el('dl', { class: 'env-list' }, ...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', { 'data-env': k }, v)]));
}
