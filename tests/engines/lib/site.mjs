// The built site (web/dist, from `make build`), served by scripts/serve-dist.mjs as a static
// host serves it: with COOP/COEP and without; and a blog on a third origin that embeds its
// widget. Ports 4273-4275 (ENGINES_COI_PORT, ENGINES_NO_COI_PORT, ENGINES_HOST_PORT, by default
// the one after NO_COI) stay clear of Playwright's, so both suites can run at once.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { waitForHttp } from './processes.mjs';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const COI_PORT = Number(process.env.ENGINES_COI_PORT ?? 4273);
export const NO_COI_PORT = Number(process.env.ENGINES_NO_COI_PORT ?? 4274);
/** A blog on another origin without COOP/COEP that embeds the widget (tests/e2e/embed-host). */
export const HOST_PORT = Number(process.env.ENGINES_HOST_PORT ?? NO_COI_PORT + 1);
export const URLS = {
  coi: `http://127.0.0.1:${COI_PORT}/`,
  noCoi: `http://127.0.0.1:${NO_COI_PORT}/`,
  host: `http://127.0.0.1:${HOST_PORT}/`,
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
  for (const port of [COI_PORT, NO_COI_PORT, HOST_PORT]) await ensureFree(port);
  const dist = `${ROOT}web/dist`;
  if (!existsSync(`${dist}/index.html`)) throw new Error(`${dist} has no index.html: run \`make build\` first`);
  const servers = [
    ['site (COOP/COEP)', COI_PORT, 'on'],
    ['site (no isolation)', NO_COI_PORT, 'off'],
  ].map(([name, port, coi]) =>
    procs.start(name, process.execPath, [`${ROOT}scripts/serve-dist.mjs`, '--root', dist, '--port', String(port), '--coi', coi]),
  );
  servers.push(procs.start('blog host', process.execPath, [`${ROOT}tests/e2e/embed-host/serve-host.mjs`, '--port', String(HOST_PORT), '--site', URLS.coi]));
  await Promise.all([
    waitForHttp(URLS.coi, 10_000, servers[0]),
    waitForHttp(URLS.noCoi, 10_000, servers[1]),
    waitForHttp(URLS.host, 10_000, servers[2]),
  ]);
  return servers;
}
