import type { Array, ArrayLike } from '../array.js';
import { op } from '../eager.js';
import { ParameterError, ShapeError } from '../errors.js';
import { reshape as laxReshape, transpose as laxTranspose } from '../lax/shape.js';
import { formatShape, normalizeAxes, normalizeAxis, type Shape } from '../shape.js';
import { asArray } from './convert.js';

/** One axis or several, as numpy-style functions take them. */
export type Axes = number | readonly number[];

const asList = (axes: Axes): readonly number[] => (typeof axes === 'number' ? [axes] : axes);

/**
 * `jnp.reshape`: the same elements in row-major order under `shape`; one entry may be -1, meaning
 * whatever size makes the element count match.
 *
 * @example
 * ```ts
 * ax.reshape(ax.arange(6), [2, -1]); // [[0, 1, 2], [3, 4, 5]]
 * ax.reshape(ax.arange(6), -1);      // [0, 1, 2, 3, 4, 5]
 * ```
 */
export const reshape = op((x: ArrayLike, shape: number | Shape): Array => {
  const a = asArray(x);
  const requested = typeof shape === 'number' ? [shape] : shape;
  const unknown = requested.filter((d) => d === -1).length;
  if (unknown > 1)
    throw new ParameterError(`reshape: only one -1 is allowed in shape ${formatShape(requested)}`);
  if (requested.some((d) => !Number.isInteger(d) || d < -1)) {
    throw new ShapeError(
      `reshape: invalid shape ${formatShape(requested)}; sizes are non-negative integers or one -1`,
    );
  }
  const known = requested.reduce((p, d) => (d === -1 ? p : p * d), 1);
  const cannot = (): ShapeError =>
    new ShapeError(
      `reshape: cannot reshape ${a.aval.describe()} (${a.size} elements) into shape ${formatShape(requested)}`,
    );
  if (unknown === 0) {
    if (known !== a.size) throw cannot();
    return laxReshape(a, requested);
  }
  if (known === 0 || a.size % known !== 0) throw cannot();
  return laxReshape(
    a,
    requested.map((d) => (d === -1 ? a.size / known : d)),
  );
});

/**
 * `jnp.ravel`: the elements as a 1-D array, in row-major order.
 *
 * @example
 * ```ts
 * ax.ravel(ax.array([[1, 2], [3, 4]])); // [1, 2, 3, 4]
 * ```
 */
export const ravel = op((x: ArrayLike): Array => {
  const a = asArray(x);
  return laxReshape(a, [a.size]);
});

/**
 * `jnp.transpose`: permutes the axes; output axis `i` is input axis `axes[i]` (negative axes count
 * from the end). Without `axes` the order is reversed.
 *
 * @example
 * ```ts
 * ax.transpose(ax.zeros([2, 3, 4])).shape;             // [4, 3, 2]
 * ax.transpose(ax.zeros([2, 3, 4]), [0, -1, 1]).shape; // [2, 4, 3]
 * ```
 */
export const transpose = op((x: ArrayLike, axes?: readonly number[]): Array => {
  const a = asArray(x);
  if (axes === undefined) return laxTranspose(a, [...a.shape.keys()].reverse());
  return laxTranspose(
    a,
    axes.map((ax) => normalizeAxis(ax, a.ndim, 'transpose', 'axes entry')),
  );
});

/**
 * `jnp.swapaxes`: exchanges two axes.
 *
 * @example
 * ```ts
 * ax.swapaxes(ax.zeros([2, 3, 4]), 0, -1).shape; // [4, 3, 2]
 * ```
 */
export const swapaxes = op((x: ArrayLike, axis1: number, axis2: number): Array => {
  const a = asArray(x);
  const i = normalizeAxis(axis1, a.ndim, 'swapaxes', 'axis1');
  const j = normalizeAxis(axis2, a.ndim, 'swapaxes', 'axis2');
  const perm = [...a.shape.keys()];
  perm[i] = j;
  perm[j] = i;
  return laxTranspose(a, perm);
});

