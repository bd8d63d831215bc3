import type { Array, ArrayLike } from '../array.js';
import { full } from '../creation.js';
import type { DType } from '../dtype.js';
import { tidy } from '../eager.js';
import { add, bitcast, max, mul, or, shiftRightLogical, sub } from '../lax/elementwise.js';
import type { Shape } from '../shape.js';
import { checkFloatDType, checkKey, checkSampleShape, paramTo } from './check.js';
import { randomBits } from './threefry.js';

/** The bits of float32 1.0: exponent 0, so OR-ing in 23 random mantissa bits gives [1, 2). */
const ONE_BITS = 0x3f800000;
/** 32 random bits less float32's 23 mantissa bits. */
const SHIFT = 32 - 23;

/** Options of {@link uniform}. */
export interface UniformOptions {
  /** The float dtype of the samples; float32 (the default) is the one there is. */
  dtype?: DType;
  /** Inclusive lower bound, broadcast to the sample shape; default 0. */
  minval?: ArrayLike;
  /** Exclusive upper bound, broadcast to the sample shape; default 1. */
  maxval?: ArrayLike;
}

/**
 * JAX's `_uniform` on float32 bounds already of the sample shape: random mantissa bits under the
 * exponent of 1.0 give [1, 2), minus 1 gives [0, 1), scaled to [lo, hi) and clamped below at lo.
 */
export function uniformFloats(where: string, key: Array, shape: Shape, lo: Array, hi: Array): Array {
  const bits = randomBits(where, key, shape);
  const mantissa = or(shiftRightLogical(bits, full(shape, SHIFT, 'uint32')), full(shape, ONE_BITS, 'uint32'));
  const floats = sub(bitcast(mantissa, 'float32'), full(shape, 1, 'float32'));
  return max(lo, add(mul(floats, sub(hi, lo)), lo));
}

/**
 * Uniform samples in `[minval, maxval)` of `shape` (JAX's `random.uniform`, bit-for-bit with its
 * classic threefry layout).
 *
 * @example
 * ```ts
 * ax.random.uniform(ax.random.key(0), [2, 3]);
 * ax.random.uniform(ax.random.key(1), [4], { minval: -1, maxval: 1 });
 * ```
 */
export function uniform(key: Array, shape: Shape = [], options: UniformOptions = {}): Array {
  const where = 'uniform';
  checkKey(where, key);
  checkSampleShape(where, shape);
  const { dtype = 'float32', minval = 0, maxval = 1 } = options;
  checkFloatDType(where, dtype);
  return tidy(() =>
    uniformFloats(
      where,
      key,
      shape,
      paramTo(where, 'minval', minval, shape, 'float32'),
      paramTo(where, 'maxval', maxval, shape, 'float32'),
    ),
  );
}
