import type { Array, ArrayLike } from '../array.js';
import { full } from '../creation.js';
import { tidy } from '../eager.js';
import { div, max, min, mul } from '../lax/elementwise.js';
import { erf, erfInv } from '../lax/unary.js';
import { asArray, broadcastTo } from '../numpy/convert.js';
import { broadcastShapes, type Shape } from '../shape.js';
import { checkBroadcastsTo, checkFloatDType, checkKey, checkSampleShape } from './check.js';
import { nextAfter } from './next-after.js';
import type { FloatSampleOptions } from './normal.js';
import { uniformFloats } from './uniform.js';

/**
 * Standard normal samples truncated to the open interval `(lower, upper)` (JAX's
 * `random.truncated_normal`: inverse-CDF sampling between `erf(lower / sqrt 2)` and
 * `erf(upper / sqrt 2)`, then clamped strictly inside the bounds). The shape defaults to the
 * broadcast of the bounds' shapes.
 *
 * @example
 * ```ts
 * const w = ax.random.truncatedNormal(ax.random.key(0), -2, 2, [256, 64]);
 * ```
 */
export function truncatedNormal(
  key: Array,
  lower: ArrayLike,
  upper: ArrayLike,
  shape?: Shape,
  options: FloatSampleOptions = {},
): Array {
  const where = 'truncatedNormal';
  checkKey(where, key);
  checkFloatDType(where, options.dtype ?? 'float32');
  return tidy(() => {
    const lo = asArray(lower, 'float32');
    const hi = asArray(upper, 'float32');
    const out =
      shape === undefined ? broadcastShapes(where, lo.shape, hi.shape) : checkSampleShape(where, shape);
    checkBroadcastsTo(where, out, { lower: lo.shape, upper: hi.shape });
    const loB = broadcastTo(lo, out);
    const hiB = broadcastTo(hi, out);
    const sqrt2 = full(out, Math.SQRT2, 'float32');
    const u = uniformFloats(where, key, out, erf(div(loB, sqrt2)), erf(div(hiB, sqrt2)));
    const z = mul(sqrt2, erfInv(u));
    return min(max(z, nextAfter(loB, 1)), nextAfter(hiB, -1));
  });
}
