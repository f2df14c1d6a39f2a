// The built site (web/dist, from `make build`), served by scripts/serve-dist.mjs as a static
// host serves it: with COOP/COEP and without. Ports 4273/4274 stay clear of Playwright's
// 4173-4175, so both suites can run at once.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { waitForHttp } from './processes.mjs';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const COI_PORT = Number(process.env.ENGINES_COI_PORT ?? 4273);
export const NO_COI_PORT = Number(process.env.ENGINES_NO_COI_PORT ?? 4274);
export const URLS = {
  coi: `http://127.0.0.1:${COI_PORT}/`,
  noCoi: `http://127.0.0.1:${NO_COI_PORT}/`,
};

/** Fails loudly when a port is taken (another engines run, or a stale server). */
async function ensureFree(port) {
  await new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', () =>
      reject(new Error(`port ${port} is in use: another cross-engine run or a stale server (set ENGINES_COI_PORT/ENGINES_NO_COI_PORT)`)),
    );
    srv.listen(port, '127.0.0.1', () => srv.close(resolve));
  });
}

export async function startSite(procs) {
  await ensureFree(COI_PORT);
  await ensureFree(NO_COI_PORT);
  const dist = `${ROOT}web/dist`;
  if (!existsSync(`${dist}/index.html`)) throw new Error(`${dist} has no index.html: run \`make build\` first`);
  const servers = [
    ['site (COOP/COEP)', COI_PORT, 'on'],
    ['site (no isolation)', NO_COI_PORT, 'off'],
  ].map(([name, port, coi]) =>
    procs.start(name, process.execPath, [`${ROOT}scripts/serve-dist.mjs`, '--root', dist, '--port', String(port), '--coi', coi]),
  );
  await Promise.all([
    waitForHttp(URLS.coi, 10_000, servers[0]),
    waitForHttp(URLS.noCoi, 10_000, servers[1]),
  ]);
  return servers;
}
