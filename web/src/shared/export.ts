// A result as files a visitor takes away: every raw sample as JSON and CSV, and a Markdown
// table to paste into a post. Pure functions of the result; the page adds the buttons.
import { formatInterval, formatMs, formatTimes } from './format';
import type { SharedResult } from './share-result';

/** The whole result as JSON: every sample, the ratios, the flags and the environment. */
export function resultJson(r: SharedResult): string {
  return `${JSON.stringify(r, (_k, v: unknown) => (ArrayBuffer.isView(v) ? undefined : v), 2)}\n`;
}

/** A CSV field: quoted when it holds a comma, a quote or a line break. */
function field(x: string | number): string {
  const s = String(x);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One row per sample: implementation, sample index, ms per call, calls in the sample. */
export function samplesCsv(r: SharedResult): string {
  const rows: (string | number)[][] = [['workload', 'implementation', 'sample', 'ms_per_call', 'batch', 'threads']];
  for (const [impl, x] of Object.entries(r.implementations)) {
    if (!x) continue;
    x.samplesMs.forEach((ms, i) => rows.push([r.workload, impl, i + 1, ms, x.batch, x.threads ?? '']));
  }
  return `${rows.map((row) => row.map(field).join(',')).join('\n')}\n`;
}

/** A Markdown table cell: pipes and line breaks would break the table. */
function cell(s: string): string {
  return s.replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ');
}

/** A Markdown table of the medians and intervals, the ratios below it, and where it ran. */
export function markdownTable(r: SharedResult, labels: (impl: string) => string, title: string): string {
  const params = Object.entries(r.params).map(([k, v]) => `${k}=${v}`).join(', ');
  const lines = [
    `**${cell(title)}** (${cell(params)}): ${r.verified ? 'outputs identical (verified)' : 'not verified'}`,
    '',
    '| implementation | median per call | 95% CI within this run | samples |',
    '|---|---|---|---|',
  ];
  for (const [impl, x] of Object.entries(r.implementations)) {
    if (!x) continue;
    lines.push(`| ${cell(labels(impl))} | ${formatMs(x.medianMs)} | ${formatInterval(x.ci95Ms)} | ${x.samplesMs.length} × ${x.batch} |`);
  }
  const ratios = Object.entries(r.ratios).filter(([, q]) => !q.hidden && q.value !== null && q.value >= 1);
  if (ratios.length) lines.push('');
  for (const [k, q] of ratios) {
    const [slow = '', fast = ''] = k.split('/');
    const flags = q.flags.length ? ` (flags: ${q.flags.join(', ')})` : '';
    lines.push(`- ${cell(labels(fast))} is ${formatTimes(q.value)} faster than ${cell(labels(slow))} (95% CI within this run ${formatInterval(q.ci95, formatTimes)})${flags}`);
  }
  const e = r.environment;
  lines.push('', `Measured with twinbench in ${cell(e.userAgent)}, ${e.hardwareConcurrency} cores, ${e.crossOriginIsolated ? 'cross-origin isolated' : 'not isolated'}.`);
  return `${lines.join('\n')}\n`;
}
