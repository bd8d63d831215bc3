import { ShapeDtype } from '../aval.js';
import type { DType } from '../dtype.js';
import { DTypeError, ShapeError } from '../errors.js';
import { shapeEqual } from '../shape.js';

/** Dtype sets elementwise primitives accept. */
export const NUMERIC: readonly DType[] = ['float32', 'int32', 'uint32'];
export const FLOATING: readonly DType[] = ['float32'];
export const INTEGER: readonly DType[] = ['int32', 'uint32'];
export const INTEGRAL: readonly DType[] = ['int32', 'uint32', 'bool'];
export const ANY_DTYPE: readonly DType[] = ['float32', 'int32', 'uint32', 'bool'];

/** Raises a DTypeError naming the primitive and the operand unless `x`'s dtype is in `accepts`. */
export function checkAccepts(name: string, x: ShapeDtype, accepts: readonly DType[], role: string): void {
  if (!accepts.includes(x.dtype)) {
    throw new DTypeError(
      `${name}: ${role} has dtype ${x.dtype}; ${name} accepts ${accepts.join(', ')} (got ${x.describe()})`,
    );
  }
}

/** Raises a ShapeError naming the primitive and every operand unless all shapes are equal. */
export function checkSameShape(name: string, operands: readonly ShapeDtype[]): void {
  const first = operands[0]!;
  if (!operands.every((x) => shapeEqual(x.shape, first.shape))) {
    throw new ShapeError(
      `${name}: operands must have equal shapes, got ${operands.map((o) => o.describe()).join(' and ')} (the numpy-style API broadcasts; lax does not)`,
    );
  }
}

/**
 * The abstractEval of an elementwise primitive: operands of one shape and one dtype from
 * `accepts`; the output has that shape and `outDType` (default: the operands' dtype).
 */
export function elementwiseEval(
  name: string,
  accepts: readonly DType[],
  outDType?: DType,
): (operands: readonly ShapeDtype[]) => ShapeDtype[] {
  return (operands) => {
    const first = operands[0]!;
    for (const [i, x] of operands.entries()) checkAccepts(name, x, accepts, `operand ${i}`);
    checkSameShape(name, operands);
    if (operands.some((x) => x.dtype !== first.dtype)) {
      throw new DTypeError(
        `${name}: operands must have equal dtypes, got ${operands.map((o) => o.describe()).join(' and ')}`,
      );
    }
    return [new ShapeDtype(first.shape, outDType ?? first.dtype)];
  };
}
