import type { Array } from '../array.js';
import type { DType } from '../dtype.js';
import { tidy } from '../eager.js';
import { DTypeError } from '../errors.js';
import type { Shape } from '../shape.js';
import { checkKey, checkSampleShape } from './check.js';
import { randomBits } from './threefry.js';

/**
 * Uniformly random bits of `shape` (JAX's `random.bits`, classic threefry layout). Only uint32 is
 * supported, JAX's 32-bit width. A batch of keys `[..., 2]` gives `[..., ...shape]`.
 *
 * @example
 * ```ts
 * ax.random.bits(ax.random.key(1701), [3]); // uint32 [56197195, 4200222568, 961309823]
 * ```
 */
export function bits(key: Array, shape: Shape = [], dtype: DType = 'uint32'): Array {
  checkKey('bits', key, true);
  checkSampleShape('bits', shape);
  if (dtype !== 'uint32') {
    throw new DTypeError(`bits: dtype must be an unsigned integer dtype (uint32), got ${String(dtype)}`);
  }
  return tidy(() => randomBits('bits', key, shape));
}
