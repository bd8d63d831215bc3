import type { Array } from '../array.js';
import { bind1 } from '../interpreters.js';
import { definePrimitive } from '../primitive.js';
import type { PrimitiveParams } from '../primitives/params.js';

export const stopGradientP = definePrimitive<PrimitiveParams['stopGradient']>({
  name: 'stopGradient',
  abstractEval: ([x]) => [x!],
  // The value is the operand's; only differentiation treats it differently.
  decompose: ([x]) => [x!],
});

/**
 * `lax.stopGradient`: the identity, whose derivative is zero, so `grad` treats the result as a
 * constant (as `jax.lax.stop_gradient`).
 *
 * @example
 * ```ts
 * const target = ax.lax.stopGradient(prediction); // no gradient flows into `target`
 * ```
 */
export function stopGradient(x: Array): Array {
  return bind1(stopGradientP, [x], {});
}
