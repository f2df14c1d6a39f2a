// The seeded generators of the fuzz tests: the same sequence in Node, in the page (rng is
// passed by its source) and in the share codec's unit fuzz (web/src/engine/share-fuzz.test.ts).
import LZString from 'lz-string';
// One seeded generator for every fuzz test: the harness's own (mulberry32).
import { rng } from '../../web/src/engine/stats';

export { rng };

/** Random or mutated share fragments: broken base64, truncated, bit-flipped, random JSON of the wrong shape. */
export function fragments(seed: number, count: number): string[] {
  const random = rng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const enc = (v: unknown): string => LZString.compressToEncodedURIComponent(JSON.stringify(v));
  const junk: unknown[] = [null, 1, -1, 1e309, 'x', '<img src=x onerror=alert(1)>', '</pre><script>alert(1)</script>', [], {}, true, 'y'.repeat(120_000), { __proto__: { polluted: 1 } }, { constructor: { prototype: { polluted: 1 } } }];
  const valid = [
    { v: 1, params: { n: 14 }, code: 'def fib(n):\n    return n\n' },
    { v: 1, params: { n: 20 }, impls: ['python', 'rust'], threads: 2 },
    { v: 1, code: 'while True: pass\n' },
  ];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const base = enc(pick(valid));
    const r = random();
    let f: string;
    if (r < 0.25) {
      // A random object of roughly the right shape, with junk in random places.
      const o: Record<string, unknown> = { v: random() < 0.8 ? 1 : pick(junk) };
      for (const k of ['params', 'code', 'impls', 'threads', 'result', '__proto__', 'extra']) if (random() < 0.4) o[k] = random() < 0.5 ? pick(junk) : { n: pick(junk) };
      f = enc(o);
    } else if (r < 0.45) f = base.slice(0, Math.floor(random() * base.length));
    else if (r < 0.7) {
      const chars = [...base];
      for (let k = 0; k < 1 + Math.floor(random() * 4); k++) chars[Math.floor(random() * chars.length)] = pick([...'ABCxyz019+-$%#&?=/\\\'"<>']);
      f = chars.join('');
    } else if (r < 0.85) f = Array.from({ length: Math.floor(random() * 200) }, () => String.fromCharCode(33 + Math.floor(random() * 94))).join('');
    else if (r < 0.95) f = encodeURIComponent(JSON.stringify(pick(junk)));
    else f = base.repeat(2 + Math.floor(random() * 3));
    out.push(f);
  }
  return out;
}

