// embed.html's query: a clean setup, or one message naming the parameter and what it allows.
import { describe, expect, it } from 'vitest';
import { workloadSpec } from '../../shared/params';
import { parseEmbed } from './query';

const fib = workloadSpec('fib');
const n = fib.params.find((p) => p.name === 'n');
if (!n || n.type === 'choice') throw new Error('fib has a numeric n');

describe('parseEmbed', () => {
  it('takes the workload, its parameters, the theme and the frame id', () => {
    const p = parseEmbed('?kernel=fib&n=18&theme=dark&frame=tb12');
    expect(p.error).toBeNull();
    expect(p.setup?.w.id).toBe('fib');
    expect(p.setup?.params).toEqual({ n: 18 });
    expect(p.theme).toBe('dark');
    expect(p.frame).toBe('tb12');
  });
  it('fills in defaults', () => {
    expect(parseEmbed('?kernel=fib').setup?.params).toEqual({ n: n.default });
  });
  it.each([
    ['no kernel', '?n=3', /No workload given.*Known workloads: .*fib/],
    ['an unknown kernel', '?kernel=nope', /Unknown workload 'nope'.*Known workloads/],
    ['two kernels', '?kernel=fib&kernel=nbody', /kernel is given 2 times/],
    ['not a number', '?kernel=fib&n=abc', new RegExp(`Parameter n of fib must be an integer from ${n.min} to ${Math.min(n.page_max_python, n.page_max_rust)}, got 'abc'`)],
    ['a fraction for an integer', '?kernel=fib&n=3.5', /Parameter n of fib must be an integer from/],
    ['out of range', `?kernel=fib&n=${n.max + 1}`, new RegExp(`n of fib must be between ${n.min} and ${n.max}.*Allowed for fib: n, an integer from ${n.min}`)],
    ['over the page cap for Python', `?kernel=fib&n=${n.page_max_python + 1}`, /n of fib is at most \d+ for Python in the page.*Allowed for fib: n/],
    ['negative', '?kernel=fib&n=-1', /n of fib must be between/],
    ['an unknown parameter', '?kernel=fib&m=3', /Unknown parameter 'm' for fib\. Allowed for fib: n, an integer from/],
    ['a parameter twice', '?kernel=fib&n=3&n=4', /Parameter n is given twice/],
    ['a bad theme', '?kernel=fib&theme=neon', /theme must be light, dark or auto, got 'neon'/],
  ])('explains %s', (_, q, message) => {
    const p = parseEmbed(q);
    expect(p.setup).toBeNull();
    expect(p.error).toMatch(message);
  });
  it('clips long user text in messages', () => {
    const p = parseEmbed(`?kernel=${'x'.repeat(5000)}`);
    expect(p.error?.length).toBeLessThan(400);
  });
  it('clips a long choice value', () => {
    const w = parseEmbed(`?kernel=shared-counter&strategy=${'x'.repeat(3000)}`);
    expect(w.error).toMatch(/strategy/);
    expect(w.error?.length).toBeLessThan(400);
  });
  it('ignores a malformed frame id (no messages to the host then)', () => {
    expect(parseEmbed('?kernel=fib&frame=<x>').frame).toBeNull();
  });
});
