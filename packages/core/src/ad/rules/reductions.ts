import type { Array } from '../../array.js';
import type { ShapeDtype } from '../../aval.js';
import { div, mul } from '../../lax/arithmetic.js';
import { eq } from '../../lax/comparison.js';
import { cast } from '../../lax/conversion.js';
import * as lax from '../../lax/reductions.js';
import { broadcastInDim } from '../../lax/shape.js';
import { Zero, type JvpRule } from '../../primitive.js';
import type { AxesParams } from '../../primitives/params.js';
import { sizeOf } from '../../shape.js';
import { keptAxes, productCofactors } from './reductions-products.js';
import { sortJvp } from './reductions-sort.js';
import type { ReductionName } from './reductions-names.js';
import type { JvpTable, TransposeTable } from './types.js';

/**
 * The jvp of a one-operand primitive: `tangent(x, t, y)` gives the output tangent for a nonzero
 * tangent `t` of `x`, with `y` the primal output (null: the output has no tangent); a zero tangent
 * stays symbolic.
 */
function unaryJvp<P>(
  primal: (x: Array, params: P) => Array,
  tangent: ((x: Array, t: Array, y: Array, params: P) => Array | Zero) | null,
): JvpRule<P> {
  return ([x], [t], params) => {
    const y = primal(x!, params);
    return [[y], [t instanceof Zero || !tangent ? new Zero(y.aval) : tangent(x!, t!, y, params)]];
  };
}

/** A primitive linear in its one operand: its tangent is the primitive applied to the tangent. */
function linearJvp<P>(f: (x: Array, params: P) => Array): JvpRule<P> {
  return unaryJvp(f, (_, t, __, params) => f(t, params));
}

/** A primitive whose integer or bool output has no tangent. */
function constantJvp<P>(f: (x: Array, params: P) => Array): JvpRule<P> {
  return unaryJvp(f, null);
}

/** Whether a reduction of `x` over `axes` reduces no elements (its result is a constant). */
function reducesNothing(x: Array, { axes }: AxesParams): boolean {
  return sizeOf(axes.map((a) => x.shape[a]!)) === 0;
}

/**
 * JAX's `_reduce_chooser_jvp_rule` for max and min: the tangent at the elements equal to the
 * result, averaged over ties. The indicator and its count come from primals only, so the tangent
 * is `reduceSum(t * indicator) / count`, linear in `t`.
 */
function chooserJvp(reduce: (x: Array, axes: readonly number[]) => Array): JvpRule<AxesParams> {
  return unaryJvp(
    (x, { axes }) => reduce(x, axes),
    (x, t, y, params) => {
      if (reducesNothing(x, params)) return new Zero(y.aval);
      const { axes } = params;
      const chosen = cast(eq(x, broadcastInDim(y, x.shape, keptAxes(x.ndim, axes))), t.dtype);
      return div(lax.reduceSum(mul(t, chosen), axes), lax.reduceSum(chosen, axes));
    },
  );
}

export const reductionJvps = {
  reduceSum: linearJvp((x, { axes }) => lax.reduceSum(x, axes)),
  cumsum: linearJvp((x, { axis, reverse }) => lax.cumsum(x, axis, reverse)),
  reduceMax: chooserJvp(lax.reduceMax),
  reduceMin: chooserJvp(lax.reduceMin),
  reduceProd: unaryJvp(
    (x, { axes }) => lax.reduceProd(x, axes),
    (x, t, y, params) =>
      reducesNothing(x, params)
        ? new Zero(y.aval)
        : lax.reduceSum(mul(t, productCofactors(x, params.axes)), params.axes),
  ),
  reduceAnd: constantJvp((x, { axes }) => lax.reduceAnd(x, axes)),
  reduceOr: constantJvp((x, { axes }) => lax.reduceOr(x, axes)),
  argmax: constantJvp((x, { axis, indexDtype }) => lax.argmax(x, axis, indexDtype)),
  argmin: constantJvp((x, { axis, indexDtype }) => lax.argmin(x, axis, indexDtype)),
  sort: sortJvp,
} satisfies JvpTable<ReductionName>;

export const reductionTransposes = {
  // The sum's cotangent reaches every element it summed.
  reduceSum: ([ct], [x], { axes }) => {
    const aval = x as ShapeDtype;
    return [ct instanceof Zero ? new Zero(aval) : broadcastInDim(ct!, aval.shape, keptAxes(aval.ndim, axes))];
  },
  // Element i of a running sum reads elements up to i, so its transpose sums from the other end.
  cumsum: ([ct], [x], { axis, reverse }) => [
    ct instanceof Zero ? new Zero(x as ShapeDtype) : lax.cumsum(ct!, axis, !reverse),
  ],
} satisfies TransposeTable<'reduceSum' | 'cumsum'>;
