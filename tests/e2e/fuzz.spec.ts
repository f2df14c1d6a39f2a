// Seeded fuzzing (issue 13): 2,000 random requests through the page API and 500 random or
// mutated share fragments. Each is answered by a clear error or a clean load, never an
// exception or a hang, and the page still runs at the end. FUZZ_SEED=<n> replays a failure.
import { COI_URL, expect, liveWorkers, ready, runFromUi, test, workloadUrl } from './fixtures';
import { fragments, rng } from './fuzz-inputs';

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);

/** What a clear refusal looks like: it says what is wrong and is short enough to read. */
const CLEAR = /^(unknown (workload|parameter|implementation)|parameters? |implementations must|an implementation is listed twice|threads must|maxSamples must|timeBudgetMs must|minWarmupMs must|pythonSource must|latency must|run\(\) needs|[a-z-]+ is not available: |[a-z-]+ with .* would take about|cancelled$|superseded by a newer run$|python: )/;

test(`2,000 random requests through the page API (seed ${SEED}): each a clear error or a run, and the page still works`, async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto(COI_URL);
  await ready(page);
  const results = await page.evaluate(
    async ({ seed, rngSource }) => {
      const random = (new Function(`return (${rngSource})`)() as (s: number) => () => number)(seed);
      const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
      const workloads = window.twinbench.workloads();
      const ids = [...workloads.map((w) => w.id), 'nope', '', '__proto__', 'constructor', 'x'.repeat(100_000)];
      const impls = ['python', 'rust', 'rust-threads', 'python-pool', 'rust-pool', 'python-calls-rust', 'python-reference', 'cobol', ''];
      const weird: unknown[] = [Number.NaN, Number.POSITIVE_INFINITY, -Number.POSITIVE_INFINITY, -1, -0, 0, 0.5, 1e308, -1e308, 2 ** 53, 2 ** 53 + 2, '7', '', 'ten', 'a'.repeat(50_000), null, true, [], [1], {}, { valueOf: 1 }];
      const value = (p: { type: string; min?: number; max?: number; page_max_python?: number; choices?: readonly string[] }): unknown => {
        const r = random();
        if (r < 0.3) return pick(weird);
        if (p.type === 'choice') return r < 0.8 ? pick(p.choices!) : `${pick(p.choices!)}x`;
        const lo = p.min!;
        const hi = r < 0.7 ? p.page_max_python! : p.max! * 2 + 1;
        const v = lo + random() * (hi - lo);
        return p.type === 'int' && random() < 0.9 ? Math.floor(v) : v;
      };
      const request = (): Record<string, unknown> => {
        const id = pick(ids);
        const w = workloads.find((x) => x.id === id) ?? pick(workloads);
        const params: Record<string, unknown> = {};
        for (const p of w.params) if (random() < 0.7) params[p.name] = value(p);
        if (random() < 0.1) params[pick(['m', '__proto__', 'constructor', 'toString', 'n'.repeat(3000)])] = 1;
        const req: Record<string, unknown> = { workload: id };
        const r = random();
        if (r < 0.9) req.params = params;
        else if (r < 0.95) req.params = pick(weird);
        if (random() < 0.5) req.implementations = random() < 0.9 ? Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(impls)) : pick(weird);
        // Few threads: a started pool of eight Pyodide workers would only load the machine.
        if (random() < 0.2) req.threads = random() < 0.5 ? Math.floor(random() * 3) : pick([...weird, 9, 17, 64]);
        if (random() < 0.2) req.maxSamples = random() < 0.5 ? Math.floor(random() * 600) : pick(weird);
        if (random() < 0.1) req.timeBudgetMs = pick(weird);
        if (random() < 0.1) req.pythonSource = random() < 0.5 ? 'def broken(:\n' : pick(weird);
        if (random() < 0.05) req.latency = pick(weird);
        return req;
      };
      const out = { refused: 0, started: 0, unclear: [] as string[], slowest: 0 };
      for (let i = 0; i < 2000; i++) {
        const req = request();
        const t0 = performance.now();
        // A request that passes every check starts a run; it is cancelled at once (a clean start
        // is what is fuzzed here, not the measurement), so it ends as 'cancelled'.
        const run = window.twinbench.run(req as never).then(
          () => ({ ok: true, message: '' }),
          (e: unknown) => ({ ok: false, message: e instanceof Error ? e.message : `not an Error: ${String(e)}` }),
        );
        const settled = await Promise.race([run, new Promise<null>((r) => setTimeout(() => r(null), 0))]);
        let result = settled;
        if (result === null) {
          out.started++;
          await window.twinbench.cancel();
          result = await run;
        } else if (!result.ok) out.refused++;
        out.slowest = Math.max(out.slowest, performance.now() - t0);
        if (!result.ok && (!(result.message.length > 0 && result.message.length < 600) || !/^[^\n]*$/.test(result.message.split('\n')[0]!))) {
          out.unclear.push(`#${i} ${JSON.stringify(req).slice(0, 200)} -> ${result.message.slice(0, 200)}`);
        }
        (out as unknown as { messages?: string[] }).messages ??= [];
        if (!result.ok) (out as unknown as { messages: string[] }).messages.push(result.message.slice(0, 120));
      }
      return out as typeof out & { messages: string[] };
    },
    { seed: SEED, rngSource: rng.toString() },
  );
  expect(results.unclear).toEqual([]);
  for (const m of results.messages) expect(m, 'a refusal says what is wrong').toMatch(CLEAR);
  expect(results.refused + results.started).toBe(2000);
  expect(results.refused).toBeGreaterThan(1000);
  expect(results.started).toBeGreaterThan(20);
  // The page still works, and no worker leaked.
  const r = await page.evaluate(() => window.twinbench.run({ workload: 'fib', params: { n: 12 }, maxSamples: 3, timeBudgetMs: 50, minWarmupMs: 0 }));
  expect(r.output).toBe('144');
  expect(await liveWorkers(page)).toBeLessThanOrEqual(6);
  expect(await page.evaluate(() => Object.keys(Object.prototype).length)).toBe(0);
});

