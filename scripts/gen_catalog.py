#!/usr/bin/env python3
"""Generate the catalog modules for Rust, Python and TypeScript from catalog/*.toml.

The catalog is the one registry of workloads; everything else is generated from it or
checked against it. `--check` exits 1 when a generated file is stale (run by `make test`).
"""

from __future__ import annotations

import argparse
import ast
import json
import math
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
CATEGORIES = {"loop", "call"}
INT_LIMIT = 2**53 - 1  # every number must survive a trip through JSON and JavaScript


class CatalogError(Exception):
    pass


# --- cost expressions: `[cost] units = "..."`, a small arithmetic language over the numeric
# parameters. Validated with Python's `ast` against a whitelist, then emitted as a TypeScript
# and a Python function, so every consumer evaluates the same expression the same way.

COST_FUNCTIONS = {"fib_calls": 1, "factorial": 1, "log2": 1, "min": 2, "max": 2}
_BIN_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**"}


def _fib_calls(n: float) -> float:
    """Calls the naive recursion makes for fib(n): 2 * fib(n + 1) - 1."""
    a, b = 0, 1
    for _ in range(int(n) + 1):
        a, b = b, a + b
    return float(2 * a - 1)


_COST_IMPL = {
    "fib_calls": _fib_calls,
    "factorial": lambda n: float(math.factorial(int(n))),
    "log2": math.log2,
    "min": min,
    "max": max,
}


def parse_cost(where: str, expr: str, names: set[str]) -> ast.expr:
    """The expression's tree, or a CatalogError naming what is not allowed."""
    try:
        tree = ast.parse(expr, mode="eval").body
    except SyntaxError as e:
        raise CatalogError(f"{where}: cost units {expr!r} is not an expression: {e.msg}") from None

    def check(node: ast.AST) -> None:
        if isinstance(node, ast.Constant) and type(node.value) in (int, float):
            return
        if isinstance(node, ast.Name) and node.id in names:
            return
        if isinstance(node, ast.BinOp) and type(node.op) in _BIN_OPS:
            check(node.left)
            check(node.right)
            return
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            check(node.operand)
            return
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in COST_FUNCTIONS
            and not node.keywords
            and len(node.args) == COST_FUNCTIONS[node.func.id]
        ):
            for a in node.args:
                check(a)
            return
        allowed = ", ".join(sorted(names)) or "none"
        raise CatalogError(
            f"{where}: cost units {expr!r}: {ast.unparse(node)!r} is not allowed "
            f"(numbers, + - * / **, ( ), {', '.join(COST_FUNCTIONS)}; numeric parameters: {allowed})"
        )

    check(tree)
    return tree


def eval_cost(tree: ast.expr, values: dict[str, float]) -> float:
    if isinstance(tree, ast.Constant):
        return float(tree.value)
    if isinstance(tree, ast.Name):
        return float(values[tree.id])
    if isinstance(tree, ast.UnaryOp):
        return -eval_cost(tree.operand, values)
    if isinstance(tree, ast.Call):
        assert isinstance(tree.func, ast.Name)
        return float(_COST_IMPL[tree.func.id](*(eval_cost(a, values) for a in tree.args)))
    assert isinstance(tree, ast.BinOp)
    a, b = eval_cost(tree.left, values), eval_cost(tree.right, values)
    op = _BIN_OPS[type(tree.op)]
    try:
        if op == "**":
            return float(a**b)
        if op == "/":
            return a / b if b else math.inf
        return a + b if op == "+" else a - b if op == "-" else a * b
    except OverflowError:
        return math.inf


def emit_cost(tree: ast.expr, name: str) -> str:
    """The expression in TypeScript or Python syntax (the same apart from how a parameter is
    read), fully parenthesised so `-a ** b` never reaches JavaScript's parser."""
    if isinstance(tree, ast.Constant):
        return repr(tree.value)
    if isinstance(tree, ast.Name):
        return name.format(tree.id)
    if isinstance(tree, ast.UnaryOp):
        return f"(-{emit_cost(tree.operand, name)})"
    if isinstance(tree, ast.Call):
        assert isinstance(tree.func, ast.Name)
        return f"{tree.func.id}({', '.join(emit_cost(a, name) for a in tree.args)})"
    assert isinstance(tree, ast.BinOp)
    return f"({emit_cost(tree.left, name)} {_BIN_OPS[type(tree.op)]} {emit_cost(tree.right, name)})"


