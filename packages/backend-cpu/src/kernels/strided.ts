import type { Shape, TypedArray } from '@addax/core';

/**
 * Advances the multi-index `index` of `shape` to the next element in row-major order, wrapping to
 * all zeros after the last one.
 */
export function nextIndex(index: number[], shape: Shape): void {
  for (let a = shape.length - 1; a >= 0; a--) {
    if (++index[a]! < shape[a]!) return;
    index[a] = 0;
  }
}

/**
 * Writes into `dst`, in row-major order over `shape`, the elements of `src` at
 * `base + sum(index[a] * strides[a])`: transpose, slice and rev are this with different strides.
 */
export function copyStrided(
  src: TypedArray,
  dst: TypedArray,
  shape: Shape,
  strides: readonly number[],
  base: number,
): void {
  const index = shape.map(() => 0);
  for (let o = 0; o < dst.length; o++) {
    let offset = base;
    for (let a = 0; a < shape.length; a++) offset += index[a]! * strides[a]!;
    dst[o] = src[offset]!;
    nextIndex(index, shape);
  }
}
