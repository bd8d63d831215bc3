import type { Array, ArrayLike } from '../array.js';
import { checkDType, type DType } from '../dtype.js';
import { op } from '../eager.js';
import { cast } from '../lax/elementwise.js';
import { asArray } from './convert.js';

/**
 * `x.astype(dtype)`: `x`'s values converted to `dtype` (`lax.cast`: floats truncate toward zero
 * and saturate into integer ranges, NaN becomes 0, anything to bool is `x != 0`).
 *
 * @example
 * ```ts
 * ax.astype(ax.array([1.9, -1.9]), 'int32'); // [1, -1]
 * ```
 */
export const astype = op((x: ArrayLike, dtype: DType): Array =>
  cast(asArray(x), checkDType(dtype, 'astype')),
);
