//! mandelbrot: not written yet (a stub so the crate builds; its golden test fails).

use super::Kernel;
use crate::{KernelError, Output, Params};

fn run(_p: &Params) -> Result<Output, KernelError> {
    Err(KernelError::Unsupported("mandelbrot is not implemented yet".into()))
}

fn shard(_p: &Params, _index: u32, _shards: u32) -> Result<Output, KernelError> {
    Err(KernelError::Unsupported("mandelbrot is not implemented yet".into()))
}

pub const KERNEL: Kernel = Kernel { id: "mandelbrot", run, run_parallel: Some(run), shard: Some(shard) };
