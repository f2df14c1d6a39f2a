// Seeded fuzz of the widget's inputs: 250 embed.html query strings (random and mutated) and 250
// sets of loader attributes on a blog of another origin. Each must end in a clean load (idle,
// showing the values it was given) or a clear error (naming what is wrong), with no page error;
// the page still runs a widget to a verified result at the end. Replay a failure with
// EMBED_FUZZ_SEED=<the seed in the test's title>.
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { rng } from '../../web/src/engine/stats';
import { WORKLOADS } from '../../web/src/generated/catalog';
import { COI_URL, HOST_URL, expect, test } from './fixtures';

const SEED = Number(process.env.EMBED_FUZZ_SEED ?? 20261130);
const CASES = 250;

// Each test restarts the stream, so either replays alone (-g) with the same cases.
let random = rng(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

const IDS = WORKLOADS.map((w) => w.id);
const NAMES = [...new Set(WORKLOADS.flatMap((w) => w.params.map((p) => p.name)))];
const JUNK = ['', ' ', 'abc', '-1', '0', '1e3', '0x10', '1.5', '99999999999999999999', 'NaN', 'Infinity', '<img src=x onerror=alert(1)>', '</script>', '"\'', '%', '%00', 'ñ', '🦀', ' 12 ', '+7', '.5', '1e-400', 'true', '__proto__', 'constructor'];

function value(): string {
  const r = random();
  if (r < 0.45) return String(int(-5, 60));
  if (r < 0.6) return String(int(0, 5_000_000));
  if (r < 0.9) return pick(JUNK);
  return 'x'.repeat(int(100, 3000));
}

function params(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = int(0, 3); i > 0; i--) {
    const r = random();
    const name = r < 0.7 ? pick(NAMES) : r < 0.8 ? pick(['kernel', 'theme', 'frame']) : pick(JUNK) || 'q';
    out.push([name, value()]);
  }
  return out;
}

function query(): string {
  const q = new URLSearchParams();
  const r = random();
  if (r < 0.85) q.append('kernel', random() < 0.85 ? pick(IDS) : pick(JUNK));
  for (const [k, v] of params()) q.append(k, v);
  if (random() < 0.3) q.append('theme', pick(['light', 'dark', 'auto', 'neon', '']));
  let s = q.toString();
  // Mutations of the raw string: what a hand-edited URL looks like.
  for (let i = random() < 0.3 ? int(1, 3) : 0; i > 0; i--) {
    const at = int(0, s.length);
    const m = random();
    if (m < 0.4) s = s.slice(0, at) + s.slice(at + 1);
    else if (m < 0.8) s = s.slice(0, at) + pick(['&', '=', '%', '%zz', '#', '?', '+', ';']) + s.slice(at);
    else s = s + s;
  }
  return s;
}

const CLEAR = /(Parameter|parameter|workload|kernel|theme|takes no parameters)/;

/** The widget in `w` ended in a clean load or a clear error. */
async function settled(w: Locator, label: string): Promise<void> {
  await expect(w, label).toHaveAttribute('data-state', /^(idle|error)$/);
  if ((await w.getAttribute('data-state')) === 'error') {
    const text = (await w.getByRole('alert').textContent()) ?? '';
    expect(text, label).toMatch(CLEAR);
    expect(text, label).not.toMatch(/undefined|\[object|got null/);
    expect(text.length, label).toBeLessThan(600);
  } else {
    await expect(w.getByRole('button', { name: 'Run', exact: true }), label).toBeEnabled();
    await expect(w.locator('h1'), label).not.toHaveText('');
  }
}

test(`embed.html: ${CASES} random and mutated query strings, seed ${SEED}`, async ({ page }) => {
  test.setTimeout(600_000);
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  random = rng(SEED);
  let idle = 0;
  for (let i = 0; i < CASES; i++) {
    const q = query();
    const label = `case ${i} (seed ${SEED}): embed.html?${q.slice(0, 200)}`;
    await page.goto(`${COI_URL}embed.html?${q}`);
    const w = page.locator('#widget');
    await settled(w, label);
    if ((await w.getAttribute('data-state')) === 'idle') {
      idle++;
      // A clean load shows the values it was given.
      const given = new URLSearchParams(q.split('#')[0]);
      for (const input of await w.locator('form.params input').all()) {
        const name = (await input.getAttribute('name')) ?? '';
        const raw = given.get(name);
        if (raw !== null) expect(Number(await input.inputValue()), label).toBe(Number(raw.trim()));
      }
    }
  }
  // Both outcomes were exercised.
  expect(idle).toBeGreaterThan(10);
  expect(idle).toBeLessThan(CASES - 10);
});

function frameOfDiv(page: Page, i: number): FrameLocator {
  return page.frameLocator(`#fz-${i} iframe`);
}

test(`embed.js: ${CASES} random sets of loader attributes on another origin, seed ${SEED}`, async ({ page }) => {
  test.setTimeout(600_000);
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  random = rng(SEED + 1);
  await page.goto(`${HOST_URL}empty.html`);
  const BATCH = 5;
  for (let start = 0; start < CASES; start += BATCH) {
    const divs: Array<Record<string, string>> = [];
    for (let i = start; i < start + BATCH; i++) {
      const attrs: Record<string, string> = { id: `fz-${i}`, 'data-twinbench': random() < 0.85 ? pick(IDS) : pick(JUNK) };
      for (const [k, v] of params()) {
        const name = `data-${k.toLowerCase().replace(/[^a-z0-9_.-]/g, '') || 'x'}`;
        if (name !== 'data-twinbench') attrs[name] = v;
      }
      if (random() < 0.3) attrs['data-theme'] = pick(['light', 'dark', 'auto', 'neon', '']);
      divs.push(attrs);
    }
    await page.evaluate((list) => {
      const posts = document.getElementById('posts');
      posts?.replaceChildren();
      for (const attrs of list) {
        const d = document.createElement('div');
        for (const [k, v] of Object.entries(attrs)) d.setAttribute(k, v);
        posts?.append(d);
      }
    }, divs);
    for (let i = start; i < start + BATCH; i++) {
      const label = `div ${i} (seed ${SEED}): ${JSON.stringify(divs[i - start]).slice(0, 200)}`;
      await page.locator(`#fz-${i} iframe`).scrollIntoViewIfNeeded();
      await settled(frameOfDiv(page, i).locator('#widget'), label);
    }
  }
  // The page still works: its own content is intact and a widget added now runs to a verified result.
  await expect(page.locator('h1')).toHaveText('Widgets added by script');
  await page.evaluate(() => {
    const d = document.createElement('div');
    d.id = 'fz-final';
    d.setAttribute('data-twinbench', 'fib');
    d.setAttribute('data-n', '15');
    document.getElementById('posts')?.replaceChildren(d);
  });
  const w = page.frameLocator('#fz-final iframe').locator('#widget');
  await w.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(w).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
  await expect(w.locator('.verdict.ok')).toContainText('Outputs identical');
});
