//! async-tasks: not written yet (a stub so the crate builds; its golden test fails).

use super::Kernel;
use crate::{KernelError, Output, Params};

fn run(_p: &Params) -> Result<Output, KernelError> {
    Err(KernelError::Unsupported("async-tasks is not implemented yet".into()))
}

pub const KERNEL: Kernel = Kernel { id: "async-tasks", run, run_parallel: None, shard: None };
