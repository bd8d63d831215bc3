import type { Array } from '../array.js';
import { full } from '../creation.js';
import { tidy } from '../eager.js';
import { log, neg } from '../lax/unary.js';
import type { Shape } from '../shape.js';
import { checkFloatDType, checkKey, checkSampleShape } from './check.js';
import type { FloatSampleOptions } from './normal.js';
import { uniformFloats } from './uniform.js';

/** float32's smallest normal number, the lower bound that keeps `log(u)` finite. */
const TINY = 2 ** -126;

/** JAX's `_gumbel` on validated arguments: `-log(-log(u))` for `u` uniform on `[tiny, 1)`. */
export function gumbelSamples(where: string, key: Array, shape: Shape): Array {
  const u = uniformFloats(where, key, shape, full(shape, TINY, 'float32'), full(shape, 1, 'float32'));
  return neg(log(neg(log(u))));
}

/**
 * Standard Gumbel samples of `shape` (JAX's `random.gumbel`), the noise behind
 * {@link categorical}'s argmax sampling.
 *
 * @example
 * ```ts
 * const g = ax.random.gumbel(ax.random.key(0), [5]);
 * ```
 */
export function gumbel(key: Array, shape: Shape = [], options: FloatSampleOptions = {}): Array {
  const where = 'gumbel';
  checkKey(where, key);
  checkSampleShape(where, shape);
  checkFloatDType(where, options.dtype ?? 'float32');
  return tidy(() => gumbelSamples(where, key, shape));
}
