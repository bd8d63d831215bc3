import type { ShapeDtype } from '../aval.js';
import type { DType } from '../dtype.js';
import { DTypeError, ParameterError } from '../errors.js';
import { formatShape } from '../shape.js';

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

/**
 * One axis resolved against `x` (negative counts from the end), or a ParameterError naming
 * `where`, `param`, the axis and the operand's shape.
 *
 * @example
 * ```ts
 * canonicalAxis('argmax', -1, new ShapeDtype([2, 3], 'float32')); // 1
 * ```
 */
export function canonicalAxis(where: string, axis: number, x: ShapeDtype, param = 'axis'): number {
  if (!Number.isInteger(axis) || axis < -x.ndim || axis >= x.ndim) {
    throw new ParameterError(`${where}: ${param} ${axis} is out of range for operand ${x.describe()}`);
  }
  return axis < 0 ? axis + x.ndim : axis;
}

/**
 * Raises a DTypeError naming `name` and the operand unless `x`'s dtype is one `name` accepts.
 *
 * @example
 * ```ts
 * checkOperandDType('reduceAnd', x.aval, ['bool']);
 * ```
 */
export function checkOperandDType(name: string, x: ShapeDtype, accepts: readonly DType[]): void {
  if (!accepts.includes(x.dtype)) {
    throw new DTypeError(
      `${name}: operand ${x.describe()} has dtype ${x.dtype}; ${name} accepts ${accepts.join(', ')}`,
    );
  }
}
