//! twinbench, the Rust side: pure kernels (`kernels`), the catalog they are described in,
//! parameter validation, and one thin wasm bindings module. Only `bindings` knows about wasm.

pub mod catalog;
mod catalog_data;
pub mod digest;
pub mod kernels;
pub mod output;
pub mod params;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

// Public for the wasm-bindgen tests (crate/tests/web.rs), which call the exports from Rust.
#[cfg(target_arch = "wasm32")]
pub mod bindings;

pub use digest::Digest;
pub use output::{KernelError, Output, Run};
pub use params::Params;
