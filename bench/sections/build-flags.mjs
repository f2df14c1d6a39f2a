// The build-flag experiments of bench/flags.mjs, quoted from its last bench/flags.json (that
// script measures; this section only reports, so its raw input is that file).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kb, ms, sig, table } from '../lib/md.mjs';

/** bench/flags.json, or null: read both by `make bench` and by `--render`. */
export function readFlags(repo) {
  const f = join(repo, 'bench/flags.json');
  return existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null;
}

function render(f) {
  const names = Object.keys(f.variants);
  const nativeRows = Object.entries(f.native ?? {}).flatMap(([n, v]) =>
    Object.entries(v.ms).map(([id, t]) => [n, v.what, id, ms(t), n === 'project' ? '' : `${sig(v.over_project[id])}×`]),
  );
  return [
    `${f.method} Measured ${f.generated.slice(0, 10)}, load average ${f.load_average_before.join(' / ')} before and ${f.load_average_after.join(' / ')} after.`,
    table(['variant', 'what', 'wasm bytes', 'gzip'], names.map((n) => [n, f.variants[n].what, kb(f.variants[n].bytes), kb(f.variants[n].gzip)])),
    table(
      ['workload', 'project build', ...names.map((n) => `${n} (× project)`)],
      Object.entries(f.kernels).map(([id, k]) => [
        id,
        ms(k.project_ms),
        ...names.map((n) => `${ms(k[n].median_ms)} (${sig(k[n].over_project)}×)${k[n].same_output ? '' : ' **output differs**'}`),
      ]),
    ),
    nativeRows.length ? 'Native counterparts (criterion medians, scratch target dirs, the same session):' : null,
    nativeRows.length ? table(['build', 'what', 'workload', 'native', '× project'], nativeRows) : null,
  ];
}

export default { name: 'build_flags', title: 'Build-flag experiments (bench/flags.mjs)', derive: (raw) => raw, render };