# Only the helpers some expression uses are emitted (tsc rejects unused locals).
TS_COST_HELPERS = {
    "fib_calls": """/** Calls the naive recursion makes for fib(n): 2 * fib(n + 1) - 1. */
function fib_calls(n: number): number {
  let [a, b] = [0, 1];
  for (let i = 0; i <= n; i++) [a, b] = [b, a + b];
  return 2 * a - 1;
}
""",
    "factorial": """function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}
""",
    "log2": "const log2 = Math.log2;\n",
    "min": "const min = Math.min;\n",
    "max": "const max = Math.max;\n",
}


def _check_cost(wid: str, raw: object, params: list[dict]) -> dict:
    where = f"{wid}: [cost]"
    if not isinstance(raw, dict) or set(raw) != {"units", "python_ms_per_unit", "rust_ms_per_unit"}:
        raise CatalogError(f"{where} needs exactly units, python_ms_per_unit and rust_ms_per_unit")
    units = raw["units"]
    if not isinstance(units, str) or not units:
        raise CatalogError(f"{where}: units must be an expression in a string")
    numeric = [p for p in params if p["type"] != "choice"]
    tree = parse_cost(where, units, {p["name"] for p in numeric})
    for k in ("python_ms_per_unit", "rust_ms_per_unit"):
        v = raw[k]
        if not isinstance(v, int | float) or isinstance(v, bool) or not (v >= 0 and math.isfinite(v)):
            raise CatalogError(f"{where}: {k} must be a number >= 0")
    # The estimate must be a finite, non-negative number everywhere a kernel accepts.
    for label, pick in (("min", "min"), ("default", "default"), ("max", "max")):
        values = {p["name"]: p[pick] for p in numeric}
        got = eval_cost(tree, values)
        if not (math.isfinite(got) and got >= 0):
            raise CatalogError(f"{where}: units at every parameter's {label} is {got}, not a finite number >= 0")
    return {"units": units, "python_ms_per_unit": float(raw["python_ms_per_unit"]),
            "rust_ms_per_unit": float(raw["rust_ms_per_unit"])}


def _check_work_param(wid: str, name: object, params: list[dict], cost: dict) -> str:
    """The parameter that sets the amount of work: numeric, and the cost must grow with it."""
    p = next((q for q in params if q["name"] == name), None)
    if p is None or p["type"] == "choice":
        raise CatalogError(f"{wid}: work_param must name a numeric parameter")
    tree = parse_cost(wid, cost["units"], {q["name"] for q in params if q["type"] != "choice"})
    base = {q["name"]: q["default"] for q in params if q["type"] != "choice"}
    bigger = {**base, p["name"]: p["page_max_rust"]}
    if p["page_max_rust"] > p["default"] and not eval_cost(tree, bigger) > eval_cost(tree, base):
        raise CatalogError(f"{wid}: the cost units do not grow with work_param {p['name']}")
    return p["name"]


