// generated from catalog/*.toml by scripts/gen_catalog.py: do not edit, run `make gen`.
export type ParamType = 'int' | 'float' | 'choice';
export type OutputKind = 'text' | 'bytes';
export type PoolKind = 'sum' | 'concat';
export type ChartKind = 'bars' | 'speedup' | 'amdahl' | 'latency' | 'image' | 'trajectory' | 'crossover';
/** The benchmark's target class: a wasm/native ratio for loops, for calls (absent: neither). */
export type Category = 'loop' | 'call';
export type CostParams = Readonly<Record<string, number | string>>;

/** What a run costs: `units` (an expression over the parameters) times the calibrated ms per unit. */
export interface CostModel {
  readonly units: string;
  readonly python_ms_per_unit: number;
  readonly rust_ms_per_unit: number;
}

export interface NumberParamSpec {
  readonly name: string;
  readonly type: 'int' | 'float';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly page_max_python: number;
  readonly page_max_rust: number;
  readonly help: string;
}

export interface ChoiceParamSpec {
  readonly name: string;
  readonly type: 'choice';
  readonly default: string;
  readonly choices: readonly string[];
  readonly help: string;
}

export type ParamSpec = NumberParamSpec | ChoiceParamSpec;

export interface WorkloadSpec {
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
}

function num(p: CostParams, name: string): number {
  const v = p[name];
  if (typeof v !== 'number') throw new TypeError(`cost: parameter ${name} is not a number`);
  return v;
}

/** Calls the naive recursion makes for fib(n): 2 * fib(n + 1) - 1. */
function fib_calls(n: number): number {
  let [a, b] = [0, 1];
  for (let i = 0; i <= n; i++) [a, b] = [b, a + b];
  return 2 * a - 1;
}

function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

const max = Math.max;


