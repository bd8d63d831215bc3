import { sizeOf, type Shape } from '@addax/core';

/**
 * The 1-D lines of an array along `axis`: element `k` of line `(o, i)` is at flat index
 * `o * n * inner + k * inner + i`, for `o < outer`, `i < inner`, `k < n`.
 */
export interface Lanes {
  readonly outer: number;
  readonly n: number;
  readonly inner: number;
}

/** The lines of `shape` along `axis`. */
export function lanesOf(shape: Shape, axis: number): Lanes {
  return { outer: sizeOf(shape.slice(0, axis)), n: shape[axis]!, inner: sizeOf(shape.slice(axis + 1)) };
}

/** Calls `fn(start, stride)` for every line: its element `k` is at `start + k * stride`. */
export function forEachLane({ outer, n, inner }: Lanes, fn: (start: number, stride: number) => void): void {
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) fn(o * n * inner + i, inner);
  }
}
