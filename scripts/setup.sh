#!/usr/bin/env bash
# Installs every pinned tool that is missing, and nothing that is already there,
# so `make serve` and `make test` work on a fresh Debian 12 machine.
# Pins live in scripts/versions.env (one place); see ../shared/TOOLCHAIN.md for why.
#   scripts/setup.sh          everything (make test)
#   scripts/setup.sh build    only what building the site needs (make build, make serve, deploy)
#   scripts/setup.sh bench    building, plus what make bench drives: Chromium and a python3
set -euo pipefail
profile=${1:-full}
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
# shellcheck source=versions.env
. scripts/versions.env

log() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

# Node.js cannot come from the registries here; Vite 8 needs 20.19 or newer.
command -v node >/dev/null || die "Node.js 20.19+ is needed (https://nodejs.org or your package manager)"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || die "Node.js $(node --version) is too old: Vite 8 needs 20.19 or newer"
command -v rustup >/dev/null || die "rustup is needed (https://rustup.rs)"
has_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"; }

# --- Debian packages: browsers and drivers. Never Debian's binaryen (it breaks wasm-bindgen output).
apt_need=()
# The three engines: make test runs its suites in them, make bench measures the kernels in them.
if [ "$profile" = full ] || [ "$profile" = bench ]; then
  command -v chromium >/dev/null || apt_need+=(chromium)
  command -v firefox-esr >/dev/null || apt_need+=(firefox-esr)
  # WebKitGTK (Safari's engine): its WebDriver (MiniBrowser comes with it) and an X server,
  # since it refuses --headless.
  command -v WebKitWebDriver >/dev/null || apt_need+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || apt_need+=(xvfb)
fi
[ "$profile" = bench ] && { command -v python3 >/dev/null || apt_need+=(python3); }
if [ "$profile" = full ]; then
  command -v chromedriver >/dev/null || apt_need+=(chromium-driver)
  python3 -m venv --help >/dev/null 2>&1 || apt_need+=(python3-venv)
fi
if [ ${#apt_need[@]} -gt 0 ]; then
  log "apt-get install ${apt_need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_need[@]}" >/dev/null
fi

# --- Rust: stable wasm target, and the dated nightly for the threaded build.
# RUSTUP_AUTO_INSTALL=0 here, so nothing installs itself.
if ! rustup target list --installed --toolchain "$RUST_STABLE" 2>/dev/null | grep -q wasm32-unknown-unknown; then
  log "rustup: $RUST_STABLE + wasm32-unknown-unknown, rustfmt, clippy"
  rustup toolchain install "$RUST_STABLE" --profile minimal --component rustfmt,clippy --target wasm32-unknown-unknown
fi
if ! rustup component list --installed --toolchain "$RUST_NIGHTLY" 2>/dev/null | grep -q rust-src \
   || ! rustup target list --installed --toolchain "$RUST_NIGHTLY" 2>/dev/null | grep -q wasm32-unknown-unknown; then
  log "rustup: $RUST_NIGHTLY + rust-src + wasm32-unknown-unknown"
  rustup toolchain install "$RUST_NIGHTLY" --profile minimal --component rust-src --target wasm32-unknown-unknown
fi

# --- cargo-installed tools, at pinned versions. They download nothing from GitHub this way.
# wasm-bindgen-cli is installed without --locked: a locked dependency is missing from the mirror.
cargo_tool() { # bin version crate [extra args]
  local bin=$1 ver=$2 crate=$3; shift 3
  if ! has_version "$bin" "$ver"; then
    log "cargo install $crate@$ver"
    cargo +"$RUST_STABLE" install "$crate" --version "$ver" --force "$@"
  fi
}
cargo_tool wasm-pack "$WASM_PACK" wasm-pack --locked
cargo_tool wasm-bindgen "$WASM_BINDGEN" wasm-bindgen-cli
{ [ "$profile" = full ] || [ "$profile" = bench ]; } && cargo_tool geckodriver "$GECKODRIVER" geckodriver --locked

# --- npm packages from the committed lock (vite, playwright-core, pyodide, binaryen's wasm-opt, ...).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

[ "$profile" = full ] || { log "tools for $profile ready"; exit 0; }

# --- Python tools in a project venv (pytest, ruff, mypy), pinned in pyodide_glue/requirements-dev.txt.
if [ ! -x .venv/bin/python ] || [ pyodide_glue/requirements-dev.txt -nt .venv/.stamp ]; then
  log "python venv + requirements-dev"
  python3 -m venv .venv
  .venv/bin/pip install -q -r pyodide_glue/requirements-dev.txt
  touch .venv/.stamp
fi
log "tools ready"
