import type { Array, ArrayLike } from '../array.js';
import { op } from '../eager.js';
import { cast, select } from '../lax/elementwise.js';
import { broadcastShapes } from '../shape.js';
import { asArray, broadcastTo, promotedDType } from './convert.js';

/**
 * `jnp.where(cond, x, y)`: `x` where `cond` is true, else `y`. `cond` is taken as bool (`!= 0`),
 * `x` and `y` promote together, and all three broadcast to one shape.
 *
 * @example
 * ```ts
 * ax.where(ax.array([[true], [false]]), ax.array([1, 2]), 0); // [[1, 2], [0, 0]]
 * ```
 */
export const where = op((cond: ArrayLike, x: ArrayLike, y: ArrayLike): Array => {
  const d = promotedDType([x, y]);
  const c = cast(asArray(cond), 'bool');
  const a = asArray(x, d);
  const b = asArray(y, d);
  const shape = broadcastShapes('where', c.shape, a.shape, b.shape);
  return select(broadcastTo(c, shape), broadcastTo(a, shape), broadcastTo(b, shape));
});
