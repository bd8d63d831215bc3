import { Array, type ArrayLike } from '../array.js';
import { full } from '../creation.js';
import type { DType } from '../dtype.js';
import { tidy } from '../eager.js';
import { DTypeError, ParameterError } from '../errors.js';
import { add, and, cast, gt, le, max, min, mul, rem, select, sub } from '../lax/elementwise.js';
import type { Shape } from '../shape.js';
import { checkKey, checkSampleShape, paramTo } from './check.js';
import { split, unstackKeys } from './split.js';
import { randomBits } from './threefry.js';

type IntDType = 'int32' | 'uint32';

const RANGE: Record<IntDType, readonly [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
};

/** A bound clipped into `dtype`'s range, and whether it was above that range (JAX's `maxval_out_of_range`). */
interface Bound {
  value: Array;
  aboveRange: Array;
}

/**
 * JAX's `_convert_and_clip_integer` of one bound: floats and bools become int32 first (numpy's
 * `astype(int)`), then the value is clipped into `dtype`'s range and converted.
 */
function clipBound(where: string, name: string, x: ArrayLike, dtype: IntDType, shape: Shape): Bound {
  const [lo, hi] = RANGE[dtype];
  if (!(x instanceof Array)) {
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new ParameterError(`${where}: ${name} must be a finite number or an array, got ${String(x)}`);
    }
    const v = Math.trunc(x);
    return {
      value: full(shape, Math.min(Math.max(v, lo), hi), dtype),
      aboveRange: full(shape, v > hi, 'bool'),
    };
  }
  const int = x.dtype === 'int32' || x.dtype === 'uint32' ? x : cast(x, 'int32');
  const b = paramTo(where, name, int, shape, int.dtype);
  if (b.dtype === dtype) return { value: b, aboveRange: full(shape, false, 'bool') };
  if (b.dtype === 'int32') {
    // int32 never exceeds uint32's range; negatives clip to 0.
    return { value: cast(max(b, full(shape, 0, 'int32')), 'uint32'), aboveRange: full(shape, false, 'bool') };
  }
  const top = full(shape, hi, 'uint32');
  return { value: cast(min(b, top), 'int32'), aboveRange: gt(b, top) };
}

/**
 * Uniform integers in `[minval, maxval)` of `shape` (JAX's `random.randint`, bit-for-bit): two
 * 32-bit draws from a split key are combined modulo the span to reduce modulo bias. A span that is
 * empty (`maxval <= minval`) gives `minval`. Bounds beyond the dtype's range are clipped, and a
 * `maxval` above it makes the dtype's maximum reachable.
 *
 * @example
 * ```ts
 * ax.random.randint(ax.random.key(0), [3, 3], 0, 8); // int32 [[2, 1, 3], [6, 1, 5], [6, 3, 4]]
 * ```
 */
export function randint(
  key: Array,
  shape: Shape,
  minval: ArrayLike,
  maxval: ArrayLike,
  dtype: DType = 'int32',
): Array {
  const where = 'randint';
  checkKey(where, key);
  checkSampleShape(where, shape);
  if (dtype !== 'int32' && dtype !== 'uint32') {
    throw new DTypeError(`${where}: dtype must be an integer dtype (int32 or uint32), got ${String(dtype)}`);
  }
  return tidy(() => {
    const lo = clipBound(where, 'minval', minval, dtype, shape).value;
    const { value: hi, aboveRange } = clipBound(where, 'maxval', maxval, dtype, shape);
    const [k1, k2] = unstackKeys(split(key));
    const higherBits = randomBits(where, k1!, shape);
    const lowerBits = randomBits(where, k2!, shape);
    const u32 = (v: number): Array => full(shape, v, 'uint32');
    let span = cast(sub(hi, lo), 'uint32');
    span = select(le(hi, lo), u32(1), span);
    // With maxval above the range the span is one larger; at 2^32 it wraps to 0 and the remainders
    // below leave the bits unchanged, which is the full range.
    span = select(and(aboveRange, gt(hi, lo)), add(span, u32(1)), span);
    // 2^32 mod span, computed as (2^16 mod span)^2 mod span to stay in 32 bits.
    let multiplier = rem(u32(2 ** 16), span);
    multiplier = rem(mul(multiplier, multiplier), span);
    let offset = add(mul(rem(higherBits, span), multiplier), rem(lowerBits, span));
    offset = rem(offset, span);
    return add(lo, cast(offset, dtype));
  });
}
