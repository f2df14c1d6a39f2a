//! Native criterion benches (used by `make bench`): every kernel at its catalog default, the
//! same sequential variant the page's `rust` implementation runs, and mandelbrot at a large n
//! (the thread-scaling target), sequential and on rayon's threads. The `digest` group times
//! the work digests' own operations at the defaults, to set beside the kernels' times
//! (`cargo bench --bench kernels -- digest`).

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use std::hint::black_box;
use twinbench::catalog::{WORKLOADS, workload};
use twinbench::digest::term;
use twinbench::kernels::{self, Variant};
use twinbench::{Digest, Params};

fn kernels_at_defaults(c: &mut Criterion) {
    for w in WORKLOADS {
        let params = Params::defaults(w);
        c.bench_function(w.id, |b| {
            b.iter(|| kernels::run(black_box(&params), Variant::Sequential))
        });
    }
}

/// Mandelbrot at n = 4000 (`bench/run.mjs` measures rust-threads there): a second per call,
/// so ten flat samples of one call each.
fn mandelbrot_large(c: &mut Criterion) {
    let spec = workload("mandelbrot").expect("mandelbrot is in the catalog");
    let params = Params::from_json(spec, r#"{"n": 4000}"#).expect("n = 4000 is valid");
    let mut g = c.benchmark_group("mandelbrot-4000");
    g.sampling_mode(SamplingMode::Flat).sample_size(10);
    for (name, variant) in [
        ("sequential", Variant::Sequential),
        ("parallel", Variant::Parallel),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| kernels::run(black_box(&params), variant))
        });
    }
    g.finish();
}

/// Every workload with a rayon variant, at its catalog defaults, sequential and on rayon's
/// global pool (one thread per core): the native speedup that bounds the page's thread targets
/// (`bench/sections/threads.mjs` reads `threads-<id>/{sequential,parallel}`).
fn threads_at_defaults(c: &mut Criterion) {
    for w in WORKLOADS.iter().filter(|w| w.parallel) {
        let params = Params::defaults(w);
        let mut g = c.benchmark_group(format!("threads-{}", w.id));
        for (name, variant) in [
            ("sequential", Variant::Sequential),
            ("parallel", Variant::Parallel),
        ] {
            g.bench_function(name, |b| {
                b.iter(|| kernels::run(black_box(&params), variant))
            });
        }
        g.finish();
    }
}

/// The digest operations each kernel adds, at its catalog defaults.
fn digests_at_defaults(c: &mut Criterion) {
    let mut g = c.benchmark_group("digest");
    // orders-json: the JSON of 10,000 orders (about 1.15 MB), Adler-32 and length, and the total.
    let json = kernels::orders_json::orders_to_json(10_000, 42).expect("orders serialise");
    g.bench_function("orders-json", |b| {
        b.iter(|| *Digest::new().push_bytes(black_box(&json)).push(1))
    });
    // spectral-norm: u and v, 100 floats each.
    let floats: Vec<f64> = (0..200).map(|i| f64::from(i) / 7.0).collect();
    g.bench_function("spectral-norm", |b| {
        b.iter(|| {
            let mut d = Digest::new();
            black_box(&floats).iter().for_each(|x| {
                d.push_f64(*x);
            });
            d
        })
    });
    // binary-trees at n = 12: 4096 + 1024 + 256 + 64 + 16 trees, a term each.
    g.bench_function("binary-trees", |b| {
        b.iter(|| (0..5456u64).fold(0u64, |w, i| w.wrapping_add(term(i, black_box(31)))))
    });
    // fib-memo at n = 150: the answer's two limbs.
    let answer = kernels::fib_memo::fib_memo(150).expect("fib(150) fits u128");
    g.bench_function("fib-memo", |b| b.iter(|| Digest::of_int(black_box(answer))));
    g.finish();
}

criterion_group!(
    benches,
    kernels_at_defaults,
    mandelbrot_large,
    threads_at_defaults,
    digests_at_defaults
);
criterion_main!(benches);
