#!/usr/bin/env python3
"""Generate the catalog modules for Rust, Python and TypeScript from catalog/*.toml.

The catalog is the one registry of workloads; everything else is generated from it or
checked against it. `--check` exits 1 when a generated file is stale (run by `make test`).
"""

from __future__ import annotations

import argparse
import json
import pprint
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOG_DIR = ROOT / "catalog"
OUT_RUST = ROOT / "crate/src/catalog_data.rs"
OUT_PY = ROOT / "pyodide_glue/twinbench/catalog_data.py"
OUT_TS = ROOT / "web/src/generated/catalog.ts"
HEADER = "generated from catalog/*.toml by scripts/gen_catalog.py: do not edit, run `make gen`"

ID_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
CHARTS = {"bars", "speedup", "amdahl", "latency", "image", "trajectory", "crossover"}
OUTPUTS = {"text", "bytes"}
POOLS = {"sum", "concat"}
INT_LIMIT = 2**53 - 1  # every number must survive a trip through JSON and JavaScript


class CatalogError(Exception):
    pass


def _check_param(wid: str, p: dict) -> dict:
    where = f"{wid}: param {p.get('name')!r}"
    name = p.get("name")
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise CatalogError(f"{where}: name must match {NAME_RE.pattern}")
    kind = p.get("type")
    help_ = p.get("help", "")
    if not isinstance(help_, str) or not help_:
        raise CatalogError(f"{where}: help text is required")
    if kind in ("int", "float"):
        num = int if kind == "int" else (int, float)
        keys = ["default", "min", "max", "page_max_python", "page_max_rust"]
        for k in keys:
            v = p.get(k)
            if not isinstance(v, num) or isinstance(v, bool):
                raise CatalogError(f"{where}: {k} must be a {kind}")
            if kind == "int" and abs(v) > INT_LIMIT:
                raise CatalogError(f"{where}: {k} must fit in 53 bits")
        if not p["min"] <= p["default"] <= p["max"]:
            raise CatalogError(f"{where}: need min <= default <= max")
        for k in ("page_max_python", "page_max_rust"):
            if not p["default"] <= p[k] <= p["max"]:
                raise CatalogError(f"{where}: need default <= {k} <= max")
        out = {k: (float(p[k]) if kind == "float" else p[k]) for k in keys}
        return {"name": name, "type": kind, **out, "help": help_}
    if kind == "choice":
        choices = p.get("choices")
        if not isinstance(choices, list) or not choices or not all(
            isinstance(c, str) and NAME_RE.match(c) for c in choices
        ):
            raise CatalogError(f"{where}: choices must be a non-empty list of names")
        if p.get("default") not in choices:
            raise CatalogError(f"{where}: default must be one of the choices")
        return {"name": name, "type": kind, "default": p["default"], "choices": choices, "help": help_}
    raise CatalogError(f"{where}: type must be int, float or choice")


def load() -> list[dict]:
    workloads = []
    for path in sorted(CATALOG_DIR.glob("*.toml")):
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        wid = raw.get("id")
        if wid != path.stem or not ID_RE.match(wid or ""):
            raise CatalogError(f"{path.name}: id must equal the file name and match {ID_RE.pattern}")
        for k in ("title", "story"):
            if not isinstance(raw.get(k), str) or not raw[k]:
                raise CatalogError(f"{wid}: {k} is required")
        if raw.get("output") not in OUTPUTS:
            raise CatalogError(f"{wid}: output must be one of {sorted(OUTPUTS)}")
        if raw.get("chart") not in CHARTS:
            raise CatalogError(f"{wid}: chart must be one of {sorted(CHARTS)}")
        if not isinstance(raw.get("parallel"), bool):
            raise CatalogError(f"{wid}: parallel must be true or false")
        pool = raw.get("pool")
        if pool is not None and pool not in POOLS:
            raise CatalogError(f"{wid}: pool must be one of {sorted(POOLS)}")
        if not isinstance(raw.get("order"), int):
            raise CatalogError(f"{wid}: order must be an integer")
        params = [_check_param(wid, p) for p in raw.get("param", [])]
        names = [p["name"] for p in params]
        if len(set(names)) != len(names):
            raise CatalogError(f"{wid}: duplicate parameter names")
        unknown = set(raw) - {"id", "order", "title", "story", "output", "chart", "parallel", "pool", "param"}
        if unknown:
            raise CatalogError(f"{wid}: unknown keys {sorted(unknown)}")
        workloads.append(
            {
                "id": wid,
                "order": raw["order"],
                "title": raw["title"],
                "story": raw["story"],
                "output": raw["output"],
                "chart": raw["chart"],
                "parallel": raw["parallel"],
                "pool": pool,
                "params": params,
            }
        )
    workloads.sort(key=lambda w: (w["order"], w["id"]))
    orders = [w["order"] for w in workloads]
    if len(set(orders)) != len(orders):
        raise CatalogError("two workloads share an order")
    return workloads


