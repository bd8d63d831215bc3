import { stridesOf, type Shape } from '@addax/core';

/**
 * The buffer offset of every index over `axes` of a row-major array of `shape`, in row-major order
 * of those axes: with one table per group of axes, an element's offset is a sum of table entries.
 *
 * @example
 * ```ts
 * offsetTable([2, 3], [1, 0]); // [0, 3, 1, 4, 2, 5]: axis 1 outer, axis 0 inner
 * ```
 */
export function offsetTable(shape: Shape, axes: readonly number[]): Int32Array {
  const strides = stridesOf(shape);
  let table = new Int32Array([0]);
  for (const axis of axes) {
    const size = shape[axis]!;
    const stride = strides[axis]!;
    const next = new Int32Array(table.length * size);
    for (let t = 0; t < table.length; t++) {
      for (let i = 0; i < size; i++) next[t * size + i] = table[t]! + i * stride;
    }
    table = next;
  }
  return table;
}

/**
 * Whether `axes` is `0, 1, ..., n-1`: the axes are already in buffer order.
 *
 * @example
 * ```ts
 * isIdentity([0, 1, 2]); // true
 * ```
 */
export function isIdentity(axes: readonly number[]): boolean {
  return axes.every((a, i) => a === i);
}