export const WORKLOADS = [
{
  "id": "fib",
  "order": 1,
  "title": "Recursive Fibonacci",
  "story": "\"Rust was 43x faster than pure Python on fib(35).\" Measure it live: the same naive recursion, call for call.",
  "output": "text",
  "chart": "bars",
  "parallel": false,
  "pool": null,
  "category": "call",
  "differences": "",
  "work_param": "n",
  "cost_model": {
    "units": "fib_calls(n)",
    "python_ms_per_unit": 5.18e-05,
    "rust_ms_per_unit": 7.99e-07
  },
  "params": [
    {
      "name": "n",
      "type": "int",
      "default": 27,
      "min": 0,
      "max": 50,
      "page_max_python": 32,
      "page_max_rust": 42,
      "help": "which Fibonacci number, computed by naive recursion (about 1.6^n calls)"
    }
  ],
  cost: (params: CostParams): number => fib_calls(num(params, 'n')),
},
{
  "id": "fib-memo",
  "order": 2,
  "title": "Fibonacci, the smart way",
  "story": "The algorithm beats the language: iteration turns fib(n) from exponential to linear, in Python and in Rust alike. Exact big integers show strict integer types: Rust's u128 holds fib(186) and overflows at fib(187), where checked arithmetic refuses to go on; Python's int never runs out.",
  "output": "text",
  "chart": "bars",
  "parallel": false,
  "pool": null,
  "category": null,
  "differences": "Rust adds u128s with an overflow check (the catalog stops at n = 186, the largest result that fits); Python's int grows without limit, so it never overflows. Each side turns the result into decimal with its own integer-to-string. The parameters are read once per batch on both sides, and the cost of the call itself (an empty kernel through the same path) is shown beside the time.",
  "work_param": "n",
  "cost_model": {
    "units": "n + 1",
    "python_ms_per_unit": 5.84e-05,
    "rust_ms_per_unit": 1.36e-06
  },
  "params": [
    {
      "name": "n",
      "type": "int",
      "default": 150,
      "min": 0,
      "max": 186,
      "page_max_python": 186,
      "page_max_rust": 186,
      "help": "which Fibonacci number, computed exactly by iteration (Rust's u128 overflows past 186)"
    }
  ],
  cost: (params: CostParams): number => (num(params, 'n') + 1),
},
{
  "id": "fib-batch",
  "order": 3,
  "title": "Fibonacci over a batch, in parallel",
  "story": "rayon's par_iter against a pool of Python workers (the in-browser multiprocessing.Pool): parallel overhead on tiny inputs, and where parallelism starts to pay.",
  "output": "text",
  "chart": "crossover",
  "parallel": true,
  "pool": "sum",
  "category": null,
  "differences": "",
  "work_param": "count",
  "cost_model": {
    "units": "count / 4 * (fib_calls(n) + fib_calls(max(n - 1, 0)) + fib_calls(max(n - 2, 0)) + fib_calls(max(n - 3, 0)))",
    "python_ms_per_unit": 5.16e-05,
    "rust_ms_per_unit": 6.47e-07
  },
  "params": [
    {
      "name": "count",
      "type": "int",
      "default": 32,
      "min": 1,
      "max": 16384,
      "page_max_python": 256,
      "page_max_rust": 15000,
      "help": "how many Fibonacci numbers to compute; input i is n - i % 4 (never below 0)"
    },
    {
      "name": "n",
      "type": "int",
      "default": 24,
      "min": 0,
      "max": 40,
      "page_max_python": 29,
      "page_max_rust": 38,
      "help": "the largest input; the batch cycles through n, n-1, n-2, n-3, each by naive recursion"
    }
  ],
  cost: (params: CostParams): number => ((num(params, 'count') / 4) * (((fib_calls(num(params, 'n')) + fib_calls(max((num(params, 'n') - 1), 0))) + fib_calls(max((num(params, 'n') - 2), 0))) + fib_calls(max((num(params, 'n') - 3), 0)))),
},
{
  "id": "amdahl",
  "order": 4,
  "title": "Amdahl's law, measured",
  "story": "Work with a tunable parallel fraction p: the measured speedup against 1/((1-p)+p/n), with p fitted back from the measurements.",
  "output": "text",
  "chart": "amdahl",
  "parallel": true,
  "pool": null,
  "category": null,
  "differences": "Python masks every step to 64 bits (& MASK) where Rust's u64 arithmetic wraps for free: the usual way to write 64-bit hashing in each language.",
  "work_param": "work",
  "cost_model": {
    "units": "work + 64",
    "python_ms_per_unit": 0.000832,
    "rust_ms_per_unit": 3.65e-06
  },
  "params": [
    {
      "name": "p",
      "type": "int",
      "default": 90,
      "min": 0,
      "max": 100,
      "page_max_python": 100,
      "page_max_rust": 100,
      "help": "the parallel fraction of the work, in percent"
    },
    {
      "name": "work",
      "type": "int",
      "default": 1000000,
      "min": 1,
      "max": 1000000000,
      "page_max_python": 1500000,
      "page_max_rust": 350000000,
      "help": "total splitmix64 hash steps: (100 - p)% in one serial chain, the rest in 64 independent chains"
    }
  ],
  cost: (params: CostParams): number => (num(params, 'work') + 64),
},
{
  "id": "nbody",
  "order": 5,
  "title": "n-body",
  "story": "The Benchmarks Game's planets: a float-heavy loop where every operation is the same in both languages, down to the last bit.",
  "output": "text",
  "chart": "bars",
  "parallel": false,
  "pool": null,
  "category": "loop",
  "differences": "",
  "work_param": "n",
  "cost_model": {
    "units": "n + 1",
    "python_ms_per_unit": 0.00862,
    "rust_ms_per_unit": 5.22e-05
  },
  "params": [
    {
      "name": "n",
      "type": "int",
      "default": 10000,
      "min": 0,
      "max": 50000000,
      "page_max_python": 150000,
      "page_max_rust": 30000000,
      "help": "simulation steps of 0.01 years (the Benchmarks Game reference uses 50,000,000)"
    }
  ],
  cost: (params: CostParams): number => (num(params, 'n') + 1),
},
{
  "id": "spectral-norm",
  "order": 6,
  "title": "spectral-norm",
  "story": "The Benchmarks Game's spectral norm: nested loops over an implicit matrix, data parallel across rows.",
  "output": "text",
  "chart": "speedup",
  "parallel": true,
  "pool": null,
  "category": "loop",
  "differences": "",
  "work_param": "n",
  "cost_model": {
    "units": "n ** 2",
    "python_ms_per_unit": 0.00961,
    "rust_ms_per_unit": 5.25e-05
  },
  "params": [
    {
      "name": "n",
      "type": "int",
      "default": 200,
      "min": 1,
      "max": 10000,
      "page_max_python": 300,
      "page_max_rust": 4500,
      "help": "matrix size (the Benchmarks Game reference uses 5,500)"
    }
  ],
  cost: (params: CostParams): number => (num(params, 'n') ** 2),
},
{
  "id": "mandelbrot",
  "order": 7,
  "title": "Mandelbrot",
  "story": "The Benchmarks Game's Mandelbrot set as a PBM bitmap, drawn on the page; rows in parallel.",
  "output": "bytes",
  "chart": "image",
  "parallel": true,
  "pool": "concat",
  "category": "loop",
  "differences": "",
  "work_param": "n",
  "cost_model": {
    "units": "n ** 2",
    "python_ms_per_unit": 0.00448,
    "rust_ms_per_unit": 6.03e-05
  },
  "params": [
    {
      "name": "n",
      "type": "int",
      "default": 200,
      "min": 1,
      "max": 16000,
      "page_max_python": 550,
      "page_max_rust": 4500,
      "help": "image width and height in pixels (the Benchmarks Game reference uses 16,000)"
    }
  ],
  cost: (params: CostParams): number => (num(params, 'n') ** 2),
},
{
  "id": "fannkuch-redux",
  "order": 8,
  "title": "fannkuch-redux",
  "story": "The Benchmarks Game's pancake flips: integer and small-array work, with a checksum over every permutation.",
  "output": "text",
  "chart": "speedup",
  "parallel": true,
  "pool": null,
  "category": "loop",
  "differences": "Python flips a prefix with one slice assignment and rotates with list.pop and list.insert (C builtins); Rust reverses and swaps in a fixed-size array.",
  "work_param": "n",
  "cost_model": {
    "units": "factorial(n) * n",
    "python_ms_per_unit": 0.00021,
    "rust_ms_per_unit": 5.61e-06
  },
  "params": [
    {
      "name": "n",
      "type": "int",
      "default": 8,
      "min": 3,
      "max": 12,
      "page_max_python": 9,
      "page_max_rust": 10,
      "help": "permutation length: all n! permutations are flipped, so each step up multiplies the work by about n (the Benchmarks Game reference uses 12)"
    }
  ],
  cost: (params: CostParams): number => (factorial(num(params, 'n')) * num(params, 'n')),
},
{
  "id": "binary-trees",
  "order": 9,
  "title": "binary-trees",
  "story": "The Benchmarks Game's allocation storm: per-iteration latency over time, where a garbage collector shows spikes and Rust's ownership a flat line (Discord's Go-to-Rust story).",
  "output": "text",
  "chart": "latency",
  "parallel": true,
  "pool": null,
  "category": "call",
  "differences": "Rust builds each tree's nodes in an arena (bumpalo) that is reset when the tree is done, as the Benchmarks Game's fastest Rust programs do: a node costs a pointer bump and a whole tree is freed at once. Python has no arenas: every node is a tuple from its small-object allocator, freed one by one by reference counting. (A Box per node made Rust's threads slower than one thread: the threaded wasm build's allocator takes one global lock on every allocation.)",
  "work_param": "n",
  "cost_model": {
    "units": "2 ** max(n, 6) * (16 * max(n, 6) - 26)",
    "python_ms_per_unit": 0.000129,
    "rust_ms_per_unit": 2.73e-06
  },
  "params": [
    {
      "name": "n",
      "type": "int",
      "default": 12,
      "min": 4,
      "max": 21,
      "page_max_python": 15,
      "page_max_rust": 18,
      "help": "maximum tree depth: each step up doubles the work (the Benchmarks Game reference uses 21)"
    }
  ],
  cost: (params: CostParams): number => ((2 ** max(num(params, 'n'), 6)) * ((16 * max(num(params, 'n'), 6)) - 26)),
},
{
  "id": "orders-json",
  "order": 10,
  "title": "Stock orders through JSON",
  "story": "The serialisation bottleneck of a trading service: build stock orders, write them as JSON, parse them back and total the portfolio. Python's json against serde_json.",
  "output": "text",
  "chart": "bars",
  "parallel": false,
  "pool": null,
  "category": "call",
  "differences": "Python writes and parses plain dicts with the json module (its C accelerator); Rust uses typed structs and enums with serde_json.",
  "work_param": "count",
  "cost_model": {
    "units": "count + 1",
    "python_ms_per_unit": 0.0087,
    "rust_ms_per_unit": 0.000552
  },
  "params": [
    {
      "name": "count",
      "type": "int",
      "default": 10000,
      "min": 0,
      "max": 2000000,
      "page_max_python": 150000,
      "page_max_rust": 1750000,
      "help": "how many orders (about 115 bytes of JSON each)"
    },
    {
      "name": "seed",
      "type": "int",
      "default": 42,
      "min": 0,
      "max": 4294967295,
      "page_max_python": 4294967295,
      "page_max_rust": 4294967295,
      "help": "seed of the order generator (splitmix64)"
    }
  ],
  cost: (params: CostParams): number => (num(params, 'count') + 1),
},
{
  "id": "trajectory",
  "order": 11,
  "title": "Projectile with drag",
  "story": "Rust computes the points of a flight with drag, and Python consumes them: when Python calls Rust, every point crosses the boundary (a Float64Array, 16 bytes a point, copied into Python) and Python computes the summary. The cost of moving data, a typed array against a Python list.",
  "output": "text",
  "chart": "trajectory",
  "parallel": false,
  "pool": null,
  "category": null,
  "differences": "Python keeps the points in a list of floats (one object each), Rust in a Vec<f64>. When Python calls Rust, Rust returns every point as a Float64Array, copied into Python's memory, and Python summarises them there.",
  "work_param": "steps",
  "cost_model": {
    "units": "steps",
    "python_ms_per_unit": 0.000493,
    "rust_ms_per_unit": 1.29e-05
  },
  "params": [
    {
      "name": "steps",
      "type": "int",
      "default": 100000,
      "min": 1,
      "max": 10000000,
      "page_max_python": 2500000,
      "page_max_rust": 10000000,
      "help": "integration steps over the same 5.25 s flight; the kernel returns every point (steps + 1)"
    }
  ],
  cost: (params: CostParams): number => num(params, 'steps'),
},
{
  "id": "shared-counter",
  "order": 12,
  "title": "One counter, many threads",
  "story": "Arc<Mutex> and atomics across real threads, against per-thread counts reduced at the end: the cost of contention. Pyodide has no threads, so Python's lock is never contended, and Python has no atomics at all.",
  "output": "text",
  "chart": "bars",
  "parallel": true,
  "pool": null,
  "category": null,
  "differences": "Pyodide has no threads, so Python runs one worker and its lock is never contended; Python has no atomic integers, so its atomic strategy is a shared cell incremented in place (which threads could race on). Rust's rayon variant runs a worker per thread on the same counter; in the single-threaded wasm build its Mutex and atomics are plain memory operations, as no other thread exists.",
  "work_param": "increments",
  "cost_model": {
    "units": "increments + 1",
    "python_ms_per_unit": 0.000301,
    "rust_ms_per_unit": 1.39e-06
  },
  "params": [
    {
      "name": "increments",
      "type": "int",
      "default": 200000,
      "min": 0,
      "max": 1000000000,
      "page_max_python": 3500000,
      "page_max_rust": 50000000,
      "help": "how many times the counter is incremented"
    },
    {
      "name": "strategy",
      "type": "choice",
      "default": "mutex",
      "choices": [
        "mutex",
        "atomic",
        "reduce"
      ],
      "help": "a lock around one counter, an atomic counter, or per-thread counts summed at the end"
    }
  ],
  cost: (params: CostParams): number => (num(params, 'increments') + 1),
},
{
  "id": "async-tasks",
  "order": 13,
  "title": "Many small async tasks",
  "story": "async/await scheduling overhead: many coroutines that compute a little and yield, on the same round-robin scheduler written in each language (Python coroutines, Rust futures).",
  "output": "text",
  "chart": "bars",
  "parallel": false,
  "pool": null,
  "category": null,
  "differences": "The same round-robin scheduler in both languages: a queue of Rust futures, each boxed and polled, against a queue of Python coroutines, each resumed with send(). asyncio's own event loop, a heavier framework, runs the same tasks in the twin's extra async_tasks_asyncio.",
  "work_param": "tasks",
  "cost_model": {
    "units": "tasks * (steps + 1)",
    "python_ms_per_unit": 0.000779,
    "rust_ms_per_unit": 7.15e-06
  },
  "params": [
    {
      "name": "tasks",
      "type": "int",
      "default": 1000,
      "min": 1,
      "max": 1000000,
      "page_max_python": 20000,
      "page_max_rust": 1000000,
      "help": "how many coroutines, gathered"
    },
    {
      "name": "steps",
      "type": "int",
      "default": 20,
      "min": 0,
      "max": 40000,
      "page_max_python": 500,
      "page_max_rust": 40000,
      "help": "how many times each coroutine computes a step and yields"
    }
  ],
  cost: (params: CostParams): number => (num(params, 'tasks') * (num(params, 'steps') + 1)),
}
] as const satisfies readonly WorkloadSpec[];

export type WorkloadId = (typeof WORKLOADS)[number]['id'];
