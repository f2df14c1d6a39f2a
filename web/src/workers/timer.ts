// The timer tick as code in this context sees it: performance.now() is coarsened to 5 us
// with cross-origin isolation and to 100 us (or more) without.

/** The smallest nonzero step of performance.now(), in ms, over a few hundred steps. */
export function measureTimerTick(steps = 200): number {
  let smallest = Number.POSITIVE_INFINITY;
  let last = performance.now();
  for (let seen = 0; seen < steps; ) {
    const now = performance.now();
    if (now !== last) {
      smallest = Math.min(smallest, now - last);
      last = now;
      seen++;
    }
  }
  return smallest;
}
