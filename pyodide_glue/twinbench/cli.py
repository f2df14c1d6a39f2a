"""The command line: `python -m twinbench run <id> --<param> <value> ...` prints a kernel's
canonical output (`run --work <id> ...` adds a line `work <digest>`), `list` prints the
catalog. Its twin is the Rust CLI (`crate/src/cli.rs`)."""

from __future__ import annotations

import sys

from twinbench import kernels
from twinbench import params as _params
from twinbench.catalog import WORKLOADS, Param, ParamError, workload

USAGE = "usage: twinbench run [--work] <id> [--<param> <value> ...]\n       twinbench list"


def _pairs(args: list[str]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    it = iter(args)
    for arg in it:
        if not arg.startswith("--"):
            raise ParamError(f"unexpected argument '{arg}': parameters are given as --<name> <value>")
        flag = arg[2:]
        if "=" in flag:
            name, value = flag.split("=", 1)
        else:
            name = flag
            value_or_none = next(it, None)
            if value_or_none is None:
                raise ParamError(f"parameter --{flag} needs a value")
            value = value_or_none
        if any(n == name for n, _ in pairs):
            raise ParamError(f"parameter --{name} is given twice")
        pairs.append((name, value))
    return pairs


def _describe(p: Param) -> str:
    if p.type == "choice":
        return f"one of {'|'.join(p.choices)}, default {p.default}"
    return f"{p.type} {_params._fmt_float(p.min or 0)}..{_params._fmt_float(p.max or 0)}, default {p.default}"


def listing() -> str:
    lines = []
    for w in WORKLOADS:
        lines.append(f"{w.id:<16}{w.title}")
        lines.extend(f"    --{p.name:<12}{p.help} ({_describe(p)})" for p in w.params)
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if argv[:1] == ["list"] and len(argv) == 1:
        sys.stdout.write(listing())
        return 0
    if argv[:1] in (["-h"], ["--help"], ["help"]):
        print(USAGE)
        return 0
    if argv[:1] != ["run"]:
        print(f"error: {USAGE}", file=sys.stderr)
        return 2
    # `--work` comes before the id: after it, `--work` is amdahl's parameter.
    with_work = argv[1:2] == ["--work"]
    rest = argv[1 + with_work :]
    if not rest:
        print(f"error: run needs a workload id\n{USAGE}", file=sys.stderr)
        return 2
    try:
        w = workload(rest[0])
        given = _params.from_strings(w, _pairs(rest[1:]))
        out, work = kernels.unpacker(w)(kernels.entry(w)(**given))
    except ParamError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    data = out if isinstance(out, bytes) else out.encode() + b"\n"
    if with_work:
        data += (b"\n" if isinstance(out, bytes) else b"") + f"work {work}\n".encode()
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
    return 0