/**
 * `jnp.moveaxis`: moves axes `source` to positions `destination`, the others keeping their order.
 *
 * @example
 * ```ts
 * ax.moveaxis(ax.zeros([2, 3, 4]), 0, -1).shape;          // [3, 4, 2]
 * ax.moveaxis(ax.zeros([2, 3, 4]), [0, 1], [2, 0]).shape; // [3, 4, 2]
 * ```
 */
export const moveaxis = op((x: ArrayLike, source: Axes, destination: Axes): Array => {
  const a = asArray(x);
  const src = normalizeAxes(asList(source), a.ndim, 'moveaxis', 'source');
  const dst = normalizeAxes(asList(destination), a.ndim, 'moveaxis', 'destination');
  if (src.length !== dst.length) {
    throw new ParameterError(
      `moveaxis: source ${formatShape(src)} and destination ${formatShape(dst)} must have the same number of axes`,
    );
  }
  const rest = [...a.shape.keys()].filter((i) => !src.includes(i));
  const perm: number[] = [];
  for (let i = 0; i < a.ndim; i++) {
    const k = dst.indexOf(i);
    perm.push(k >= 0 ? src[k]! : rest.shift()!);
  }
  return laxTranspose(a, perm);
});

/**
 * `jnp.squeeze`: removes axes of size 1: those in `axis`, or all of them when it is omitted.
 *
 * @example
 * ```ts
 * ax.squeeze(ax.zeros([1, 3, 1])).shape;     // [3]
 * ax.squeeze(ax.zeros([1, 3, 1]), -1).shape; // [1, 3]
 * ```
 */
export const squeeze = op((x: ArrayLike, axis?: Axes): Array => {
  const a = asArray(x);
  const axes =
    axis === undefined
      ? [...a.shape.keys()].filter((i) => a.shape[i] === 1)
      : normalizeAxes(asList(axis), a.ndim, 'squeeze', 'axis');
  for (const i of axes) {
    if (a.shape[i] !== 1) {
      throw new ShapeError(
        `squeeze: cannot squeeze axis ${i} of ${a.aval.describe()}: its size is ${a.shape[i]}, not 1`,
      );
    }
  }
  return laxReshape(
    a,
    a.shape.filter((_, i) => !axes.includes(i)),
  );
});

/**
 * `jnp.expand_dims`: inserts axes of size 1 so that they sit at positions `axis` of the result
 * (negative positions count from the end of the result).
 *
 * @example
 * ```ts
 * ax.expandDims(ax.zeros([2, 3]), 0).shape;       // [1, 2, 3]
 * ax.expandDims(ax.zeros([2, 3]), [0, -1]).shape; // [1, 2, 3, 1]
 * ```
 */
export const expandDims = op((x: ArrayLike, axis: Axes): Array => {
  const a = asArray(x);
  const axes = asList(axis);
  const ndim = a.ndim + axes.length;
  const inserted = normalizeAxes(axes, ndim, 'expandDims', 'axis');
  const rest = [...a.shape];
  const shape: number[] = [];
  for (let i = 0; i < ndim; i++) shape.push(inserted.includes(i) ? 1 : rest.shift()!);
  return laxReshape(a, shape);
});

/** `x` with leading axes of size 1 added up to `ndim` axes. */
function withLeadingAxes(x: ArrayLike, ndim: number): Array {
  const a = asArray(x);
  if (a.ndim >= ndim) return a;
  return laxReshape(a, [...(new globalThis.Array(ndim - a.ndim).fill(1) as number[]), ...a.shape]);
}

/**
 * `jnp.atleast_1d`: a scalar as a 1-element array; other arrays unchanged.
 *
 * @example
 * ```ts
 * ax.atleast1d(5).shape; // [1]
 * ```
 */
export const atleast1d = op((x: ArrayLike): Array => withLeadingAxes(x, 1));

/**
 * `jnp.atleast_2d`: a scalar as `[1, 1]`, a 1-D array as a row `[1, n]`; others unchanged.
 *
 * @example
 * ```ts
 * ax.atleast2d(ax.array([1, 2])).shape; // [1, 2]
 * ```
 */
export const atleast2d = op((x: ArrayLike): Array => withLeadingAxes(x, 2));
