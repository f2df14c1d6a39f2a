"""n-body: the Benchmarks Game's model of the Jovian planets, advanced with a simple
symplectic integrator. Operation for operation the same as the Rust kernel, so both print
the same energies to the last digit. The work digest is the exact bits of every body's final
position and velocity: one step fewer changes them."""

from __future__ import annotations

from math import pi, sqrt

from twinbench.digest import Digest

SOLAR_MASS = 4.0 * pi * pi
DAYS_PER_YEAR = 365.24
DT = 0.01

# A body is [position, velocity, mass]; position and velocity are [x, y, z] lists.
Body = tuple[list[float], list[float], float]


def planet(pos: list[float], vel: list[float], mass: float) -> Body:
    return pos, [v * DAYS_PER_YEAR for v in vel], mass * SOLAR_MASS


def make_bodies() -> list[Body]:
    """Sun, Jupiter, Saturn, Uranus, Neptune: the Benchmarks Game's literals, digit for digit."""
    return [
        ([0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS),
        planet(  # Jupiter
            [4.84143144246472090e00, -1.16032004402742839e00, -1.03622044471123109e-01],
            [1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05],
            9.54791938424326609e-04,
        ),
        planet(  # Saturn
            [8.34336671824457987e00, 4.12479856412430479e00, -4.03523417114321381e-01],
            [-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05],
            2.85885980666130812e-04,
        ),
        planet(  # Uranus
            [1.28943695621391310e01, -1.51111514016986312e01, -2.23307578892655734e-01],
            [2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05],
            4.36624404335156298e-05,
        ),
        planet(  # Neptune
            [1.53796971148509165e01, -2.59193146099879641e01, 1.79258772950371181e-01],
            [2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05],
            5.15138902046611451e-05,
        ),
    ]


def offset_momentum(bodies: list[Body]) -> None:
    """Give the Sun the momentum that makes the system's total momentum zero."""
    px = py = pz = 0.0
    for _, (vx, vy, vz), m in bodies:
        px += vx * m
        py += vy * m
        pz += vz * m
    sun_vel = bodies[0][1]
    sun_vel[0] = -px / SOLAR_MASS
    sun_vel[1] = -py / SOLAR_MASS
    sun_vel[2] = -pz / SOLAR_MASS


def energy(bodies: list[Body]) -> float:
    """Kinetic plus potential energy: each body's kinetic energy, then its pairs with later bodies."""
    e = 0.0
    for i, ((x1, y1, z1), (vx, vy, vz), m1) in enumerate(bodies):
        e += 0.5 * m1 * (vx * vx + vy * vy + vz * vz)
        for (x2, y2, z2), _, m2 in bodies[i + 1 :]:
            dx = x1 - x2
            dy = y1 - y2
            dz = z1 - z2
            e -= m1 * m2 / sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(bodies: list[Body], pairs: list[tuple[Body, Body]], dt: float, steps: int) -> None:
    """`steps` steps of `dt`: each updates every pair's velocities, then every position."""
    for _ in range(steps):
        for ([x1, y1, z1], v1, m1), ([x2, y2, z2], v2, m2) in pairs:
            dx = x1 - x2
            dy = y1 - y2
            dz = z1 - z2
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * sqrt(d2))
            m1_mag = m1 * mag
            m2_mag = m2 * mag
            v1[0] -= dx * m2_mag
            v1[1] -= dy * m2_mag
            v1[2] -= dz * m2_mag
            v2[0] += dx * m1_mag
            v2[1] += dy * m1_mag
            v2[2] += dz * m1_mag
        for pos, (vx, vy, vz), _ in bodies:
            pos[0] += dt * vx
            pos[1] += dt * vy
            pos[2] += dt * vz


def nbody(n: int) -> tuple[str, str]:
    """The energy before and after `n` steps, each to nine decimals, one per line; and the
    digest of the final state (positions, then velocities, body by body)."""
    bodies = make_bodies()
    pairs = [(b1, b2) for i, b1 in enumerate(bodies) for b2 in bodies[i + 1 :]]
    offset_momentum(bodies)
    before = energy(bodies)
    advance(bodies, pairs, DT, n)
    work = Digest()
    for pos, vel, _ in bodies:
        work.push_f64s(pos).push_f64s(vel)
    return f"{before:.9f}\n{energy(bodies):.9f}", work.hex()
