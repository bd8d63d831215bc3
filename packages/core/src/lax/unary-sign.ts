import type { Array } from '../array.js';
import { bind1 } from '../interpreters.js';
import { mul } from './arithmetic.js';
import { lt, select } from './comparison.js';
import { constantLike } from './constant.js';
import { NUMERIC } from './elementwise-eval.js';
import { elementwisePrimitive } from './elementwise-primitive.js';
import { floatAbs } from './float-math.js';

/** -1 in `x`'s shape and dtype; for uint32 that is 2^32 - 1, so multiplying by it negates mod 2^32. */
function minusOneLike(x: Array): Array {
  return constantLike(x, x.dtype === 'uint32' ? 0xffffffff : -1);
}

export const negP = elementwisePrimitive('neg', NUMERIC, {
  // A product with -1 flips the sign bit of floats (so -0 and NaN come out right) and wraps integers.
  decompose: ([x]) => [mul(x!, minusOneLike(x!))],
});

/**
 * `lax.neg`: `-x` elementwise. Integers wrap (`-INT32_MIN = INT32_MIN`, uint32 negates mod 2^32);
 * `-0` and `0` swap.
 *
 * @example
 * ```ts
 * ax.lax.neg(ax.array([1, -0])); // [-1, 0]
 * ```
 */
export function neg(x: Array): Array {
  return bind1(negP, [x], {});
}

export const absP = elementwisePrimitive('abs', NUMERIC, {
  decompose: ([x]) => {
    if (x!.dtype === 'float32') return [floatAbs(x!)];
    return [select(lt(x!, constantLike(x!, 0)), neg(x!), x!)];
  },
});

/**
 * `lax.abs`: `|x|` elementwise. `abs(-0) = 0`, and `abs(INT32_MIN)` wraps to `INT32_MIN` as in
 * numpy and JAX; uint32 is returned as is.
 *
 * @example
 * ```ts
 * ax.lax.abs(ax.array([-2, -0, NaN])); // [2, 0, NaN]
 * ```
 */
export function abs(x: Array): Array {
  return bind1(absP, [x], {});
}

export const signP = elementwisePrimitive('sign', NUMERIC, {
  // Zeros (of either sign) and NaN fail both comparisons and pass through unchanged.
  decompose: ([x]) => {
    const zero = constantLike(x!, 0);
    const nonNegative = select(lt(zero, x!), constantLike(x!, 1), x!);
    return [select(lt(x!, zero), minusOneLike(x!), nonNegative)];
  },
});

/**
 * `lax.sign`: -1, 0 or 1 by the sign of `x`; as in JAX, `sign(-0) = -0` and `sign(NaN) = NaN`.
 *
 * @example
 * ```ts
 * ax.lax.sign(ax.array([-3, 0, 2.5])); // [-1, 0, 1]
 * ```
 */
export function sign(x: Array): Array {
  return bind1(signP, [x], {});
}
