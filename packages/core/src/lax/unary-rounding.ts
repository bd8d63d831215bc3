import type { Array } from '../array.js';
import { ParameterError } from '../errors.js';
import { bind1 } from '../interpreters.js';
import { definePrimitive } from '../primitive.js';
import type { PrimitiveParams, RoundParams } from '../primitives/params.js';
import { add, rem, sub } from './arithmetic.js';
import { eq, lt, select } from './comparison.js';
import { constantLike } from './constant.js';
import { elementwiseEval, FLOATING } from './elementwise-eval.js';
import { elementwisePrimitive } from './elementwise-primitive.js';
import { copysign, floatAbs } from './float-math.js';
import { neg } from './unary-sign.js';

export const floorP = elementwisePrimitive('floor', FLOATING);

/**
 * `lax.floor`: the largest integer not above `x`, float32 in and out (`floor(-0.5) = -1`,
 * `floor(-0) = -0`).
 *
 * @example
 * ```ts
 * ax.lax.floor(ax.array([1.5, -1.5])); // [1, -2]
 * ```
 */
export function floor(x: Array): Array {
  return bind1(floorP, [x], {});
}

export const ceilP = elementwisePrimitive('ceil', FLOATING, {
  // Negation is exact, so this is exact, and ceil(-0.5) comes out as -0 as it should.
  decompose: ([x]) => [neg(floor(neg(x!)))],
});

/**
 * `lax.ceil`: the smallest integer not below `x`, float32 in and out (`ceil(-0.5) = -0`).
 *
 * @example
 * ```ts
 * ax.lax.ceil(ax.array([1.5, -1.5])); // [2, -1]
 * ```
 */
export function ceil(x: Array): Array {
  return bind1(ceilP, [x], {});
}

const ROUND_METHODS: readonly RoundParams['method'][] = ['halfToEven', 'halfAwayFromZero'];

export const roundP = definePrimitive<PrimitiveParams['round']>({
  name: 'round',
  params: (raw) => {
    if (!ROUND_METHODS.includes(raw.method)) {
      throw new ParameterError(
        `round: method ${JSON.stringify(raw.method)} is not one of ${ROUND_METHODS.join(', ')}`,
      );
    }
    return { method: raw.method };
  },
  abstractEval: elementwiseEval('round', FLOATING),
  // Rounds |x| from its floor t and the exact fraction d = |x| - t (adding 0.5 first would round
  // 0.49999997 up), then restores the sign, so round(-0.3) is -0. NaN and infinities pass through.
  decompose: ([x], { method }) => {
    const magnitude = floatAbs(x!);
    const t = floor(magnitude);
    const d = sub(magnitude, t);
    const half = constantLike(x!, 0.5);
    const up = add(t, constantLike(x!, 1));
    let rounded: Array;
    if (method === 'halfAwayFromZero') {
      rounded = select(lt(d, half), t, up);
    } else {
      const odd = eq(rem(t, constantLike(x!, 2)), constantLike(x!, 1));
      rounded = select(lt(half, d), up, select(eq(d, half), select(odd, up, t), t));
    }
    return [copysign(rounded, x!)];
  },
});

/**
 * `lax.round`: the nearest integer, float32 in and out, ties going away from zero (C's `round`,
 * JAX's default) or to even (`halfToEven`, numpy's `round`). The sign is kept: `round(-0.3) = -0`.
 *
 * @example
 * ```ts
 * ax.lax.round(ax.array([0.5, 1.5, -2.5]));               // [1, 2, -3]
 * ax.lax.round(ax.array([0.5, 1.5, -2.5]), 'halfToEven'); // [0, 2, -2]
 * ```
 */
export function round(x: Array, method: RoundParams['method'] = 'halfAwayFromZero'): Array {
  return bind1(roundP, [x], { method });
}
