import type { Array } from '../array.js';
import { bind1 } from '../interpreters.js';
import { div } from './arithmetic.js';
import { constantLike } from './constant.js';
import { FLOATING } from './elementwise-eval.js';
import { elementwisePrimitive } from './elementwise-primitive.js';

export const sqrtP = elementwisePrimitive('sqrt', FLOATING);

/**
 * `lax.sqrt`: the square root, float32 (`sqrt(-0) = -0`, negative inputs give NaN).
 *
 * @example
 * ```ts
 * ax.lax.sqrt(ax.array([4, 2])); // [2, 1.4142135]
 * ```
 */
export function sqrt(x: Array): Array {
  return bind1(sqrtP, [x], {});
}

export const rsqrtP = elementwisePrimitive('rsqrt', FLOATING, {
  decompose: ([x]) => [div(constantLike(x!, 1), sqrt(x!))],
});

/**
 * `lax.rsqrt`: `1 / sqrt(x)`, float32 (`rsqrt(0) = Infinity`, `rsqrt(-0) = -Infinity`).
 *
 * @example
 * ```ts
 * ax.lax.rsqrt(ax.array([4, 0])); // [0.5, Infinity]
 * ```
 */
export function rsqrt(x: Array): Array {
  return bind1(rsqrtP, [x], {});
}

export const reciprocalP = elementwisePrimitive('reciprocal', FLOATING, {
  decompose: ([x]) => [div(constantLike(x!, 1), x!)],
});

/**
 * `lax.reciprocal`: `1 / x`, float32 (`1 / -0 = -Infinity`).
 *
 * @example
 * ```ts
 * ax.lax.reciprocal(ax.array([4, -0])); // [0.25, -Infinity]
 * ```
 */
export function reciprocal(x: Array): Array {
  return bind1(reciprocalP, [x], {});
}
