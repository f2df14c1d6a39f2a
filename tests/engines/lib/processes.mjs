// The processes the cross-engine suite starts (static servers, Xvfb, WebDriver drivers), kept
// in one place so every one of them is stopped on success, failure, Ctrl-C or a crash. Each
// runs in its own process group and is stopped by its own id, never by name.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A free TCP port on 127.0.0.1, for a driver (drivers clash on fixed defaults like 4444/9222). */
export async function freePort() {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address();
  srv.close();
  await once(srv, 'close');
  return port;
}

/** Resolves when `url` answers (any HTTP status), rejects after `timeoutMs`. */
export async function waitForHttp(url, timeoutMs, proc) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (proc && proc.exitCode !== null) throw new Error(`${proc.name} exited (code ${proc.exitCode}) before ${url} answered:\n${proc.tail()}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs} ms${proc ? `:\n${proc.tail()}` : ''}`);
      await sleep(100);
    }
  }
}

export class Processes {
  constructor() {
    this.live = new Set();
    this.onSignal = (sig) => {
      this.killAllSync();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    };
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
    this.onExit = () => this.killAllSync();
    process.on('exit', this.onExit);
  }

  /**
   * Start `cmd` in its own process group. Its output is kept (the last 64 KiB) for error
   * messages; `onLine` sees every line of stdout and stderr.
   */
  start(name, cmd, args, { env, onLine, stdio } = {}) {
    const child = spawn(cmd, args, {
      env: { ...process.env, ...env },
      detached: true,
      stdio: stdio ?? ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    let partial = '';
    const take = (chunk) => {
      const s = chunk.toString();
      log = (log + s).slice(-65536);
      if (!onLine) return;
      const lines = (partial + s).split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines) onLine(l);
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    const proc = {
      name,
      child,
      pid: child.pid,
      get exitCode() {
        return child.exitCode ?? (child.signalCode ? -1 : null);
      },
      tail: (n = 2000) => log.slice(-n),
    };
    child.on('error', (e) => {
      log += `\n[${name}: ${e.message}]`;
    });
    child.on('exit', () => this.live.delete(proc));
    this.live.add(proc);
    return proc;
  }

  /** Stop one process group: SIGTERM, then SIGKILL after `graceMs`. */
  async stop(proc, graceMs = 3000) {
    if (!this.live.has(proc) || proc.exitCode !== null) {
      this.live.delete(proc);
      return;
    }
    const exited = once(proc.child, 'exit');
    signalGroup(proc.pid, 'SIGTERM');
    const timer = sleep(graceMs).then(() => 'timeout');
    if ((await Promise.race([exited, timer])) === 'timeout') {
      signalGroup(proc.pid, 'SIGKILL');
      await Promise.race([exited, sleep(1000)]);
    }
    this.live.delete(proc);
  }

  async stopAll() {
    await Promise.all([...this.live].reverse().map((p) => this.stop(p)));
  }

  killAllSync() {
    for (const p of this.live) signalGroup(p.pid, 'SIGKILL');
    this.live.clear();
  }

  dispose() {
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
    process.off('exit', this.onExit);
  }
}

function signalGroup(pid, sig) {
  try {
    process.kill(-pid, sig); // the group: the driver and the browser it started
  } catch {
    try {
      process.kill(pid, sig);
    } catch {
      /* already gone */
    }
  }
}