def _rs_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # a JSON string literal is a valid Rust literal


def _rs_num(kind: str, v: float | int) -> str:
    if kind == "float":
        r = repr(float(v))
        return r if ("." in r or "e" in r) else r + ".0"
    return str(v)


def render_rust(workloads: list[dict]) -> str:
    out = [f"// @{HEADER}.", "use crate::catalog::{OutputKind, ParamKind, ParamSpec, Pool, WorkloadSpec};", ""]
    out.append("pub static WORKLOADS: &[WorkloadSpec] = &[")
    for w in workloads:
        out.append("    WorkloadSpec {")
        out.append(f"        id: {_rs_str(w['id'])},")
        out.append(f"        order: {w['order']},")
        out.append(f"        title: {_rs_str(w['title'])},")
        out.append(f"        story: {_rs_str(w['story'])},")
        out.append(f"        output: OutputKind::{w['output'].capitalize()},")
        out.append(f"        chart: {_rs_str(w['chart'])},")
        out.append(f"        parallel: {str(w['parallel']).lower()},")
        pool = "None" if w["pool"] is None else f"Some(Pool::{w['pool'].capitalize()})"
        out.append(f"        pool: {pool},")
        out.append("        params: &[")
        for p in w["params"]:
            out.append("            ParamSpec {")
            out.append(f"                name: {_rs_str(p['name'])},")
            out.append(f"                help: {_rs_str(p['help'])},")
            if p["type"] == "choice":
                choices = ", ".join(_rs_str(c) for c in p["choices"])
                out.append("                kind: ParamKind::Choice {")
                out.append(f"                    default: {_rs_str(p['default'])},")
                out.append(f"                    choices: &[{choices}],")
                out.append("                },")
            else:
                variant = "Int" if p["type"] == "int" else "Float"
                out.append(f"                kind: ParamKind::{variant} {{")
                for k in ("default", "min", "max", "page_max_python", "page_max_rust"):
                    out.append(f"                    {k}: {_rs_num(p['type'], p[k])},")
                out.append("                },")
            out.append("            },")
        out.append("        ],")
        out.append("    },")
    out.append("];")
    # Through rustfmt, so `cargo fmt --check` and `gen --check` agree on one layout.
    formatted = subprocess.run(
        ["rustfmt", "--edition", "2024", "--emit", "stdout"],
        input="\n".join(out) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    return formatted.stdout


def render_python(workloads: list[dict]) -> str:
    body = pprint.pformat(workloads, indent=1, width=100, sort_dicts=False)
    return (
        f"# {HEADER}.\n"
        '"""The workload catalog as plain data; `twinbench.catalog` wraps it."""\n\n'
        "from typing import Any, Final\n\n"
        f"WORKLOADS: Final[list[dict[str, Any]]] = {body}\n"
    )


def render_ts(workloads: list[dict]) -> str:
    data = json.dumps(workloads, indent=2, ensure_ascii=False)
    return f"""// {HEADER}.
export type ParamType = 'int' | 'float' | 'choice';
export type OutputKind = 'text' | 'bytes';
export type PoolKind = 'sum' | 'concat';
export type ChartKind = 'bars' | 'speedup' | 'amdahl' | 'latency' | 'image' | 'trajectory' | 'crossover';

export interface NumberParamSpec {{
  readonly name: string;
  readonly type: 'int' | 'float';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly page_max_python: number;
  readonly page_max_rust: number;
  readonly help: string;
}}

export interface ChoiceParamSpec {{
  readonly name: string;
  readonly type: 'choice';
  readonly default: string;
  readonly choices: readonly string[];
  readonly help: string;
}}

export type ParamSpec = NumberParamSpec | ChoiceParamSpec;

export interface WorkloadSpec {{
  readonly id: string;
  readonly order: number;
  readonly title: string;
  readonly story: string;
  readonly output: OutputKind;
  readonly chart: ChartKind;
  readonly parallel: boolean;
  readonly pool: PoolKind | null;
  readonly params: readonly ParamSpec[];
}}

export const WORKLOADS = {data} as const satisfies readonly WorkloadSpec[];

export type WorkloadId = (typeof WORKLOADS)[number]['id'];
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--check", action="store_true", help="fail if a generated file is stale")
    args = ap.parse_args()
    try:
        workloads = load()
    except CatalogError as e:
        print(f"catalog error: {e}", file=sys.stderr)
        return 2
    outputs = {
        OUT_RUST: render_rust(workloads),
        OUT_PY: render_python(workloads),
        OUT_TS: render_ts(workloads),
    }
    stale = []
    for path, text in outputs.items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            if args.check:
                stale.append(path.relative_to(ROOT))
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    if stale:
        print("stale generated files (run `make gen`): " + ", ".join(map(str, stale)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
