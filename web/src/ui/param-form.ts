// The parameter form: one input per catalog parameter, with its limits as hints. Values are
// read back typed (numbers for int and float); validation is the engine's.
import type { ParamSpec, WorkloadSpec } from '../generated/catalog';
import { parseValue } from '../shared/params';
import { el } from './dom';

function input(p: ParamSpec, value: number | string): HTMLElement {
  if (p.type === 'choice') {
    const select = el('select', { name: p.name });
    for (const c of p.choices) select.append(el('option', { value: c }, c));
    select.value = String(value);
    return el('label', { title: p.help }, p.name, select, el('span', { class: 'hint' }, p.help));
  }
  const field = el('input', {
    name: p.name,
    type: 'number',
    min: String(p.min),
    max: String(Math.max(p.page_max_python, p.page_max_rust)),
    step: p.type === 'int' ? '1' : 'any',
    value: String(value),
    required: '',
  });
  const hint = `${p.min} to ${p.page_max_rust} (Python up to ${p.page_max_python})`;
  return el('label', { title: p.help }, p.name, field, el('span', { class: 'hint' }, hint));
}

export interface ParamForm {
  show(w: WorkloadSpec, values: Record<string, number | string>): void;
  read(w: WorkloadSpec): Record<string, number | string>;
}

export function paramForm(root: HTMLFormElement): ParamForm {
  return {
    show(w, values) {
      root.replaceChildren(...w.params.map((p) => input(p, values[p.name] ?? p.default)));
    },
    read(w) {
      const data = new FormData(root);
      return Object.fromEntries(w.params.map((p) => [p.name, parseValue(p, String(data.get(p.name) ?? ''))]));
    },
  };
}