test(`500 random and mutated share fragments (seed ${SEED}): each a notice or a clean load, nothing runs, the page still works`, async ({ page }) => {
  test.setTimeout(900_000);
  const list = fragments(SEED, 500);
  // Save-Data on: a page whose link was refused would otherwise prepare the runtimes when idle.
  await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  let notices = 0;
  let loaded = 0;
  const ids = ['fib', 'fib-batch', 'nbody', 'shared-counter'];
  for (const [i, f] of list.entries()) {
    // A new query makes each a real page load (only the fragment differing would not reload).
    await page.goto(`${workloadUrl(ids[i % ids.length]!, `fuzz=${i}`)}#s=${f}`, { waitUntil: 'domcontentloaded' });
    await ready(page);
    const notice = (await page.locator('#share-notice').textContent()) ?? '';
    if (notice.includes('This share link was not loaded, because')) notices++;
    else {
      expect(notice, `fragment #${i} ${f.slice(0, 80)}`).toContain('Opened from a share link');
      loaded++;
    }
    // Nothing runs from a link: no worker, Run enabled.
    expect(await liveWorkers(page)).toBe(0);
    await expect(page.locator('#run')).toBeEnabled();
  }
  expect(notices + loaded).toBe(500);
  expect(notices).toBeGreaterThan(100);
  expect(dialogs).toBe(0);
  expect(await page.evaluate(() => ({ polluted: (Object.prototype as Record<string, unknown>).polluted, xss: (window as unknown as { __xss?: number }).__xss }))).toEqual({});
  // The page still works after all that.
  await page.goto(workloadUrl('fib', 'n=12&impls=python,rust&sampling=quick'));
  await ready(page);
  await runFromUi(page);
});
