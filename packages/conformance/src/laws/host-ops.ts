import type { HostArray } from '../host.js';

const product = (xs: readonly number[]): number => xs.reduce((a, b) => a * b, 1);

/**
 * Element `i` of `x` along `axis`, that axis removed: the argument one iteration of a loop sees.
 *
 * @example
 * ```ts
 * hostSlice(hostArray('float32', [2, 2], [1, 2, 3, 4]), 1, 0).data; // [1, 3]
 * ```
 */
export function hostSlice(x: HostArray, axis: number, i: number): HostArray {
  const d = x.shape[axis]!;
  const inner = product(x.shape.slice(axis + 1));
  const outer = product(x.shape.slice(0, axis));
  const data = x.data.slice(0, outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) data[o * inner + j] = x.data[(o * d + i) * inner + j]!;
  }
  return { dtype: x.dtype, shape: x.shape.filter((_, a) => a !== axis), data };
}

/**
 * float32 `xs` (of one shape) stacked along a new `axis`: what a loop's results become.
 *
 * @example
 * ```ts
 * hostStack([a, b], 1).shape; // [...a.shape.slice(0, 1), 2, ...a.shape.slice(1)]
 * ```
 */
export function hostStack(xs: readonly HostArray[], axis: number): HostArray {
  const first = xs[0]!;
  const n = xs.length;
  const inner = product(first.shape.slice(axis));
  const outer = product(first.shape.slice(0, axis));
  const data = new Float32Array(outer * n * inner);
  xs.forEach((x, k) => {
    for (let o = 0; o < outer; o++) {
      for (let j = 0; j < inner; j++) data[(o * n + k) * inner + j] = x.data[o * inner + j]!;
    }
  });
  return { dtype: first.dtype, shape: [...first.shape.slice(0, axis), n, ...first.shape.slice(axis)], data };
}
