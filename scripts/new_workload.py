#!/usr/bin/env python3
"""`make new-workload NAME=<id>`: write a new workload in one step.

Writes the catalog entry, the Rust kernel module (registered in `kernels/mod.rs`), the
Python twin, and a golden-vector stub (also listed in the wasm test), then regenerates the
catalog modules. The kernel pair it writes is a small working example (a sum of squares) to
replace; the golden test fails until the stub holds real outputs.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ID_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def insert_sorted_line(text: str, line: str, pattern: str) -> str:
    """Insert `line` among the consecutive lines matching `pattern`, keeping them sorted."""
    lines = text.splitlines(keepends=True)
    block = [i for i, ln in enumerate(lines) if re.match(pattern, ln)]
    if not block:
        raise SystemExit(f"cannot find lines matching {pattern!r}")
    entries = sorted({*(lines[i] for i in block), line + "\n"})
    return "".join(lines[: block[0]] + entries + lines[block[-1] + 1 :])


def main() -> int:
    if len(sys.argv) != 2 or not ID_RE.match(sys.argv[1]):
        print("usage: make new-workload NAME=<id>   (lower case, words joined by dashes)", file=sys.stderr)
        return 2
    wid = sys.argv[1]
    mod = wid.replace("-", "_")
    paths = {
        "catalog": ROOT / "catalog" / f"{wid}.toml",
        "rust": ROOT / "crate" / "src" / "kernels" / f"{mod}.rs",
        "python": ROOT / "pyodide_glue" / "twinbench" / "kernels" / f"{mod}.py",
        "golden": ROOT / "tests" / "golden" / f"{wid}.json",
    }
    existing = [str(p.relative_to(ROOT)) for p in paths.values() if p.exists()]
    if existing:
        print(f"error: {wid} exists already: {', '.join(existing)}", file=sys.stderr)
        return 2
    orders = [
        int(m.group(1))
        for p in (ROOT / "catalog").glob("*.toml")
        if (m := re.search(r"^order = (\d+)", p.read_text(), re.M))
    ]
    paths["catalog"].write_text(f'''id = "{wid}"
order = {max(orders, default=0) + 1}
title = "{wid}"
story = "TODO: the story this workload tells, in a sentence or two."
output = "text"
chart = "bars"
parallel = false
work_param = "n"
differences = "TODO: what differs between the twins, or an empty string where they are faithful"

[[param]]
name = "n"
type = "int"
default = 1000
min = 0
max = 1000000000
page_max_python = 10000000
page_max_rust = 1000000000
help = "TODO: what n means"

[cost]
units = "n"  # TODO: the work as an expression over the parameters
python_ms_per_unit = 0.0  # TODO: calibrate: scripts/gen_catalog.py --calibrate bench/report.json
rust_ms_per_unit = 0.0
''')
    paths["rust"].write_text(f'''//! {wid}: TODO say what it computes. Same algorithm, same operation order as the Python twin.

use super::Kernel;
use crate::{{Digest, KernelError, Params, Run}};

/// TODO: replace this example (the sum of squares below n) with the real kernel.
pub fn {mod}(n: u64) -> u128 {{
    (0..n).map(|i| u128::from(i) * u128::from(i)).sum()
}}

fn run(p: &Params) -> Result<Run, KernelError> {{
    let sum = {mod}(p.u64("n")?);
    // TODO: the digest of the work (crate::digest): doing less work must change it. Here the
    // answer depends on every term, so it is the answer's.
    Ok(Run::text(sum.to_string(), Digest::of_int(sum)))
}}

pub const KERNEL: Kernel = Kernel::sequential("{wid}", run);
''')
    paths["python"].write_text(f'''"""{wid}: TODO say what it computes. Same algorithm, same operation order as the Rust kernel."""

# TODO: return (answer, work), work from twinbench.digest, unless the int answer depends on
# all the work (as this example's does): then the harness digests the answer.
WORK_IS_ANSWER = True


def {mod}(n: int) -> int:
    """TODO: replace this example (the sum of squares below n) with the real kernel."""
    return sum(i * i for i in range(n))
''')
    paths["golden"].write_text(f'''{{
  "workload": "{wid}",
  "source": "TODO: where the expected outputs come from",
  "vectors": [
    {{ "params": {{ "n": 10 }}, "output": null, "work": null, "browser": true }}
  ]
}}
''')
    mod_rs = ROOT / "crate" / "src" / "kernels" / "mod.rs"
    text = insert_sorted_line(mod_rs.read_text(), f"pub mod {mod};", r"^pub mod [a-z0-9_]+;$")
    text = text.replace("\n];\n", f"\n    &{mod}::KERNEL,\n];\n", 1)
    mod_rs.write_text(text)
    web_rs = ROOT / "crate" / "tests" / "web.rs"
    text = web_rs.read_text()
    web_rs.write_text(text.replace('\n];\n', f'\n    "{wid}",\n];\n', 1))
    # Formatted as `cargo fmt --check` (run by `make test`) wants it.
    subprocess.run(["rustfmt", "--edition", "2024", str(paths["rust"]), str(mod_rs), str(web_rs)], check=True)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_catalog.py")], check=True)
    for p in paths.values():
        print(f"wrote {p.relative_to(ROOT)}")
    print(f"next: write the kernel pair, then real outputs in tests/golden/{wid}.json; `make test` checks them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
