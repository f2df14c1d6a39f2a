// Parameter validation against tests/golden/params.json, the cases the Rust and Python
// validators are tested against too, plus what only the page has: its caps per language,
// values JSON cannot carry (NaN, Infinity) and the parsing of form values.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParamError, parseValue, validate, workloadSpec, type Language } from './params';

interface Case {
  workload: string;
  params: unknown;
  language?: Language;
  valid?: Record<string, number | string>;
  error?: string;
}

const table = JSON.parse(readFileSync(new URL('../../../tests/golden/params.json', import.meta.url), 'utf8')) as {
  json: Case[];
  page: Case[];
};

function check(c: Case): void {
  const run = () => validate(workloadSpec(c.workload), c.params, c.language);
  if (c.error !== undefined) {
    expect(run).toThrow(ParamError);
    expect(run).toThrow(c.error);
  } else {
    // `valid` is the complete set of parameters, defaults filled in.
    expect(run()).toEqual(c.valid);
  }
}

const label = (c: Case) => `${c.workload} ${c.language ?? ''} ${JSON.stringify(c.params)}`;

describe('validate: the shared cases', () => {
  it.each(table.json.map((c) => [label(c), c] as const))('%s', (_, c) => check(c));
});

describe('validate: the page caps per language', () => {
  it.each(table.page.map((c) => [label(c), c] as const))('%s', (_, c) => check(c));
});

describe('validate: what only the page sees', () => {
  const fib = workloadSpec('fib');

  it.each([
    [{ n: Number.NaN }, 'must be an integer'],
    [{ n: Number.POSITIVE_INFINITY }, 'must be an integer'],
    [[1], 'must be an object'],
    ['n=3', 'must be an object'],
  ])('rejects %j with a message that says what is allowed', (given, message) => {
    expect(() => validate(fib, given)).toThrow(ParamError);
    expect(() => validate(fib, given)).toThrow(message);
  });

  it('takes no parameters as the defaults', () => {
    expect(validate(fib, undefined)).toEqual({ n: 27 });
    expect(validate(fib, null)).toEqual({ n: 27 });
  });
});

describe('parseValue', () => {
  it('parses strict decimals only', () => {
    expect(parseValue(workloadSpec('fib').params[0]!, '30')).toBe(30);
    for (const raw of ['', '3.5', '0x10', 'ten', '1e3']) expect(parseValue(workloadSpec('fib').params[0]!, raw)).toBeNaN();
  });
});
