//! The native command line: `twinbench run <id> --<param> <value> ...` prints a kernel's
//! canonical output (`run --work <id> ...` adds a line `work <digest>`); `twinbench list`
//! prints the catalog. Its twin is `python -m twinbench`.

use std::io::Write;

use crate::catalog::{ParamKind, WORKLOADS, workload};
use crate::kernels::{self, Variant};
use crate::{KernelError, Output, Params, Run};

pub const USAGE: &str =
    "usage: twinbench run [--work] <id> [--<param> <value> ...]\n       twinbench list";

/// What the process should do: write these bytes to stdout or this line to stderr, and exit.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Stdout(Vec<u8>),
    /// A usage or parameter error: one line, exit status 2.
    Usage(String),
    /// The kernel itself failed (e.g. fib-memo's overflow): exit status 1.
    Failed(String),
}

impl Outcome {
    pub fn exit_code(&self) -> i32 {
        match self {
            Outcome::Stdout(_) => 0,
            Outcome::Failed(_) => 1,
            Outcome::Usage(_) => 2,
        }
    }
}

/// Turn `--name value` / `--name=value` pairs into (name, value).
fn param_pairs(args: &[String]) -> Result<Vec<(&str, &str)>, String> {
    let mut pairs = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let Some(flag) = arg.strip_prefix("--") else {
            return Err(format!(
                "unexpected argument '{arg}': parameters are given as --<name> <value>"
            ));
        };
        let (name, value) = match flag.split_once('=') {
            Some((n, v)) => (n, v),
            None => match it.next() {
                Some(v) => (flag, v.as_str()),
                None => return Err(format!("parameter --{flag} needs a value")),
            },
        };
        if pairs.iter().any(|(n, _)| *n == name) {
            return Err(format!("parameter --{name} is given twice"));
        }
        pairs.push((name, value));
    }
    Ok(pairs)
}

fn describe_param(kind: &ParamKind) -> String {
    match kind {
        ParamKind::Int {
            default, min, max, ..
        } => format!("int {min}..{max}, default {default}"),
        ParamKind::Float {
            default, min, max, ..
        } => format!("float {min}..{max}, default {default}"),
        ParamKind::Choice { default, choices } => {
            format!("one of {}, default {default}", choices.join("|"))
        }
    }
}

pub fn list() -> String {
    let mut out = String::new();
    for w in WORKLOADS {
        out.push_str(&format!("{:<16}{}\n", w.id, w.title));
        for p in w.params {
            out.push_str(&format!(
                "    --{:<12}{} ({})\n",
                p.name,
                p.help,
                describe_param(&p.kind)
            ));
        }
    }
    out
}

/// What `run` prints: text with a newline, bytes as they are; then, with `--work`, a line
/// `work <digest>` (after a newline of its own when the output is bytes).
fn stdout(run: Run, with_work: bool) -> Vec<u8> {
    let (mut out, newline) = match run.output {
        Output::Text(s) => (s.into_bytes(), true),
        Output::Bytes(b) => (b, with_work),
    };
    if newline {
        out.push(b'\n');
    }
    if with_work {
        out.extend_from_slice(format!("work {}\n", run.work).as_bytes());
    }
    out
}

pub fn execute(args: &[String]) -> Outcome {
    match args.first().map(String::as_str) {
        Some("list") if args.len() == 1 => Outcome::Stdout(list().into_bytes()),
        Some("run") => {
            // `--work` comes before the id: after it, `--work` is amdahl's parameter.
            let with_work = args.get(1).is_some_and(|a| a == "--work");
            let rest = &args[1 + usize::from(with_work)..];
            let Some(id) = rest.first() else {
                return Outcome::Usage(format!("run needs a workload id\n{USAGE}"));
            };
            let parsed = workload(id).and_then(|spec| {
                let pairs = param_pairs(&rest[1..]).map_err(KernelError::BadParam)?;
                Params::from_strings(spec, pairs)
            });
            let params = match parsed {
                Ok(p) => p,
                Err(e) => return Outcome::Usage(e.to_string()),
            };
            match kernels::run(&params, Variant::Sequential) {
                Ok(run) => Outcome::Stdout(stdout(run, with_work)),
                Err(KernelError::BadParam(m)) => Outcome::Usage(m),
                Err(e) => Outcome::Failed(e.to_string()),
            }
        }
        Some("-h" | "--help" | "help") => Outcome::Stdout(format!("{USAGE}\n").into_bytes()),
        _ => Outcome::Usage(USAGE.to_string()),
    }
}

/// The binary's entry point; returns the exit status.
pub fn main(args: &[String]) -> i32 {
    let outcome = execute(args);
    match &outcome {
        Outcome::Stdout(bytes) => {
            let mut out = std::io::stdout().lock();
            if out.write_all(bytes).and_then(|_| out.flush()).is_err() {
                return 1;
            }
        }
        Outcome::Usage(m) | Outcome::Failed(m) => eprintln!("error: {m}"),
    }
    outcome.exit_code()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Outcome {
        execute(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn runs_fib() {
        assert_eq!(
            run(&["run", "fib", "--n", "20"]),
            Outcome::Stdout(b"6765\n".to_vec())
        );
        assert_eq!(
            run(&["run", "fib", "--n=20"]),
            Outcome::Stdout(b"6765\n".to_vec())
        );
    }

    #[test]
    fn work_adds_a_line_with_the_digest() {
        assert_eq!(
            run(&["run", "--work", "fib", "--n", "20"]),
            Outcome::Stdout(b"6765\nwork 0000000000001a6d\n".to_vec())
        );
        // After the id, --work is a parameter (amdahl has one).
        assert!(matches!(
            run(&["run", "amdahl", "--work", "5"]),
            Outcome::Stdout(_)
        ));
    }

    #[test]
    fn bad_input_exits_2_with_one_line() {
        for args in [
            &["run", "nope"][..],
            &["run", "fib", "--n", "99"],
            &["run", "fib", "--n", "x"],
            &["run", "fib", "--m", "1"],
            &["run", "fib", "--n"],
            &["run", "fib", "n", "3"],
            &["run", "fib", "--n", "3", "--n", "4"],
            &["run"],
            &["frobnicate"],
        ] {
            let out = run(args);
            assert_eq!(out.exit_code(), 2, "{args:?}");
            if let Outcome::Usage(m) = out {
                assert!(!m.is_empty());
            }
        }
    }

    #[test]
    fn list_names_every_workload() {
        let text = list();
        for w in WORKLOADS {
            assert!(text.contains(w.id));
        }
    }
}
