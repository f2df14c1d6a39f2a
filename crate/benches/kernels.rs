//! Native criterion benches (used by `make bench`): every kernel at its catalog default, the
//! same sequential variant the page's `rust` implementation runs, and mandelbrot at a large n
//! (the thread-scaling target), sequential and on rayon's threads.

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use std::hint::black_box;
use twinbench::Params;
use twinbench::catalog::{WORKLOADS, workload};
use twinbench::kernels::{self, Variant};

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

criterion_group!(benches, kernels_at_defaults, mandelbrot_large);
criterion_main!(benches);
