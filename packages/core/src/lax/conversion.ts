import { ShapeDtype } from '../aval.js';
import type { Array } from '../array.js';
import { checkDType, type DType } from '../dtype.js';
import { DTypeError } from '../errors.js';
import { bind1 } from '../interpreters.js';
import { definePrimitive } from '../primitive.js';
import type { PrimitiveParams } from '../primitives/params.js';
import { NUMERIC } from './elementwise-eval.js';

export const castP = definePrimitive<PrimitiveParams['cast']>({
  name: 'cast',
  params: (raw) => ({ dtype: checkDType(raw.dtype, 'cast') }),
  abstractEval: ([x], { dtype }) => [new ShapeDtype(x!.shape, dtype)],
});

/**
 * `lax.convert_element_type`: converts values (not bits) to `dtype`. float32 to an integer dtype
 * truncates toward zero, saturates at the dtype's range (so negatives become 0 for uint32) and maps
 * NaN to 0; int32 and uint32 convert to each other modulo 2^32 (-1 becomes 4294967295); anything to
 * bool is `x != 0` (NaN is true); bool becomes 0 or 1.
 *
 * @example
 * ```ts
 * ax.lax.cast(ax.array([-1.7, 3e9, NaN]), 'int32'); // [-1, 2147483647, 0]
 * ```
 */
export function cast(x: Array, dtype: DType): Array {
  if (x.dtype === dtype) return x;
  return bind1(castP, [x], { dtype });
}

export const bitcastP = definePrimitive<PrimitiveParams['bitcast']>({
  name: 'bitcast',
  params: (raw) => ({ dtype: checkDType(raw.dtype, 'bitcast') }),
  abstractEval: ([x], { dtype }) => {
    if (!NUMERIC.includes(x!.dtype)) {
      throw new DTypeError(
        `bitcast: operand ${x!.describe()} has dtype ${x!.dtype}; bitcast accepts ${NUMERIC.join(', ')}`,
      );
    }
    if (!NUMERIC.includes(dtype)) {
      throw new DTypeError(
        `bitcast: cannot reinterpret ${x!.describe()} as dtype ${dtype}; the target must be one of ${NUMERIC.join(', ')}`,
      );
    }
    return [new ShapeDtype(x!.shape, dtype)];
  },
});

/**
 * `lax.bitcast_convert_type`: reinterprets each element's 32 bits as float32, int32 or uint32
 * (bool has no 32-bit form and is rejected).
 *
 * @example
 * ```ts
 * ax.lax.bitcast(ax.array([1]), 'uint32'); // [1065353216] (0x3f800000)
 * ```
 */
export function bitcast(x: Array, dtype: DType): Array {
  return bind1(bitcastP, [x], { dtype });
}
