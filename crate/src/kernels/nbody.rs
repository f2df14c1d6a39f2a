//! n-body: the Benchmarks Game's model of the Jovian planets, advanced with a simple
//! symplectic integrator. Operation for operation the same as the Python twin, so both
//! print the same energies to the last digit. The work digest is the exact bits of every
//! body's final position and velocity: one step fewer changes them, even where the energy
//! printed to nine decimals does not.

use super::Kernel;
use crate::{Digest, KernelError, Params, Run};
use std::f64::consts::PI;

const SOLAR_MASS: f64 = 4.0 * PI * PI;
const DAYS_PER_YEAR: f64 = 365.24;
const DT: f64 = 0.01;

#[derive(Clone, Copy)]
struct Body {
    pos: [f64; 3],
    vel: [f64; 3],
    mass: f64,
}

/// Sun, Jupiter, Saturn, Uranus, Neptune: positions in AU, velocities in AU per day
/// (scaled to AU per year), masses in solar masses (scaled so that G = 1). The literals are
/// the Benchmarks Game's, digit for digit (the same in the Python twin).
#[allow(clippy::excessive_precision)]
fn bodies() -> [Body; 5] {
    let planet = |pos: [f64; 3], vel: [f64; 3], mass: f64| Body {
        pos,
        vel: [
            vel[0] * DAYS_PER_YEAR,
            vel[1] * DAYS_PER_YEAR,
            vel[2] * DAYS_PER_YEAR,
        ],
        mass: mass * SOLAR_MASS,
    };
    [
        Body {
            pos: [0.0; 3],
            vel: [0.0; 3],
            mass: SOLAR_MASS,
        },
        // Jupiter
        planet(
            [
                4.84143144246472090e+00,
                -1.16032004402742839e+00,
                -1.03622044471123109e-01,
            ],
            [
                1.66007664274403694e-03,
                7.69901118419740425e-03,
                -6.90460016972063023e-05,
            ],
            9.54791938424326609e-04,
        ),
        // Saturn
        planet(
            [
                8.34336671824457987e+00,
                4.12479856412430479e+00,
                -4.03523417114321381e-01,
            ],
            [
                -2.76742510726862411e-03,
                4.99852801234917238e-03,
                2.30417297573763929e-05,
            ],
            2.85885980666130812e-04,
        ),
        // Uranus
        planet(
            [
                1.28943695621391310e+01,
                -1.51111514016986312e+01,
                -2.23307578892655734e-01,
            ],
            [
                2.96460137564761618e-03,
                2.37847173959480950e-03,
                -2.96589568540237556e-05,
            ],
            4.36624404335156298e-05,
        ),
        // Neptune
        planet(
            [
                1.53796971148509165e+01,
                -2.59193146099879641e+01,
                1.79258772950371181e-01,
            ],
            [
                2.68067772490389322e-03,
                1.62824170038242295e-03,
                -9.51592254519715870e-05,
            ],
            5.15138902046611451e-05,
        ),
    ]
}

/// Give the Sun the momentum that makes the system's total momentum zero.
fn offset_momentum(bodies: &mut [Body]) {
    let (mut px, mut py, mut pz) = (0.0, 0.0, 0.0);
    for b in bodies.iter() {
        px += b.vel[0] * b.mass;
        py += b.vel[1] * b.mass;
        pz += b.vel[2] * b.mass;
    }
    bodies[0].vel = [-px / SOLAR_MASS, -py / SOLAR_MASS, -pz / SOLAR_MASS];
}

/// Kinetic plus potential energy: each body's kinetic energy, then its pairs with later bodies.
fn energy(bodies: &[Body]) -> f64 {
    let mut e = 0.0;
    for (i, b) in bodies.iter().enumerate() {
        let [vx, vy, vz] = b.vel;
        e += 0.5 * b.mass * (vx * vx + vy * vy + vz * vz);
        for b2 in &bodies[i + 1..] {
            let dx = b.pos[0] - b2.pos[0];
            let dy = b.pos[1] - b2.pos[1];
            let dz = b.pos[2] - b2.pos[2];
            e -= b.mass * b2.mass / (dx * dx + dy * dy + dz * dz).sqrt();
        }
    }
    e
}

/// One step of `dt`: update every pair's velocities, then every position.
fn advance(bodies: &mut [Body], dt: f64) {
    for i in 0..bodies.len() {
        let (head, tail) = bodies.split_at_mut(i + 1);
        let b = &mut head[i];
        for b2 in tail.iter_mut() {
            let dx = b.pos[0] - b2.pos[0];
            let dy = b.pos[1] - b2.pos[1];
            let dz = b.pos[2] - b2.pos[2];
            let d2 = dx * dx + dy * dy + dz * dz;
            let mag = dt / (d2 * d2.sqrt());
            let b_mass_mag = b.mass * mag;
            let b2_mass_mag = b2.mass * mag;
            b.vel[0] -= dx * b2_mass_mag;
            b.vel[1] -= dy * b2_mass_mag;
            b.vel[2] -= dz * b2_mass_mag;
            b2.vel[0] += dx * b_mass_mag;
            b2.vel[1] += dy * b_mass_mag;
            b2.vel[2] += dz * b_mass_mag;
        }
    }
    for b in bodies.iter_mut() {
        b.pos[0] += dt * b.vel[0];
        b.pos[1] += dt * b.vel[1];
        b.pos[2] += dt * b.vel[2];
    }
}

/// The energy before and after `n` steps, each to nine decimals, one per line; and the
/// digest of the final state (positions, then velocities, body by body).
pub fn nbody(n: u64) -> (String, Digest) {
    let mut bodies = bodies();
    offset_momentum(&mut bodies);
    let before = energy(&bodies);
    for _ in 0..n {
        advance(&mut bodies, DT);
    }
    let mut work = Digest::new();
    for b in &bodies {
        for x in b.pos.iter().chain(&b.vel) {
            work.push_f64(*x);
        }
    }
    (format!("{before:.9}\n{:.9}", energy(&bodies)), work)
}

fn run(p: &Params) -> Result<Run, KernelError> {
    let (text, work) = nbody(p.u64("n")?);
    Ok(Run::text(text, work))
}

pub const KERNEL: Kernel = Kernel::sequential("nbody", run);

#[cfg(test)]
mod tests {
    use super::nbody;

    #[test]
    fn benchmarks_game_reference_output() {
        assert_eq!(nbody(1000).0, "-0.169075164\n-0.169087605");
    }

    #[test]
    fn zero_steps_conserve_energy_trivially() {
        assert_eq!(nbody(0).0, "-0.169075164\n-0.169075164");
    }

    #[test]
    fn less_work_changes_the_verified_pair() {
        // One step fewer changes the final state's bits.
        let (full, less) = (nbody(10_000), nbody(9_999));
        assert_ne!(full.1, less.1);
    }

    #[test]
    #[ignore = "the Benchmarks Game's full size, seconds in release: cargo test --release -- --ignored"]
    fn benchmarks_game_full_size() {
        assert_eq!(nbody(50_000_000).0, "-0.169075164\n-0.169059907");
    }
}
