import { Array, type ArrayLike } from '../array.js';
import { full } from '../creation.js';
import { tidy } from '../eager.js';
import { DTypeError } from '../errors.js';
import { lt } from '../lax/elementwise.js';
import { asArray } from '../numpy/convert.js';
import type { Shape } from '../shape.js';
import { checkKey, checkSampleShape, paramTo } from './check.js';
import { uniformFloats } from './uniform.js';

/**
 * Bool samples that are true with probability `p` (JAX's `random.bernoulli`: `uniform < p`). The
 * shape defaults to `p`'s; `p` must broadcast to it.
 *
 * @example
 * ```ts
 * const keepMask = ax.random.bernoulli(ax.random.key(0), 0.9, [32, 128]); // dropout mask
 * ```
 */
export function bernoulli(key: Array, p: ArrayLike = 0.5, shape?: Shape): Array {
  const where = 'bernoulli';
  checkKey(where, key);
  if (p instanceof Array && p.dtype !== 'float32') {
    throw new DTypeError(
      `${where}: the probability p must have a floating dtype (float32), got ${p.aval.describe()}`,
    );
  }
  return tidy(() => {
    const prob = asArray(p, 'float32');
    const out = shape === undefined ? prob.shape : checkSampleShape(where, shape);
    const u = uniformFloats(where, key, out, full(out, 0, 'float32'), full(out, 1, 'float32'));
    return lt(u, paramTo(where, 'p', prob, out, 'float32'));
  });
}
