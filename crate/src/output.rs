//! What a kernel returns: its canonical output and its work digest, or an error with a
//! message for a person.

use std::fmt;

use crate::Digest;

/// A kernel's canonical output: the text the CLIs print and the page compares
/// (without a trailing newline), or raw bytes (mandelbrot's PBM).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    Text(String),
    Bytes(Vec<u8>),
}

impl Output {
    /// The text of a text output.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Output::Text(s) => Some(s),
            Output::Bytes(_) => None,
        }
    }

    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Output::Text(s) => s.as_bytes(),
            Output::Bytes(b) => b,
        }
    }
}

impl From<String> for Output {
    fn from(s: String) -> Self {
        Output::Text(s)
    }
}

/// One kernel run: the canonical output, and the digest of the work that produced it
/// (`digest.rs`). Both must match for a run to be verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub output: Output,
    pub work: Digest,
}

impl Run {
    pub fn text(text: impl Into<String>, work: Digest) -> Run {
        Run {
            output: Output::Text(text.into()),
            work,
        }
    }

    pub fn bytes(bytes: Vec<u8>, work: Digest) -> Run {
        Run {
            output: Output::Bytes(bytes),
            work,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KernelError {
    /// A parameter (or workload id) the catalog does not allow. Never reaches a kernel.
    BadParam(String),
    /// A result that does not fit the kernel's integer type (fib-memo's u128).
    Overflow(String),
    /// An allocation the kernel refused up front instead of aborting the instance.
    OutOfMemory(String),
    /// The workload has no such variant (no rayon variant, no shards).
    Unsupported(String),
}

impl fmt::Display for KernelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KernelError::BadParam(m) | KernelError::Unsupported(m) => f.write_str(m),
            KernelError::Overflow(m) => write!(f, "overflow: {m}"),
            KernelError::OutOfMemory(m) => write!(f, "out of memory: {m}"),
        }
    }
}

impl KernelError {
    /// The variant's name: what the page's workers classify errors by (`JsError.name`).
    pub fn name(&self) -> &'static str {
        match self {
            KernelError::BadParam(_) => "BadParam",
            KernelError::Overflow(_) => "Overflow",
            KernelError::OutOfMemory(_) => "OutOfMemory",
            KernelError::Unsupported(_) => "Unsupported",
        }
    }
}

impl std::error::Error for KernelError {}
