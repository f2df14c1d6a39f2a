// The built site, served for the benchmark by scripts/serve-dist.mjs (COOP/COEP on, ETag + 304
// so a second load comes from the HTTP cache) on a free port of the loopback interface.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Serve `root`; `requests` collects the server's log lines ({ method, path, status, bytes }). */
export async function serveDist({ repo, root = 'web/dist', coi = 'on' }) {
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/serve-dist.mjs', '--root', root, '--port', String(port), '--coi', coi, '--log'], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/`;
  const requests = [];
  let partial = '';
  child.stdout.on('data', (d) => {
    const lines = (partial + String(d)).split('\n');
    partial = lines.pop();
    for (const line of lines) {
      const m = line.match(/^(\S+) (\S+) (\d{3}) (\d+)$/);
      if (m) requests.push({ method: m[1], path: m[2], status: Number(m[3]), bytes: Number(m[4]) });
    }
  });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve-dist did not start within 10 s')), 10_000);
    child.once('exit', (code) => reject(new Error(`serve-dist exited with ${code}`)));
    child.stdout.on('data', (d) => {
      if (String(d).includes('serving')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    url,
    requests,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
