//! amdahl: not written yet (a stub so the crate builds; its golden test fails).

use super::Kernel;
use crate::{KernelError, Output, Params};

fn run(_p: &Params) -> Result<Output, KernelError> {
    Err(KernelError::Unsupported("amdahl is not implemented yet".into()))
}

pub const KERNEL: Kernel = Kernel { id: "amdahl", run, run_parallel: Some(run), shard: None };
