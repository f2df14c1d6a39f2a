// The parameter form: one labelled input per catalog parameter, its limits as a hint (Rust's
// page cap, Python's when lower), the browser's own range check, and the engine's validation
// message beside the form when a value is refused. Values are read back typed.
import type { ParamSpec, WorkloadSpec } from '../generated/catalog';
import { parseValue } from '../shared/params';
import { el } from './dom';

function input(w: WorkloadSpec, p: ParamSpec, value: number | string, onChange: () => void): HTMLElement {
  const id = `param-${p.name}`;
  const hintId = `${id}-hint`;
  if (p.type === 'choice') {
    const select = el('select', { name: p.name, id, 'aria-describedby': hintId });
    for (const c of p.choices) select.append(el('option', { value: c }, c));
    select.value = String(value);
    select.addEventListener('change', onChange);
    return el('label', { for: id }, p.name, select, el('span', { class: 'hint', id: hintId }, p.help));
  }
  const field = el('input', {
    name: p.name,
    id,
    type: 'number',
    inputmode: p.type === 'int' ? 'numeric' : 'decimal',
    min: String(p.min),
    max: String(Math.max(p.page_max_python, p.page_max_rust)),
    step: p.type === 'int' ? '1' : 'any',
    value: String(value),
    required: '',
    'aria-describedby': hintId,
  });
  field.addEventListener('input', onChange);
  const caps =
    p.page_max_python < p.page_max_rust ? `${p.min} to ${p.page_max_rust} (Python up to ${p.page_max_python})` : `${p.min} to ${p.page_max_rust}`;
  return el('label', { for: id, title: p.help }, p.name, field, el('span', { class: 'hint', id: hintId }, `${caps}: ${p.help}`));
}

export interface ParamForm {
  show(w: WorkloadSpec, values: Record<string, number | string>): void;
  read(w: WorkloadSpec): Record<string, number | string>;
  /** Show the engine's reason for refusing a value (or clear it with null). */
  error(message: string | null): void;
}

export function paramForm(root: HTMLFormElement, onChange: () => void = () => {}): ParamForm {
  const message = el('p', { class: 'param-error', role: 'alert', hidden: '' });
  root.addEventListener('submit', (e) => e.preventDefault());
  return {
    show(w, values) {
      root.replaceChildren(...w.params.map((p) => input(w, p, values[p.name] ?? p.default, onChange)), message);
    },
    read(w) {
      const data = new FormData(root);
      return Object.fromEntries(w.params.map((p) => [p.name, parseValue(p, String(data.get(p.name) ?? ''))]));
    },
    error(text) {
      message.textContent = text ?? '';
      message.hidden = text === null;
    },
  };
}
