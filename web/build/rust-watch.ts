// `make serve`: a change to the Rust crate rebuilds both wasm builds (`make wasm`) and
// reloads the page. Python twins need nothing here: the worker imports them through Vite,
// which reloads the page when they change.
import { spawn } from 'node:child_process';
import type { Plugin, ViteDevServer } from 'vite';

export function rustWatch({ repo }: { repo: string }): Plugin {
  let building = false;
  let again = false;

  function rebuild(server: ViteDevServer): void {
    if (building) {
      again = true;
      return;
    }
    building = true;
    server.config.logger.info('twinbench: Rust changed, rebuilding wasm...', { timestamp: true });
    const started = Date.now();
    const make = spawn('make', ['--no-print-directory', 'wasm'], { cwd: repo, stdio: 'inherit' });
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
      if (again) {
        again = false;
        rebuild(server);
      }
    });
  }

  return {
    name: 'twinbench-rust-watch',
    apply: 'serve',
    configureServer(server) {
      const crate = `${repo}crate`;
      server.watcher.add([`${crate}/src`, `${crate}/Cargo.toml`]);
      server.watcher.on('change', (file) => {
        if (file.startsWith(`${crate}/src`) || file === `${crate}/Cargo.toml`) rebuild(server);
      });
    },
  };
}
