import type { Array, ArrayLike } from '../../array.js';
import type { DType } from '../../dtype.js';
import { ShapeError } from '../../errors.js';
import { cast } from '../../lax/elementwise.js';
import { dotGeneral } from '../../lax/linalg.js';
import { asArray, promotedDType } from '../convert.js';

/**
 * `xs` as arrays of their promoted dtype, for a numpy-level contraction. dotGeneral has no bool
 * form, so bool operands are computed as int32 and `finish` turns the result back into bool
 * (a sum of ands is non-zero exactly when some and is true, as numpy's bool matmul).
 *
 * @example
 * ```ts
 * const { arrays: [a, b], finish } = contractionOperands([x, y]);
 * finish(ax.lax.dotGeneral(a, b, [[1], [0]]));
 * ```
 */
export function contractionOperands(xs: readonly ArrayLike[]): {
  arrays: Array[];
  finish: (y: Array) => Array;
} {
  const d: DType = promotedDType(xs);
  const compute: DType = d === 'bool' ? 'int32' : d;
  return {
    arrays: xs.map((x) => asArray(x, compute)),
    finish: (y) => (d === 'bool' ? cast(y, 'bool') : y),
  };
}

/** `where` an axis is, for messages: "axis 1" or "its last axis". */
function describeAxis(x: Array, axis: number): string {
  return axis === x.ndim - 1 ? `axis ${axis} (last)` : `axis ${axis}`;
}

/**
 * dotGeneral over paired `aAxes`/`bAxes` (no batch), after checking the pairs' sizes with a
 * message naming the numpy-level function, both shapes, the axes and their sizes.
 *
 * @example
 * ```ts
 * contract('tensordot', a, b, [1], [0]);
 * ```
 */
export function contract(
  where: string,
  a: Array,
  b: Array,
  aAxes: readonly number[],
  bAxes: readonly number[],
): Array {
  aAxes.forEach((ax, i) => {
    const bx = bAxes[i]!;
    if (a.shape[ax] !== b.shape[bx]) {
      throw new ShapeError(
        `${where}: shapes ${a.aval.describe()} and ${b.aval.describe()} do not align: contracting ` +
          `${describeAxis(a, ax)} of the first (size ${a.shape[ax]}) with ${describeAxis(b, bx)} of the second (size ${b.shape[bx]})`,
      );
    }
  });
  return dotGeneral(a, b, [aAxes, bAxes]);
}
