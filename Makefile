# twinbench: `make serve` and `make test` are the two commands a newcomer needs.
# Every target first installs what is missing (scripts/setup.sh), at the pinned versions
# in scripts/versions.env, and is quick when everything is already there.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
include scripts/versions.env

# wasm-pack finds wasm-opt on PATH: npm's binaryen, never Debian's (it breaks the output).
# Cargo's bin comes first: webdriverio brings npm's `geckodriver` wrapper, which would shadow
# the pinned cargo-installed geckodriver and try to download one from GitHub.
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
VENV := $(CURDIR)/.venv/bin
PORT ?= 5173
HOST ?= 127.0.0.1
# The base path the built site is served under (e.g. /twinbench/ on GitHub Pages).
# The default, ./, makes a build that works under any path.
export TWINBENCH_BASE ?= ./

RUST_SOURCES := $(shell find crate/src -name '*.rs') crate/Cargo.toml Cargo.toml .cargo/config.toml $(wildcard Cargo.lock)
WASM_ST := web/src/wasm/st/twinbench_bg.wasm
WASM_MT := web/src/wasm/mt/twinbench_bg.wasm
PYODIDE_STAMP := web/public/pyodide/.stamp

# The threaded build: shared memory needs these flags on current nightlies (TOOLCHAIN.md trap 2),
# and its own target dir so switching builds does not rebuild std every time. RUSTFLAGS replaces
# .cargo/config.toml's flags, so simd128 is repeated here.
THREADS_RUSTFLAGS := -C target-feature=+atomics,+bulk-memory,+mutable-globals,+simd128 \
  -C link-arg=--shared-memory -C link-arg=--max-memory=1073741824 -C link-arg=--import-memory \
  -C link-arg=--export=__wasm_init_tls -C link-arg=--export=__tls_size \
  -C link-arg=--export=__tls_align -C link-arg=--export=__tls_base
THREADS_ENV := CARGO_TARGET_DIR=$(CURDIR)/target-threads RUSTFLAGS="$(THREADS_RUSTFLAGS)"
THREADS_CARGO_ARGS := --features threads -Z build-std=panic_abort,std
# wasm-pack test forwards options to its build step only when they come before `--`, and
# its test server is no bundler.
THREADS_TEST_ARGS := --test web_threads --features threads-no-bundler -Z build-std=panic_abort,std
# LTO makes wasm-bindgen-test binaries fail to link (duplicate js-sys symbols): tests go without it.
TEST_ENV := CARGO_PROFILE_RELEASE_LTO=false

.PHONY: help setup gen wasm assets build serve preview test test-rust test-wasm test-python \
        test-web test-e2e test-engines lint bench new-workload clean

help:
	@echo "make serve   build and serve the site on http://$(HOST):$(PORT) with COOP/COEP (rebuilds on change)"
	@echo "make test    every test: Rust, wasm in Chromium and Firefox, Python, TypeScript, Playwright, Firefox and WebKit e2e"
	@echo "make build   the deployable static site in web/dist (TWINBENCH_BASE=/path/ to set its base)"
	@echo "make bench   the benchmark report in bench/report.{json,md}"
	@echo "make new-workload NAME=<id>   a new workload in one step"

# Building and serving need no browsers and no Python tools.
SETUP_PROFILE ?= full
build serve: SETUP_PROFILE := build

setup:
	@scripts/setup.sh $(SETUP_PROFILE)

gen: setup
	$(VENV)/python scripts/gen_catalog.py

# --- wasm builds: the single-threaded one on stable, the threaded one on the pinned nightly.
$(WASM_ST): $(RUST_SOURCES)
	wasm-pack --log-level warn build crate --target web --release --out-dir ../web/src/wasm/st --out-name twinbench

$(WASM_MT): $(RUST_SOURCES)
	$(THREADS_ENV) rustup run $(RUST_NIGHTLY) wasm-pack --log-level warn build crate --target web --release \
	  --out-dir ../web/src/wasm/mt --out-name twinbench -- $(THREADS_CARGO_ARGS)

wasm: setup $(WASM_ST) $(WASM_MT)

# --- Pyodide, served from the site itself (no CDN at run time).
# The snapshot holds the twins imported: it is remade when they change.
$(PYODIDE_STAMP): package-lock.json scripts/copy-runtime-assets.mjs scripts/make-pyodide-snapshot.mjs $(shell find pyodide_glue/twinbench -name '*.py')
	node scripts/copy-runtime-assets.mjs
	node scripts/make-pyodide-snapshot.mjs
	@touch $@

assets: setup $(PYODIDE_STAMP)

build: wasm assets
	npx vite build --config web/vite.config.ts --logLevel warn
	node scripts/check-dist.mjs web/dist

serve: wasm assets
	@echo "twinbench: http://$(HOST):$(PORT)/ (COOP/COEP on; Rust and Python edits reload the page)"
	npx vite --config web/vite.config.ts --host $(HOST) --port $(PORT) --strictPort

# The built site, as a static host serves it (COOP/COEP on; COI=off for a host without headers).
preview: build
	node scripts/serve-dist.mjs --root web/dist --host $(HOST) --port $(PORT) --coi $${COI:-on}

# --- tests
test: setup lint test-rust test-python test-web test-wasm test-e2e test-engines
	@echo "make test: all passed"

# tsc needs the wasm packages' type declarations, so the wasm is built first.
lint: setup wasm
	$(VENV)/python scripts/gen_catalog.py --check
	cargo fmt --all --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
	cd pyodide_glue && $(VENV)/ruff check twinbench tests && $(VENV)/mypy
	npx tsc -p tsconfig.json --noEmit
	node scripts/check-no-wildcard-postmessage.mjs
	npx depcruise --config .dependency-cruiser.cjs web/src
	node scripts/check-file-length.mjs web/src

test-rust: setup
	cargo test --all-targets
	cargo build --release

test-python: setup
	cargo build --release
	cd pyodide_glue && $(VENV)/python -m pytest

test-web: setup
	npx vitest run --config web/vite.config.ts

# wasm-bindgen tests in real browsers, for both builds (the threaded one in a dedicated worker).
test-wasm: setup
	$(TEST_ENV) wasm-pack test --headless --chrome --release crate
	$(TEST_ENV) wasm-pack test --headless --firefox --release crate
	$(TEST_ENV) $(THREADS_ENV) rustup run $(RUST_NIGHTLY) wasm-pack test --headless --chrome --release crate \
	  $(THREADS_TEST_ARGS)
	$(TEST_ENV) $(THREADS_ENV) rustup run $(RUST_NIGHTLY) wasm-pack test --headless --firefox --release crate \
	  $(THREADS_TEST_ARGS)

test-e2e: build
	npx playwright test

# The built site in Firefox ESR (geckodriver, headless) and WebKitGTK (WebKitWebDriver under
# Xvfb; default, and with JSC_useSharedArrayBuffer=1 as Safari): tests/engines/run.mjs.
# ENGINES=firefox,webkit,webkit-sab picks variants; ENGINES_GREP=<regex> picks specs.
test-engines: build
	node tests/engines/run.mjs

# The benchmark also drives Chromium and runs the twins on native CPython: more than building needs.
bench: build
	@scripts/setup.sh bench
	node bench/run.mjs

new-workload: setup
	@test -n "$(NAME)" || { echo "usage: make new-workload NAME=<id>"; exit 2; }
	$(VENV)/python scripts/new_workload.py "$(NAME)"

clean:
	rm -rf target target-threads web/dist web/src/wasm web/public/pyodide test-results playwright-report
