import type { Array } from '../array.js';
import { full } from '../creation.js';
import type { DType } from '../dtype.js';
import { tidy } from '../eager.js';
import { mul } from '../lax/elementwise.js';
import { erfInv } from '../lax/unary.js';
import type { Shape } from '../shape.js';
import { checkFloatDType, checkKey, checkSampleShape } from './check.js';
import { uniformFloats } from './uniform.js';

/** `nextafter(-1, 0)` in float32, `-(1 - 2^-24)`: erfInv of exactly -1 would be -Infinity. */
const LOWEST = -(1 - 2 ** -24);

/** Options of {@link normal} and the other real-valued samplers. */
export interface FloatSampleOptions {
  /** The float dtype of the samples; float32 (the default) is the one there is. */
  dtype?: DType;
}

/**
 * Standard normal samples of `shape` (JAX's `random.normal`: `sqrt(2) * erfInv(u)` for `u`
 * uniform on `(-1, 1)`), bit-for-bit with JAX's classic threefry layout up to `erfInv`'s rounding.
 *
 * @example
 * ```ts
 * const noise = ax.random.normal(ax.random.key(0), [128, 10]);
 * ```
 */
export function normal(key: Array, shape: Shape = [], options: FloatSampleOptions = {}): Array {
  const where = 'normal';
  checkKey(where, key);
  checkSampleShape(where, shape);
  checkFloatDType(where, options.dtype ?? 'float32');
  return tidy(() => {
    const u = uniformFloats(where, key, shape, full(shape, LOWEST, 'float32'), full(shape, 1, 'float32'));
    return mul(full(shape, Math.SQRT2, 'float32'), erfInv(u));
  });
}
