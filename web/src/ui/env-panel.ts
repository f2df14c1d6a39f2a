// The environment a result was measured in, as a definition list: logical cores, cross-origin
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
  // [data-env key, label, value]. The core count is what the browser reports: WebKit, for one,
  // rounds it to a bucket, so it is labelled as reported rather than as the machine's.
  const rows: Array<[string, string, string]> = [
    ['browser', 'browser', browserName(e.userAgent)],
    ['cores', 'logical cores', `${e.hardwareConcurrency}, as the browser reports them (navigator.hardwareConcurrency)`],
    ['cross-origin isolated', 'cross-origin isolated', e.crossOriginIsolated ? 'yes' : 'no'],
    ['timer tick', 'timer tick', e.timerTickMs === null ? 'not measured yet' : `${formatMs(e.timerTickMs)}${e.timerTickMs > 0.02 ? ' (coarse)' : ''}`],
    ['threads', 'threads', e.threads ? 'available (rayon on Web Workers)' : `off${e.notice ? `: ${e.notice.replace(/^threads off: /, '')}` : ''}`],
  ];
  if (e.pyodideVersion) rows.push(['Pyodide', 'Pyodide', `${e.pyodideVersion} (Python ${e.pythonVersion ?? '?'})`]);
  return el('dl', { class: 'env-list' }, ...rows.flatMap(([key, label, v]) => [el('dt', {}, label), el('dd', { 'data-env': key }, v)]));
}
