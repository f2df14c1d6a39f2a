// The widget's messages and snippets: only the exact shapes pass, and snippets escape what they quote.
import { describe, expect, it } from 'vitest';
import { ALLOW, HELLO, RESIZE, SANDBOX, embedQuery, iframeSnippet, isHello, isResize, loaderSnippet } from './embed';

describe('isResize', () => {
  const ok = { type: RESIZE, frame: 'tb1', height: 300 };
  it('accepts the exact shape for this frame', () => {
    expect(isResize(ok, 'tb1')).toBe(true);
    expect(isResize(JSON.parse(JSON.stringify(ok)), 'tb1')).toBe(true);
  });
  it.each([
    ['another frame', { ...ok, frame: 'tb2' }],
    ['a string height', { ...ok, height: '300px' }],
    ['a fractional height', { ...ok, height: 1.5 }],
    ['a negative height', { ...ok, height: -1 }],
    ['a huge height', { ...ok, height: 1e9 }],
    ['NaN', { ...ok, height: Number.NaN }],
    ['an extra key', { ...ok, run: true }],
    ['a missing key', { type: RESIZE, frame: 'tb1' }],
    ['another type', { ...ok, type: HELLO }],
    ['an own __proto__ key', JSON.parse('{"type":"twinbench:resize","frame":"tb1","height":3,"__proto__":{"x":1}}')],
    ['an array', [RESIZE, 'tb1', 300]],
    ['null', null],
    ['a class instance', Object.assign(Object.create({ inherited: 1 }), ok)],
  ])('refuses %s', (_, x) => {
    expect(isResize(x, 'tb1')).toBe(false);
  });
  it('isHello needs the same exactness', () => {
    expect(isHello({ type: HELLO, frame: 'tb1' }, 'tb1')).toBe(true);
    expect(isHello({ type: HELLO, frame: 'tb1', extra: 1 }, 'tb1')).toBe(false);
    expect(isHello({ type: HELLO, frame: 'tb9' }, 'tb1')).toBe(false);
  });
});

describe('snippets', () => {
  it('the loader form carries the parameters as data attributes', () => {
    expect(loaderSnippet('https://x.example/tb/', 'fib', { n: 30 })).toBe(
      '<div data-twinbench="fib" data-n="30"></div>\n<script src="https://x.example/tb/embed.js" async></script>',
    );
  });
  it('the plain iframe has the sandbox and allow of the loader, and a fixed height', () => {
    const s = iframeSnippet('https://x.example/', 'fib', { n: 30 }, 'T');
    expect(s).toContain('src="https://x.example/embed.html?kernel=fib&#38;n=30"');
    expect(s).toContain(`sandbox="${SANDBOX}"`);
    expect(s).toContain(`allow="${ALLOW}"`);
    expect(s).toMatch(/height="\d+"/);
  });
  it('escapes quotes and angle brackets in what it quotes', () => {
    const s = iframeSnippet('https://x.example/', 'fib', { n: '"><script>' }, '<b>');
    expect(s).not.toContain('<script>');
    expect(s).not.toContain('<b>');
    expect(loaderSnippet('https://x.example/', 'a"b', {})).toContain('data-twinbench="a&#34;b"');
  });
  it('embedQuery leaves out the auto theme', () => {
    expect(embedQuery('fib', { n: 3 })).toBe('kernel=fib&n=3');
    expect(embedQuery('fib', { n: 3 }, 'dark')).toBe('kernel=fib&n=3&theme=dark');
  });
});