def _check_param(wid: str, p: dict) -> dict:
    where = f"{wid}: param {p.get('name')!r}"
    name = p.get("name")
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise CatalogError(f"{where}: name must match {NAME_RE.pattern}")
    if name in COST_FUNCTIONS or name in ("params", "num"):
        raise CatalogError(f"{where}: the name is taken by the cost expressions")
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
        category = raw.get("category")
        if category is not None and category not in CATEGORIES:
            raise CatalogError(f"{wid}: category must be one of {sorted(CATEGORIES)} (or absent)")
        if not isinstance(raw.get("differences"), str):
            raise CatalogError(f"{wid}: differences is required: what differs between the twins, or \"\"")
        params = [_check_param(wid, p) for p in raw.get("param", [])]
        names = [p["name"] for p in params]
        if len(set(names)) != len(names):
            raise CatalogError(f"{wid}: duplicate parameter names")
        unknown = set(raw) - {"id", "order", "title", "story", "output", "chart", "parallel", "pool",
                              "category", "differences", "work_param", "cost", "param"}
        if unknown:
            raise CatalogError(f"{wid}: unknown keys {sorted(unknown)}")
        cost = _check_cost(wid, raw.get("cost"), params)
        work_param = _check_work_param(wid, raw.get("work_param"), params, cost)
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
                "category": category,
                "differences": raw["differences"],
                "work_param": work_param,
                "cost_model": cost,
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
    out = [
        f"// @{HEADER}.",
        "use crate::catalog::{Category, CostModel, OutputKind, ParamKind, ParamSpec, Pool, WorkloadSpec};",
        "",
    ]
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
        category = "None" if w["category"] is None else f"Some(Category::{w['category'].capitalize()})"
        out.append(f"        category: {category},")
        out.append(f"        differences: {_rs_str(w['differences'])},")
        out.append(f"        work_param: {_rs_str(w['work_param'])},")
        c = w["cost_model"]
        out.append("        cost_model: CostModel {")
        out.append(f"            units: {_rs_str(c['units'])},")
        out.append(f"            python_ms_per_unit: {_rs_num('float', c['python_ms_per_unit'])},")
        out.append(f"            rust_ms_per_unit: {_rs_num('float', c['rust_ms_per_unit'])},")
        out.append("        },")
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


def _cost_tree(w: dict) -> ast.expr:
    names = {p["name"] for p in w["params"] if p["type"] != "choice"}
    return parse_cost(w["id"], w["cost_model"]["units"], names)


def render_python(workloads: list[dict]) -> str:
    body = pprint.pformat(workloads, indent=1, width=100, sort_dicts=False)
    funcs, table = [], []
    for w in workloads:
        fname = f"_cost_{w['id'].replace('-', '_')}"
        names = [p["name"] for p in w["params"] if p["type"] != "choice"]
        args = ", ".join([*(f"{n}: float" for n in names), "**_: Any"])
        ret = f"    return float({ast.unparse(_cost_tree(w))})"
        funcs.append(
            f"def {fname}({args}) -> float:\n{ret}{'  # noqa: E501' if len(ret) > 100 else ''}\n\n\n"
        )
        table.append(f"    {w['id']!r}: {fname},\n")
    return (
        f"# {HEADER}.\n"
        '"""The workload catalog as plain data; `twinbench.catalog` wraps it."""\n\n'
        "import math\n"
        "from collections.abc import Callable\n"
        "from typing import Any, Final\n\n"
        f"WORKLOADS: Final[list[dict[str, Any]]] = {body}\n\n\n"
        "def fib_calls(n: float) -> float:\n"
        '    """Calls the naive recursion makes for fib(n): 2 * fib(n + 1) - 1."""\n'
        "    a, b = 0, 1\n"
        "    for _ in range(int(n) + 1):\n"
        "        a, b = b, a + b\n"
        "    return float(2 * a - 1)\n\n\n"
        "def factorial(n: float) -> float:\n"
        "    return float(math.factorial(int(n)))\n\n\n"
        "log2 = math.log2\n\n\n"
        f"{''.join(funcs)}"
        "# The units of work of a run (each workload's `[cost] units`), by workload id: call with\n"
        "# the parameters as keyword arguments.\n"
        "COST: Final[dict[str, Callable[..., float]]] = {\n"
        f"{''.join(table)}"
        "}\n"
    )


