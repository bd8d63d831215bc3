import type { Array, ArrayLike } from '../array.js';
import { op } from '../eager.js';
import { ParameterError, ShapeError } from '../errors.js';
import { concatenate as laxConcatenate, reshape, slice } from '../lax/shape.js';
import { formatShape, normalizeAxis, shapeEqual } from '../shape.js';
import { asArray, promotedDType } from './convert.js';
import { atleast1d, atleast2d, expandDims } from './shape.js';

/** `xs` as arrays of their promoted dtype, or an error if there are none. */
function promoted(where: string, xs: readonly ArrayLike[]): Array[] {
  if (xs.length === 0) throw new ParameterError(`${where}: needs at least one array`);
  const dtype = promotedDType(xs);
  return xs.map((x) => asArray(x, dtype));
}

/**
 * `jnp.concatenate`: the arrays joined along an existing `axis` (default 0; negative counts from
 * the end; `null` joins them flattened). Dtypes are promoted as in arithmetic.
 *
 * @example
 * ```ts
 * ax.concatenate([ax.array([[1, 2]]), ax.array([[3, 4]])]);    // [[1, 2], [3, 4]]
 * ax.concatenate([ax.array([[1, 2]]), ax.array([[3]])], -1);    // [[1, 2, 3]]
 * ```
 */
export const concatenate = op((xs: readonly ArrayLike[], axis: number | null = 0): Array => {
  const where = 'concatenate';
  const arrays = promoted(where, xs);
  if (axis === null)
    return laxConcatenate(
      arrays.map((a) => reshape(a, [a.size])),
      0,
    );
  if (arrays.some((a) => a.ndim === 0)) {
    throw new ShapeError(`${where}: zero-dimensional arrays cannot be concatenated; use stack`);
  }
  return laxConcatenate(arrays, normalizeAxis(axis, arrays[0]!.ndim, where));
});

/**
 * `jnp.stack`: arrays of one shape joined along a new `axis` (default 0) of the result.
 *
 * @example
 * ```ts
 * ax.stack([ax.array([1, 2]), ax.array([3, 4])], 1); // [[1, 3], [2, 4]]
 * ```
 */
export const stack = op((xs: readonly ArrayLike[], axis: number = 0): Array => {
  const where = 'stack';
  const arrays = promoted(where, xs);
  const first = arrays[0]!;
  if (!arrays.every((a) => shapeEqual(a.shape, first.shape))) {
    throw new ShapeError(
      `${where}: all arrays must have the same shape, got ${arrays.map((a) => formatShape(a.shape)).join(', ')}`,
    );
  }
  const at = normalizeAxis(axis, first.ndim + 1, where);
  return laxConcatenate(
    arrays.map((a) => expandDims(a, at)),
    at,
  );
});

/**
 * `jnp.hstack`: 1-D arrays (and scalars) joined end to end; others along axis 1.
 *
 * @example
 * ```ts
 * ax.hstack([ax.array([1, 2]), 3]); // [1, 2, 3]
 * ```
 */
export const hstack = op((xs: readonly ArrayLike[]): Array => {
  const arrays = promoted('hstack', xs).map((a) => atleast1d(a));
  return concatenate(arrays, arrays[0]!.ndim === 1 ? 0 : 1);
});

/**
 * `jnp.vstack`: arrays joined along axis 0, 1-D arrays (and scalars) taken as rows.
 *
 * @example
 * ```ts
 * ax.vstack([ax.array([1, 2]), ax.array([3, 4])]); // [[1, 2], [3, 4]]
 * ```
 */
export const vstack = op((xs: readonly ArrayLike[]): Array =>
  concatenate(
    promoted('vstack', xs).map((a) => atleast2d(a)),
    0,
  ),
);

/**
 * `jnp.split`: `x` cut along `axis` (default 0) into `sections` equal parts, or at the given
 * `indices`. Indices follow numpy's slice rules: negative ones count from the end, they are
 * clipped to the axis, and a decreasing pair gives an empty part.
 *
 * @example
 * ```ts
 * ax.split(ax.arange(6), 3);         // [[0, 1], [2, 3], [4, 5]]
 * ax.split(ax.arange(6), [1, 4]);    // [[0], [1, 2, 3], [4, 5]]
 * ```
 */
export const split = op(
  (x: ArrayLike, indicesOrSections: number | readonly number[], axis: number = 0): Array[] => {
    const where = 'split';
    const a = asArray(x);
    if (a.ndim === 0) throw new ShapeError(`${where}: cannot split a zero-dimensional array`);
    const at = normalizeAxis(axis, a.ndim, where);
    const n = a.shape[at]!;
    let bounds: number[];
    if (typeof indicesOrSections === 'number') {
      const sections = indicesOrSections;
      if (!Number.isInteger(sections) || sections < 1) {
        throw new ParameterError(
          `${where}: the number of sections must be a positive integer, got ${sections}`,
        );
      }
      if (n % sections !== 0) {
        throw new ShapeError(
          `${where}: axis ${at} of ${a.aval.describe()} (size ${n}) does not divide into ${sections} equal sections`,
        );
      }
      bounds = globalThis.Array.from({ length: sections + 1 }, (_, i) => (i * n) / sections);
    } else {
      if (indicesOrSections.some((i) => !Number.isInteger(i))) {
        throw new ParameterError(`${where}: indices ${formatShape(indicesOrSections)} must be integers`);
      }
      const clip = (i: number): number => Math.min(Math.max(i < 0 ? i + n : i, 0), n);
      bounds = [0, ...indicesOrSections.map(clip), n];
    }
    const parts: Array[] = [];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const start = bounds[k]!;
      const stop = Math.max(start, bounds[k + 1]!);
      parts.push(
        slice(
          a,
          a.shape.map((_, i) => (i === at ? start : 0)),
          a.shape.map((d, i) => (i === at ? stop : d)),
        ),
      );
    }
    return parts;
  },
);
