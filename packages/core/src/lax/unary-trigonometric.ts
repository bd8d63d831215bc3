import type { Array } from '../array.js';
import { bind1 } from '../interpreters.js';
import { add, div, mul, sub } from './arithmetic.js';
import { eq, lt, select } from './comparison.js';
import { constantLike } from './constant.js';
import { FLOATING } from './elementwise-eval.js';
import { elementwisePrimitive } from './elementwise-primitive.js';
import { floatAbs } from './float-math.js';

export const sinP = elementwisePrimitive('sin', FLOATING);

/**
 * `lax.sin`: the sine of `x` radians, float32.
 *
 * @example
 * ```ts
 * ax.lax.sin(ax.array([0, Math.PI / 2])); // [0, 1]
 * ```
 */
export function sin(x: Array): Array {
  return bind1(sinP, [x], {});
}

/** Above this, 2x overflows float32. */
const DOUBLING_LIMIT = 2 ** 127;

export const cosP = elementwisePrimitive('cos', FLOATING, {
  // cos x = sin 2x / (2 sin x): doubling is exact and sin is accurate at every argument, so this
  // keeps relative accuracy (within 2 ulp) even near the zeros of cos, which sin(x + pi/2) would
  // lose to the rounding of the sum. Past 2^127, where 2x overflows, it goes through x / 2:
  // cos x = (c - s)(c + s) with c = cos(x/2) by the same identity and s = sin(x/2), accurate to
  // 2^-22 absolute. cos 0 = 1 is the one 0/0.
  decompose: ([x]) => {
    const two = constantLike(x!, 2);
    const s = sin(x!);
    const doubled = div(sin(mul(x!, two)), mul(s, two));
    const h = mul(x!, constantLike(x!, 0.5));
    const sh = sin(h);
    const ch = div(s, mul(sh, two));
    const halved = mul(sub(ch, sh), add(ch, sh));
    const general = select(lt(floatAbs(x!), constantLike(x!, DOUBLING_LIMIT)), doubled, halved);
    return [select(eq(x!, constantLike(x!, 0)), constantLike(x!, 1), general)];
  },
});

/**
 * `lax.cos`: the cosine of `x` radians, float32.
 *
 * @example
 * ```ts
 * ax.lax.cos(ax.array([0, Math.PI])); // [1, -1]
 * ```
 */
export function cos(x: Array): Array {
  return bind1(cosP, [x], {});
}

export const tanP = elementwisePrimitive('tan', FLOATING, {
  decompose: ([x]) => [div(sin(x!), cos(x!))],
});

/**
 * `lax.tan`: the tangent of `x` radians, float32 (`tan(-0) = -0`).
 *
 * @example
 * ```ts
 * ax.lax.tan(ax.array([0, Math.PI / 4])); // [0, 1]
 * ```
 */
export function tan(x: Array): Array {
  return bind1(tanP, [x], {});
}
