//! trajectory: a projectile with quadratic air drag, integrated in `steps` equal steps.
//!
//! Initial conditions: launched from (0, 0) at 50 m/s and 45 degrees, so
//! vx = vy = 50 * sqrt(0.5) (sqrt is correctly rounded everywhere, unlike sin and cos).
//! Gravity g = 9.81 m/s^2, drag coefficient k = 0.01 per metre (drag force over mass),
//! simulated for a fixed 5.25 s (the projectile lands at about 5.27 s), so
//! dt = 5.25 / steps: more steps means a finer trajectory, never a longer one.
//!
//! Each step is semi-implicit Euler, in exactly this order (no fused multiply-add):
//!
//! ```text
//! speed = sqrt(vx * vx + vy * vy)
//! drag = k * speed
//! vx = vx + (-drag * vx) * dt
//! vy = vy + (-g - drag * vy) * dt
//! x = x + vx * dt
//! y = y + vy * dt
//! ```
//!
//! `trajectory_points` returns every point, the start included (steps + 1 points), as a flat
//! `[x0, y0, x1, y1, ...]`. The canonical output is the final point, the greatest height and
//! the number of points, `x=...\ny=...\nmax_y=...\npoints=...`, to 9 decimals; the work
//! digest folds in the exact bits of the final point and the greatest height, and the number
//! of points. The final point depends on every step: one step fewer changes its bits, even
//! where nine decimals do not. The twin is `twinbench/kernels/trajectory.py`; when Python
//! calls Rust, Rust returns every point (`bindings::trajectory_points`) and Python computes
//! the summary, so the points cross the boundary.

use super::Kernel;
use crate::{Digest, KernelError, Params, Run};

pub const G: f64 = 9.81;
pub const K: f64 = 0.01;
pub const V0: f64 = 50.0;
pub const DURATION: f64 = 5.25;

/// Every point of the trajectory, flat: x0, y0, x1, y1, ... (2 * (steps + 1) numbers).
pub fn trajectory_points(steps: usize) -> Vec<f64> {
    let dt = DURATION / steps as f64; // exact: steps is far below 2^53
    let (mut x, mut y) = (0.0f64, 0.0f64);
    let mut vx = V0 * 0.5f64.sqrt();
    let mut vy = vx;
    let mut points = Vec::with_capacity(2 * (steps + 1));
    points.extend([x, y]);
    for _ in 0..steps {
        let speed = (vx * vx + vy * vy).sqrt();
        let drag = K * speed;
        vx += (-drag * vx) * dt;
        vy += (-G - drag * vy) * dt;
        x += vx * dt;
        y += vy * dt;
        points.extend([x, y]);
    }
    points
}

/// The canonical summary of a flat list of points (at least one point), and its digest.
pub fn summary(points: &[f64]) -> Run {
    let (x, y) = (points[points.len() - 2], points[points.len() - 1]);
    let max_y = points
        .iter()
        .skip(1)
        .step_by(2)
        .copied()
        .fold(f64::NEG_INFINITY, f64::max);
    let count = points.len() / 2;
    Run::text(
        format!("x={x:.9}\ny={y:.9}\nmax_y={max_y:.9}\npoints={count}"),
        *Digest::new()
            .push_f64(x)
            .push_f64(y)
            .push_f64(max_y)
            .push(count as u64),
    )
}

/// The most steps: their points (16 bytes each) must fit the threaded build's 1 GiB.
pub const MAX_STEPS: usize = 1 << 25;

/// The number of steps: at least one (dt = 5.25 / steps).
pub fn steps(p: &Params) -> Result<usize, KernelError> {
    p.usize_in("steps", 1, MAX_STEPS)
}

pub const KERNEL: Kernel =
    Kernel::sequential("trajectory", |p| Ok(summary(&trajectory_points(steps(p)?))));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_step_by_hand() {
        // dt = 5.25; v = 25*sqrt(2) per axis, speed exactly 50 (to rounding), drag 0.5.
        let pts = trajectory_points(1);
        assert_eq!(pts.len(), 4);
        assert_eq!(&pts[..2], &[0.0, 0.0]);
        let v = 50.0 * 0.5f64.sqrt();
        let speed = (v * v + v * v).sqrt();
        let vx = v + (-(0.01 * speed) * v) * 5.25;
        let vy = v + (-9.81 - 0.01 * speed * v) * 5.25;
        assert_eq!(pts[2], vx * 5.25);
        assert_eq!(pts[3], vy * 5.25);
        // By hand: vx = 35.355339 - 0.5*35.355339*5.25 = -57.452426 (Euler with dt this big
        // overshoots), x = -301.625; vy = vx - 9.81*5.25 = -108.954926, y = -572.013361.
        assert!((pts[2] - -301.625_24).abs() < 1e-3, "{}", pts[2]);
        assert!((pts[3] - -572.013_36).abs() < 1e-3, "{}", pts[3]);
    }

    #[test]
    fn summary_of_a_real_flight() {
        let pts = trajectory_points(10_000);
        assert_eq!(pts.len(), 2 * 10_001);
        let run = summary(&pts);
        let s = run.output.as_text().unwrap();
        // Lands at about 5.27 s, 97 m away, after climbing about 34.7 m (checked against an
        // independent integration with dt = 1e-4 that stops at the ground).
        let max_y: f64 = s.lines().nth(2).unwrap()[6..].parse().unwrap();
        assert!((max_y - 34.73).abs() < 0.05, "{s}");
        let y: f64 = s.lines().nth(1).unwrap()[2..].parse().unwrap();
        assert!(y > 0.0 && y < 1.0, "{s}");
    }

    #[test]
    fn less_work_changes_the_verified_pair() {
        // The last step skipped (the point count kept by repeating the start point).
        let pts = trajectory_points(100_000);
        let mut less = pts[..pts.len() - 2].to_vec();
        less.splice(0..0, [0.0, 0.0]);
        assert_ne!(summary(&pts).work, summary(&less).work);
    }
}
