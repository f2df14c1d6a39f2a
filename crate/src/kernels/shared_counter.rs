//! shared-counter: not written yet (a stub so the crate builds; its golden test fails).

use super::Kernel;
use crate::{KernelError, Output, Params};

fn run(_p: &Params) -> Result<Output, KernelError> {
    Err(KernelError::Unsupported("shared-counter is not implemented yet".into()))
}

pub const KERNEL: Kernel = Kernel { id: "shared-counter", run, run_parallel: Some(run), shard: None };
