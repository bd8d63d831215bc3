import type { Array } from '../array.js';
import { full } from '../creation.js';
import { add, bitcast, eq, gt, lt, select } from '../lax/elementwise.js';

/** The int32 bits of the float32 closest to zero on each side: the smallest subnormals. */
const SMALLEST_POSITIVE_BITS = 1;
const SMALLEST_NEGATIVE_BITS = -(2 ** 31) + 1;

/**
 * `nextafter(x, direction * Infinity)` on float32: the adjacent float toward +Infinity
 * (`direction` 1) or -Infinity (-1). Stepping a float's int32 bits by one moves it one ulp, away
 * from zero for +1 and toward zero for -1 whatever its sign; zero steps to the smallest subnormal,
 * and an infinity already in that direction, like NaN, stays.
 */
export function nextAfter(x: Array, direction: 1 | -1): Array {
  const shape = x.shape;
  const zero = full(shape, 0, 'float32');
  const bits = bitcast(x, 'int32');
  const awayFromZero = direction > 0 ? gt(x, zero) : lt(x, zero);
  const stepped = add(bits, select(awayFromZero, full(shape, 1, 'int32'), full(shape, -1, 'int32')));
  const fromZero = full(shape, direction > 0 ? SMALLEST_POSITIVE_BITS : SMALLEST_NEGATIVE_BITS, 'int32');
  const moved = bitcast(select(eq(x, zero), fromZero, stepped), 'float32');
  const stays = eq(x, full(shape, direction * Infinity, 'float32'));
  return select(stays, x, moved);
}
