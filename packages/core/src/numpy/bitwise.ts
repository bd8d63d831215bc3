import type { Array, ArrayLike } from '../array.js';
import { op } from '../eager.js';
import * as lax from '../lax/elementwise.js';
import { promoteOperands } from './convert.js';
import { numericDType, promotedIn } from './promote.js';

/** A numpy-style logical operation: both operands as bool (`x != 0`), broadcast, then `combine`. */
function logical(
  where: string,
  combine: (a: Array, b: Array) => Array,
): (x: ArrayLike, y: ArrayLike) => Array {
  return op((x: ArrayLike, y: ArrayLike): Array => {
    const [a, b] = promoteOperands(where, [x, y], 'bool');
    return combine(a!, b!);
  });
}

/**
 * `jnp.logical_and`: truth of `x` and of `y` (nonzero, NaN included, is true), broadcast, as bool.
 *
 * @example
 * ```ts
 * ax.logicalAnd(ax.array([0, 1, 2]), true); // [false, true, true]
 * ```
 */
export const logicalAnd = logical('logicalAnd', lax.and);

/**
 * `jnp.logical_or`: truth of `x` or of `y` (nonzero is true), broadcast, as bool.
 *
 * @example
 * ```ts
 * ax.logicalOr(ax.array([0, 0, 3]), ax.array([0, 1, 0])); // [false, true, true]
 * ```
 */
export const logicalOr = logical('logicalOr', lax.or);

/**
 * `jnp.logical_xor`: exactly one of `x` and `y` true (nonzero is true), broadcast, as bool.
 *
 * @example
 * ```ts
 * ax.logicalXor(ax.array([0, 1, 2]), 1); // [true, false, false]
 * ```
 */
export const logicalXor = logical('logicalXor', lax.xor);

const BITWISE_DTYPES = ['bool', 'int32', 'uint32'] as const;

/** A numpy-style bitwise operation on bool or integer operands, promoted and broadcast. */
function bitwise(
  where: string,
  combine: (a: Array, b: Array) => Array,
): (x: ArrayLike, y: ArrayLike) => Array {
  return op((x: ArrayLike, y: ArrayLike): Array => {
    const [a, b] = promoteOperands(where, [x, y], promotedIn(where, [x, y], BITWISE_DTYPES));
    return combine(a!, b!);
  });
}

/**
 * `jnp.bitwise_and`: `x & y` on bool or integers (float operands are a DTypeError), broadcasting
 * and promoting.
 *
 * @example
 * ```ts
 * ax.bitwiseAnd(ax.array([12], 'int32'), 10); // [8]
 * ```
 */
export const bitwiseAnd = bitwise('bitwiseAnd', lax.and);

/**
 * `jnp.bitwise_or`: `x | y` on bool or integers, broadcasting and promoting.
 *
 * @example
 * ```ts
 * ax.bitwiseOr(ax.array([12], 'int32'), 10); // [14]
 * ```
 */
export const bitwiseOr = bitwise('bitwiseOr', lax.or);

/**
 * `jnp.bitwise_xor`: `x ^ y` on bool or integers, broadcasting and promoting.
 *
 * @example
 * ```ts
 * ax.bitwiseXor(ax.array([12], 'int32'), 10); // [6]
 * ```
 */
export const bitwiseXor = bitwise('bitwiseXor', lax.xor);

const SHIFT_DTYPES = ['int32', 'uint32'] as const;

/** Shift operands: promoted (bool as int32) to an integer dtype, broadcast. */
function shiftOperands(where: string, x: ArrayLike, amount: ArrayLike): Array[] {
  return promoteOperands(
    where,
    [x, amount],
    promotedIn(where, [x, amount], SHIFT_DTYPES, numericDType([x, amount])),
  );
}

/**
 * `jnp.left_shift`: `x << amount` on integers, broadcasting and promoting; bits shifted out are
 * lost, and an amount outside `[0, 32)` gives 0.
 *
 * @example
 * ```ts
 * ax.leftShift(ax.array([1, 3], 'int32'), 4); // [16, 48]
 * ```
 */
export const leftShift = op((x: ArrayLike, amount: ArrayLike): Array => {
  const [a, s] = shiftOperands('leftShift', x, amount);
  return lax.shiftLeft(a!, s!);
});

/**
 * `jnp.right_shift`: `x >> amount`, arithmetic (sign-filling) for int32 and logical for uint32, as
 * in numpy; broadcasting and promoting. An amount outside `[0, 32)` gives the fill (0, or -1 for
 * negative int32).
 *
 * @example
 * ```ts
 * ax.rightShift(ax.array([-16, 16], 'int32'), 2); // [-4, 4]
 * ```
 */
export const rightShift = op((x: ArrayLike, amount: ArrayLike): Array => {
  const [a, s] = shiftOperands('rightShift', x, amount);
  return a!.dtype === 'uint32' ? lax.shiftRightLogical(a!, s!) : lax.shiftRightArithmetic(a!, s!);
});
