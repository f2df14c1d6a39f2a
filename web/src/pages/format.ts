// Numbers as the page shows them.

export function ms(x: number): string {
  if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
  if (x >= 10) return `${x.toFixed(1)} ms`;
  if (x >= 0.1) return `${x.toFixed(2)} ms`;
  return `${(x * 1000).toFixed(2)} µs`;
}

export function ratio(x: number): string {
  return x >= 10 ? `${x.toFixed(0)}×` : `${x.toFixed(2)}×`;
}
