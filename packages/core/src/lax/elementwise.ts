import type { Array } from '../array.js';
import { ShapeDtype } from '../aval.js';
import { checkDType, type DType } from '../dtype.js';
import { DTypeError, ShapeError } from '../errors.js';
import { bind1 } from '../interpreters.js';
import { definePrimitive, type Primitive } from '../primitive.js';
import type { NoParams, PrimitiveParams } from '../primitives/params.js';
import { shapeEqual } from '../shape.js';

/** Dtype sets elementwise primitives accept. */
export const NUMERIC: readonly DType[] = ['float32', 'int32', 'uint32'];
export const FLOATING: readonly DType[] = ['float32'];
export const INTEGRAL: readonly DType[] = ['int32', 'uint32', 'bool'];
export const ANY_DTYPE: readonly DType[] = ['float32', 'int32', 'uint32', 'bool'];

function checkAccepts(name: string, x: ShapeDtype, accepts: readonly DType[], role: string): void {
  if (!accepts.includes(x.dtype)) {
    throw new DTypeError(`${name}: ${role} has dtype ${x.dtype}; ${name} accepts ${accepts.join(', ')}`);
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
    for (const [i, x] of operands.entries()) {
      checkAccepts(name, x, accepts, `operand ${i}`);
      if (!shapeEqual(x.shape, first.shape)) {
        throw new ShapeError(
          `${name}: operands must have equal shapes, got ${operands.map((o) => o.describe()).join(' and ')} (the numpy-style API broadcasts; lax does not)`,
        );
      }
      if (x.dtype !== first.dtype) {
        throw new DTypeError(`${name}: operands must have equal dtypes, got ${operands.map((o) => o.describe()).join(' and ')}`);
      }
    }
    return [new ShapeDtype(first.shape, outDType ?? first.dtype)];
  };
}

export const addP: Primitive<NoParams> = definePrimitive<PrimitiveParams['add']>({
  name: 'add',
  abstractEval: elementwiseEval('add', NUMERIC),
});

/** `lax.add`: elementwise sum of two arrays of one shape and dtype (integers wrap). */
export function add(x: Array, y: Array): Array {
  return bind1(addP, [x, y], {});
}

export const castP = definePrimitive<PrimitiveParams['cast']>({
  name: 'cast',
  params: (raw) => ({ dtype: checkDType(raw.dtype, 'cast') }),
  abstractEval: ([x], { dtype }) => [new ShapeDtype(x!.shape, dtype)],
});

/**
 * `lax.convertElementType`: converts values (not bits) to `dtype`. Float to integer truncates
 * toward zero, saturates at the integer range and maps NaN to 0; anything to bool is `x != 0`.
 */
export function cast(x: Array, dtype: DType): Array {
  if (x.dtype === dtype) return x;
  return bind1(castP, [x], { dtype });
}
