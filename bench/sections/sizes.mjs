// Transfer sizes of the built site (web/dist), gzip level 9 as a static host compresses them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bound, kb, table } from '../lib/md.mjs';
import { siteSizes } from '../lib/sizes.mjs';
import { widgetBeforeRun } from '../lib/widget.mjs';
import { row } from '../targets.mjs';

const NO_WIDGET = 'there is no embeddable widget yet (embed.html does not exist in web/dist)';

async function measure(ctx) {
  const has = existsSync(join(ctx.dist, 'embed.html'));
  return { ...(await siteSizes(ctx.dist)), has_widget: has, widget: has ? await widgetBeforeRun(ctx) : null };
}

function widgetNote(raw) {
  if (!raw.has_widget) return NO_WIDGET;
  if (!raw.widget) return 'this report predates its measurement: make bench measures it';
  const w = raw.widget;
  return `${w.files.length} files: ${w.files.map((f) => f.file).join(', ')}${w.heavy.length ? `; HEAVY BEFORE RUN: ${w.heavy.join(', ')}` : ''}`;
}

function derive(raw) {
  return {
    ...raw,
    gzip_bytes: {
      rust_wasm_single: raw.wasm.single?.gzip ?? null,
      rust_wasm_threads: raw.wasm.threads?.gzip ?? null,
      main_js: raw.main_js.gzip,
      pyodide: raw.pyodide_total.gzip,
      // The loader and everything the widget fetches before Run (a report from before the widget has none).
      widget_before_run: raw.widget?.total.gzip ?? null,
      widget_before_run_note: widgetNote(raw),
    },
  };
}

function targets(z) {
  return [
    row('rust_wasm_single_gzip', 'single-threaded wasm, gzip', z.gzip_bytes.rust_wasm_single),
    row('widget_before_run_gzip', 'widget before Run, gzip (loader + what it fetches)', z.gzip_bytes.widget_before_run, z.widget ? null : z.gzip_bytes.widget_before_run_note),
  ];
}

function render(z) {
  const file = (what, f, t = '') => [what, f.file, kb(f.bytes), kb(f.gzip), t];
  const rows = [
    ['single-threaded wasm', z.wasm.single?.file, kb(z.wasm.single?.bytes), kb(z.wasm.single?.gzip), bound('rust_wasm_single_gzip')],
    ['threaded wasm', z.wasm.threads?.file, kb(z.wasm.threads?.bytes), kb(z.wasm.threads?.gzip), ''],
    ['main page JavaScript (entry + static imports)', z.main_js_files.map((f) => f.file).join(', '), kb(z.main_js.bytes), kb(z.main_js.gzip), ''],
    ...z.classic_scripts.map((f) => file('main page, classic script', f)),
    ...z.other_js.map((f) => file('loaded on demand', f)),
    ...z.pyodide_files.map((f) => file('Pyodide', f)),
    ['Pyodide, total', '', kb(z.pyodide_total.bytes), kb(z.pyodide_total.gzip), ''],
    ...(z.widget?.files ?? []).map((f) => file('widget before Run', f)),
    ['widget before Run, total', '', kb(z.widget?.total.bytes), kb(z.gzip_bytes.widget_before_run), `${bound('widget_before_run_gzip')} (${z.gzip_bytes.widget_before_run_note})`],
  ];
  return [table(['what', 'file', 'bytes', 'gzip', 'target'], rows)];
}

export default { name: 'sizes', title: 'Sizes (gzip, level 9)', measure, derive, targets, explain: () => 'see the sizes section.', render };