def render_ts(workloads: list[dict]) -> str:
    entries = []
    for w in workloads:
        obj = json.dumps(w, indent=2, ensure_ascii=False)
        fn = emit_cost(_cost_tree(w), "num(params, {!r})")
        entries.append(obj[:-2] + f",\n  cost: (params: CostParams): number => {fn},\n}}")
    data = "[\n" + ",\n".join(entries) + "\n]"
    used = {n.func.id for w in workloads for n in ast.walk(_cost_tree(w)) if isinstance(n, ast.Call)}
    helpers = "".join(TS_COST_HELPERS[f] + "\n" for f in COST_FUNCTIONS if f in used)
    return f"""// {HEADER}.
export type ParamType = 'int' | 'float' | 'choice';
export type OutputKind = 'text' | 'bytes';
export type PoolKind = 'sum' | 'concat';
export type ChartKind = 'bars' | 'speedup' | 'amdahl' | 'latency' | 'image' | 'trajectory' | 'crossover';
/** The benchmark's target class: a wasm/native ratio for loops, for calls (absent: neither). */
export type Category = 'loop' | 'call';
export type CostParams = Readonly<Record<string, number | string>>;

/** What a run costs: `units` (an expression over the parameters) times the calibrated ms per unit. */
export interface CostModel {{
  readonly units: string;
  readonly python_ms_per_unit: number;
  readonly rust_ms_per_unit: number;
}}

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
  readonly category: Category | null;
  /** What differs between the twins, for the page ('' where they are faithful). */
  readonly differences: string;
  /** The parameter that sets the amount of work (the engine's scaling check). */
  readonly work_param: string;
  readonly cost_model: CostModel;
  /** The units of work for these (validated, complete) parameters: `cost_model.units`. */
  readonly cost: (params: CostParams) => number;
  readonly params: readonly ParamSpec[];
}}

function num(p: CostParams, name: string): number {{
  const v = p[name];
  if (typeof v !== 'number') throw new TypeError(`cost: parameter ${{name}} is not a number`);
  return v;
}}

{helpers}
export const WORKLOADS = {data} as const satisfies readonly WorkloadSpec[];

export type WorkloadId = (typeof WORKLOADS)[number]['id'];
"""


def _significant(x: float, digits: int = 3) -> float:
    return float(f"{x:.{digits - 1}e}") if x else 0.0


def calibrate(workloads: list[dict], report_path: Path) -> list[str]:
    """Rewrite each catalog file's `[cost]` ms per unit from a `make bench` report: the median
    at the defaults (Pyodide and single-threaded wasm in the page) over the units at the
    defaults. Returns what it could not calibrate, and why."""
    kernels = json.loads(report_path.read_text(encoding="utf-8"))["kernels"]
    skipped = []
    for w in workloads:
        row = kernels.get(w["id"])
        defaults = {p["name"]: p["default"] for p in w["params"]}
        if row is None or row.get("params") != defaults:
            skipped.append(f"{w['id']}: the report has no run at the current defaults")
            continue
        python_ms, rust_ms = row.get("pyodide_ms"), row.get("wasm_rust_ms")
        native_ms = row.get("native_rust_ms")
        if not python_ms or not rust_ms:
            skipped.append(f"{w['id']}: the report lacks a Pyodide or wasm median")
            continue
        if native_ms and rust_ms < native_ms / 10:
            # wasm over ten times faster than native: the work was folded away (issue 9); the
            # native time is the honest estimate of what the work costs.
            skipped.append(f"{w['id']}: wasm {rust_ms:.3g} ms vs native {native_ms:.3g} ms, used native")
            rust_ms = native_ms
        units = eval_cost(_cost_tree(w), {k: v for k, v in defaults.items() if not isinstance(v, str)})
        path = CATALOG_DIR / f"{w['id']}.toml"
        text = path.read_text(encoding="utf-8")
        for key, ms in (("python_ms_per_unit", python_ms), ("rust_ms_per_unit", rust_ms)):
            text = re.sub(rf"(?m)^{key} = .*$", f"{key} = {_significant(ms / units)!r}", text, count=1)
        path.write_text(text, encoding="utf-8")
    return skipped


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--check", action="store_true", help="fail if a generated file is stale")
    ap.add_argument(
        "--calibrate", metavar="REPORT", type=Path,
        help="first set every [cost] ms per unit from a bench/report.json",
    )
    args = ap.parse_args()
    try:
        workloads = load()
        if args.calibrate:
            for line in calibrate(workloads, args.calibrate):
                print(f"calibrate: {line}", file=sys.stderr)
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
