/** Row-major strides: how far apart neighbours along each axis are in the flat buffer. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = shape.map(() => 1);
  for (let a = shape.length - 2; a >= 0; a--) strides[a] = strides[a + 1]! * shape[a + 1]!;
  return strides;
}

/** The number of elements of `shape`. */
export const sizeOf = (shape: readonly number[]): number => shape.reduce((n, d) => n * d, 1);

/**
 * Calls `visit(index, flat)` for every element of `shape` in row-major order, with its
 * multi-index (reused between calls: copy it to keep it) and its flat position.
 */
export function forEachIndex(shape: readonly number[], visit: (index: number[], flat: number) => void): void {
  const size = sizeOf(shape);
  const index = shape.map(() => 0);
  for (let flat = 0; flat < size; flat++) {
    visit(index, flat);
    for (let a = shape.length - 1; a >= 0; a--) {
      if (++index[a]! < shape[a]!) break;
      index[a] = 0;
    }
  }
}

/** The flat position of `index` given `strides`. */
export function flatten(index: readonly number[], strides: readonly number[]): number {
  let flat = 0;
  for (let a = 0; a < index.length; a++) flat += index[a]! * strides[a]!;
  return flat;
}
