//! Native criterion benches: every kernel at its catalog default (used by `make bench`).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use twinbench::Params;
use twinbench::catalog::WORKLOADS;
use twinbench::kernels::{self, Variant};

fn kernels_at_defaults(c: &mut Criterion) {
    for w in WORKLOADS {
        let params = Params::defaults(w);
        c.bench_function(w.id, |b| {
            b.iter(|| kernels::run(black_box(&params), Variant::Sequential))
        });
    }
}

criterion_group!(benches, kernels_at_defaults);
criterion_main!(benches);
