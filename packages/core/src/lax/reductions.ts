import type { Array } from '../array.js';
import { ShapeDtype } from '../aval.js';
import type { DType } from '../dtype.js';
import { DTypeError, ParameterError } from '../errors.js';
import { bind1 } from '../interpreters.js';
import { definePrimitive } from '../primitive.js';
import type { AxesParams, PrimitiveParams } from '../primitives/params.js';
import { formatShape } from '../shape.js';

const NUMERIC: readonly DType[] = ['float32', 'int32', 'uint32'];

/**
 * `axes` resolved against `x`: negative axes counted from the end, sorted ascending. An axis out
 * of range, not an integer, or given twice is a ParameterError naming `where`, `param`, the axis
 * and the operand's shape.
 *
 * @example
 * ```ts
 * canonicalAxes('reduceSum', [-1, 0], new ShapeDtype([2, 3], 'float32')); // [0, 1]
 * ```
 */
export function canonicalAxes(
  where: string,
  axes: readonly number[],
  x: ShapeDtype,
  param = 'axes',
): number[] {
  const seen = new Set<number>();
  for (const a of axes) {
    if (!Number.isInteger(a) || a < -x.ndim || a >= x.ndim) {
      throw new ParameterError(
        `${where}: axis ${a} in ${param} ${formatShape(axes)} is out of range for operand ${x.describe()}`,
      );
    }
    const resolved = a < 0 ? a + x.ndim : a;
    if (seen.has(resolved)) {
      throw new ParameterError(
        `${where}: axis ${a} in ${param} ${formatShape(axes)} repeats an axis of operand ${x.describe()}`,
      );
    }
    seen.add(resolved);
  }
  return [...seen].sort((a, b) => a - b);
}

/** Raises a DTypeError unless `x`'s dtype is one `name` accepts. */
export function checkOperandDType(name: string, x: ShapeDtype, accepts: readonly DType[]): void {
  if (!accepts.includes(x.dtype)) {
    throw new DTypeError(
      `${name}: operand ${x.describe()} has dtype ${x.dtype}; ${name} accepts ${accepts.join(', ')}`,
    );
  }
}

function axesRule(name: string): (raw: AxesParams, operands: readonly ShapeDtype[]) => AxesParams {
  return (raw, [x]) => ({ axes: canonicalAxes(name, raw.axes, x!) });
}

function reduceEval(
  name: string,
  accepts: readonly DType[],
): (operands: readonly ShapeDtype[], params: AxesParams) => ShapeDtype[] {
  return ([x], { axes }) => {
    checkOperandDType(name, x!, accepts);
    return [
      new ShapeDtype(
        x!.shape.filter((_, i) => !axes.includes(i)),
        x!.dtype,
      ),
    ];
  };
}

export const reduceSumP = definePrimitive<PrimitiveParams['reduceSum']>({
  name: 'reduceSum',
  params: axesRule('reduceSum'),
  abstractEval: reduceEval('reduceSum', NUMERIC),
});

/**
 * `lax.reduce_sum`: the sum over `axes`, which are dropped from the shape. An empty reduction is
 * 0; integers wrap.
 *
 * @example
 * ```ts
 * ax.lax.reduceSum(ax.array([[1, 2], [3, 4]]), [1]); // [3, 7]
 * ```
 */
export function reduceSum(x: Array, axes: readonly number[]): Array {
  return bind1(reduceSumP, [x], { axes: [...axes] });
}

export const reduceMaxP = definePrimitive<PrimitiveParams['reduceMax']>({
  name: 'reduceMax',
  params: axesRule('reduceMax'),
  abstractEval: reduceEval('reduceMax', NUMERIC),
});

/**
 * `lax.reduce_max`: the maximum over `axes`, which are dropped. NaN propagates; an empty reduction
 * is -Infinity (float32), -2^31 (int32) or 0 (uint32).
 *
 * @example
 * ```ts
 * ax.lax.reduceMax(ax.array([[1, 5], [3, 4]]), [0]); // [3, 5]
 * ```
 */
export function reduceMax(x: Array, axes: readonly number[]): Array {
  return bind1(reduceMaxP, [x], { axes: [...axes] });
}
