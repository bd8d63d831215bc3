import { formatHost } from '../format.js';
import type { HostArray } from '../host.js';

/** Arrays of a law's input as its failure report prints them: `    x 0: float32[2] [1, 2]`. */
export function describeArrays(label: string, xs: readonly HostArray[]): string[] {
  return xs.map((x, i) => `    ${label} ${i}: ${formatHost(x)}`);
}
