import { Array, type ArrayLike } from '../array.js';
import { withBackend } from '../backend.js';
import { scalar } from '../creation.js';
import { resultType, weakTypeOf, type DType } from '../dtype.js';
import { EagerArray } from '../eager.js';
import { ShapeError } from '../errors.js';
import { cast } from '../lax/elementwise.js';
import { broadcastInDim } from '../lax/shape.js';
import { broadcastShapes, formatShape, shapeEqual, type Shape } from '../shape.js';

/** `x` as an array: a JS scalar becomes a scalar array (of `dtype`, else its weak type's default). */
export function asArray(x: ArrayLike, dtype?: DType): Array {
  if (x instanceof Array) return dtype === undefined ? x : cast(x, dtype);
  return scalar(x, dtype ?? resultType({ dtype: weakTypeOf(x), weak: true }));
}

/** The dtype numpy-style operations compute `xs` in (JAX's promotion, JS scalars weakly typed). */
export function promotedDType(xs: readonly ArrayLike[]): DType {
  return resultType(
    ...xs.map((x) =>
      x instanceof Array ? { dtype: x.dtype, weak: false } : { dtype: weakTypeOf(x), weak: true },
    ),
  );
}

/**
 * `numpy.broadcast_to`: `x` repeated along new leading axes and along its size-1 axes.
 *
 * @example
 * ```ts
 * ax.broadcastTo(ax.array([1, 2]), [3, 2]); // three rows of [1, 2]
 * ```
 */
export function broadcastTo(x: ArrayLike, shape: Shape): Array {
  const a = asArray(x);
  if (shapeEqual(a.shape, shape)) return a;
  const out = broadcastShapes('broadcastTo', a.shape, shape);
  if (!shapeEqual(out, shape)) {
    throw new ShapeError(
      `broadcastTo: cannot broadcast shape ${formatShape(a.shape)} to ${formatShape(shape)}`,
    );
  }
  const offset = shape.length - a.ndim;
  return broadcastInDim(
    a,
    shape,
    a.shape.map((_, i) => i + offset),
  );
}

/**
 * `xs` as they are when they are already arrays of one shape and one dtype (`dtype`, when given):
 * what promotion and broadcasting would return unchanged, found without building anything, since
 * it is the common case of every eager operation.
 */
function alreadyPromoted(xs: readonly ArrayLike[], dtype: DType | undefined): Array[] | undefined {
  const first = xs[0];
  if (!(first instanceof Array) || (dtype !== undefined && first.dtype !== dtype)) return undefined;
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i];
    if (!(x instanceof Array) || x.dtype !== first.dtype || !shapeEqual(x.shape, first.shape))
      return undefined;
  }
  return xs.slice() as Array[];
}

/**
 * Operands of a numpy-style elementwise operation, promoted to one dtype and broadcast to one
 * shape. `dtype` overrides the promoted dtype (e.g. float for `divide` of integers).
 */
export function promoteOperands(where: string, xs: readonly ArrayLike[], dtype?: DType): Array[] {
  const same = alreadyPromoted(xs, dtype);
  if (same) return same;
  const d = dtype ?? promotedDType(xs);
  const convert = (): Array[] => {
    const arrays = xs.map((x) => asArray(x, d));
    const shape = broadcastShapes(where, ...arrays.map((a) => a.shape));
    return arrays.map((a) => broadcastTo(a, shape));
  };
  // JS scalars become arrays where the array operands live, not on whatever backend is current.
  const home = xs.find((x): x is EagerArray => x instanceof EagerArray)?.backend;
  return home ? withBackend(home, convert) : convert();
}
