//! `cargo run --release -- run <id> --<param> <value>`: see `twinbench::cli`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(twinbench::cli::main(&args));
}

// The CLI is native only; on wasm the crate is a library loaded by the page.
#[cfg(target_arch = "wasm32")]
fn main() {}
