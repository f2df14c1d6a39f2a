// The scaffold of the investigation scripts: the site started once, Xvfb when a WebKit variant
// is wanted, then a WebDriver session per engine, closed after `fn`, and every process stopped.
import { VARIANTS, closeSession, openSession, startXvfb } from './engines.mjs';
import { Processes } from './processes.mjs';
import { startSite } from './site.mjs';

/** Run `fn(id, browser, session)` in each wanted variant (keys of VARIANTS), one after another. */
export async function forEachEngine(wanted, fn) {
  const procs = new Processes();
  try {
    await startSite(procs);
    const x = wanted.some((v) => VARIANTS[v]?.engine === 'webkit') ? await startXvfb(procs) : null;
    for (const id of wanted) {
      const session = await openSession(procs, id, { display: x?.display });
      try {
        await fn(id, session.browser, session);
      } finally {
        await closeSession(procs, session);
      }
    }
  } finally {
    await procs.stopAll();
    procs.dispose();
  }
}
