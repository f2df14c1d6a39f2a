// The code the page shows, as text from the repository at build time (never copied by hand):
// the Python twins, the Rust kernels (crate/src/kernels/<id>.rs) and the Python-calls-Rust glue.
// One lazily loaded chunk each.

type Texts = Record<string, () => Promise<string>>;
const TWINS = import.meta.glob('../../../pyodide_glue/twinbench/kernels/*.py', { query: '?raw', import: 'default' }) as Texts;
const KERNELS = import.meta.glob('../../../crate/src/kernels/*.rs', { query: '?raw', import: 'default' }) as Texts;
const GLUE = import.meta.glob('../../../pyodide_glue/twinbench/rust.py', { query: '?raw', import: 'default' }) as Texts;

const file = (id: string): string => id.replaceAll('-', '_');

async function load(texts: Texts, path: string): Promise<string> {
  const f = texts[path];
  return f ? f() : '';
}

export const pythonTwin = (id: string): Promise<string> => load(TWINS, `../../../pyodide_glue/twinbench/kernels/${file(id)}.py`);
/** The kernel's source without its unit tests (the `#[cfg(test)] mod tests` at the end of each file). */
export function withoutTests(rust: string): string {
  const m = /\n#\[cfg\(test\)\]\s*\nmod tests\b/.exec(rust);
  return m ? rust.slice(0, m.index).trimEnd() : rust.trimEnd();
}

export const rustKernel = async (id: string): Promise<string> => withoutTests(await load(KERNELS, `../../../crate/src/kernels/${file(id)}.rs`));
export const pythonGlue = (): Promise<string> => load(GLUE, '../../../pyodide_glue/twinbench/rust.py');

/** Where each text comes from, for the page to say. */
export const sourcePaths = (id: string): { python: string; rust: string; glue: string } => ({
  python: `pyodide_glue/twinbench/kernels/${file(id)}.py`,
  rust: `crate/src/kernels/${file(id)}.rs`,
  glue: 'pyodide_glue/twinbench/rust.py',
});
