// `make serve`: a change to the Rust crate rebuilds both wasm builds (`make wasm`) and
// reloads the page. Python twins need nothing here: the worker imports them through Vite,
// which reloads the page when they change.
import { spawn } from 'node:child_process';
import { relative } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';

export function rustWatch({ repo }: { repo: string }): Plugin {
  let building = false;
  // Files changed since the last build started. `make -W` treats each as just modified, so a
  // file saved while a build runs still gets its own build (make's mtimes alone can miss it).
  const changed = new Set<string>();

  function rebuild(server: ViteDevServer): void {
    if (building || changed.size === 0) return;
    building = true;
    const files = [...changed];
    changed.clear();
    server.config.logger.info('twinbench: Rust changed, rebuilding wasm...', { timestamp: true });
    const started = Date.now();
    const args = ['--no-print-directory', ...files.flatMap((f) => ['-W', relative(repo, f)]), 'wasm'];
    const make = spawn('make', args, { cwd: repo, stdio: 'inherit' });
    make.on('exit', (code) => {
      building = false;
      if (code === 0) {
        server.config.logger.info(`twinbench: wasm rebuilt in ${Date.now() - started} ms, reloading`, {
          timestamp: true,
        });
        server.ws.send({ type: 'full-reload' });
      } else {
        server.config.logger.error(`twinbench: wasm build failed (exit ${code}); the page keeps the last build`);
      }
      rebuild(server); // anything saved meanwhile
    });
  }

  return {
    name: 'twinbench-rust-watch',
    apply: 'serve',
    configureServer(server) {
      const crate = `${repo}crate`;
      server.watcher.add([`${crate}/src`, `${crate}/Cargo.toml`]);
      server.watcher.on('change', (file) => {
        if (file.startsWith(`${crate}/src`) || file === `${crate}/Cargo.toml`) {
          changed.add(file);
          rebuild(server);
        }
      });
    },
  };
}
