"""trajectory: a projectile with quadratic air drag, integrated in `steps` equal steps.

Initial conditions: launched from (0, 0) at 50 m/s and 45 degrees, so
vx = vy = 50 * sqrt(0.5) (sqrt is correctly rounded everywhere, unlike sin and cos).
Gravity g = 9.81 m/s^2, drag coefficient k = 0.01 per metre (drag force over mass),
simulated for a fixed 5.25 s (the projectile lands at about 5.27 s), so dt = 5.25 / steps:
more steps means a finer trajectory, never a longer one.

Each step is semi-implicit Euler, in exactly this order (the same float operations as the
Rust twin, `crate/src/kernels/trajectory.rs`, so the results are bit-identical):

    speed = sqrt(vx * vx + vy * vy)
    drag = k * speed
    vx = vx + (-drag * vx) * dt
    vy = vy + (-g - drag * vy) * dt
    x = x + vx * dt
    y = y + vy * dt

`trajectory_points` returns every point, the start included (steps + 1 points), as a flat
list [x0, y0, x1, y1, ...]. The canonical output is the final point, the greatest height and
the number of points, `x=...\\ny=...\\nmax_y=...\\npoints=...`, to 9 decimals; the work digest
folds in the exact bits of the final point and the greatest height, and the number of
points. The final point depends on every step.

When Python calls Rust (`twinbench.rust.trajectory`), Rust computes the points and returns
them all (a Float64Array, copied into Python's memory as bytes), and `summary` here turns them
into the same output: the points cross the boundary.
"""

import math
from collections.abc import Sequence

from twinbench.digest import Digest

G = 9.81
K = 0.01
V0 = 50.0
DURATION = 5.25


def trajectory_points(steps: int) -> list[float]:
    """Every point of the trajectory, flat: x0, y0, x1, y1, ... (2 * (steps + 1) numbers)."""
    dt = DURATION / steps
    x, y = 0.0, 0.0
    vx = V0 * math.sqrt(0.5)
    vy = vx
    points = [x, y]
    for _ in range(steps):
        speed = math.sqrt(vx * vx + vy * vy)
        drag = K * speed
        vx += (-drag * vx) * dt
        vy += (-G - drag * vy) * dt
        x += vx * dt
        y += vy * dt
        points.append(x)
        points.append(y)
    return points


def summary(points: Sequence[float]) -> tuple[str, str]:
    """The canonical summary of a flat sequence of points (a list, or an array of doubles)
    and its digest."""
    x, y = points[-2], points[-1]
    max_y = max(points[1::2])
    count = len(points) // 2
    work = Digest().push_f64(x).push_f64(y).push_f64(max_y).push(count)
    return f"x={x:.9f}\ny={y:.9f}\nmax_y={max_y:.9f}\npoints={count}", work.hex()


def trajectory(steps: int) -> tuple[str, str]:
    return summary(trajectory_points(steps))
