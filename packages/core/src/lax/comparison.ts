import { ShapeDtype } from '../aval.js';
import type { Array } from '../array.js';
import { bind1 } from '../interpreters.js';
import { definePrimitive } from '../primitive.js';
import type { PrimitiveParams } from '../primitives/params.js';
import { DTypeError } from '../errors.js';
import { or, xor } from './bitwise.js';
import { constantLike } from './constant.js';
import { ANY_DTYPE, checkAccepts, checkSameShape } from './elementwise-eval.js';
import { elementwisePrimitive } from './elementwise-primitive.js';

export const eqP = elementwisePrimitive('eq', ANY_DTYPE, { outDType: 'bool' });

/**
 * `lax.eq`: elementwise `x == y` as bool; NaN equals nothing, and `-0 == 0`.
 *
 * @example
 * ```ts
 * ax.lax.eq(ax.array([1, NaN]), ax.array([1, NaN])); // [true, false]
 * ```
 */
export function eq(x: Array, y: Array): Array {
  return bind1(eqP, [x, y], {});
}

export const neP = elementwisePrimitive('ne', ANY_DTYPE, {
  outDType: 'bool',
  decompose: ([x, y]) => {
    const equal = eq(x!, y!);
    return [xor(equal, constantLike(equal, true))];
  },
});

/**
 * `lax.ne`: elementwise `x != y` as bool; true wherever either operand is NaN.
 *
 * @example
 * ```ts
 * ax.lax.ne(ax.array([1, NaN]), ax.array([1, NaN])); // [false, true]
 * ```
 */
export function ne(x: Array, y: Array): Array {
  return bind1(neP, [x, y], {});
}

export const ltP = elementwisePrimitive('lt', ANY_DTYPE, { outDType: 'bool' });

/**
 * `lax.lt`: elementwise `x < y` as bool (false where either is NaN; bool orders false < true).
 *
 * @example
 * ```ts
 * ax.lax.lt(ax.array([1, 2]), ax.array([2, 2])); // [true, false]
 * ```
 */
export function lt(x: Array, y: Array): Array {
  return bind1(ltP, [x, y], {});
}

export const leP = elementwisePrimitive('le', ANY_DTYPE, {
  outDType: 'bool',
  decompose: ([x, y]) => [or(lt(x!, y!), eq(x!, y!))],
});

/**
 * `lax.le`: elementwise `x <= y` as bool (false where either is NaN).
 *
 * @example
 * ```ts
 * ax.lax.le(ax.array([1, 2, 3]), ax.array([2, 2, 2])); // [true, true, false]
 * ```
 */
export function le(x: Array, y: Array): Array {
  return bind1(leP, [x, y], {});
}

export const gtP = elementwisePrimitive('gt', ANY_DTYPE, {
  outDType: 'bool',
  decompose: ([x, y]) => [lt(y!, x!)],
});

/**
 * `lax.gt`: elementwise `x > y` as bool (false where either is NaN).
 *
 * @example
 * ```ts
 * ax.lax.gt(ax.array([1, 2, 3]), ax.array([2, 2, 2])); // [false, false, true]
 * ```
 */
export function gt(x: Array, y: Array): Array {
  return bind1(gtP, [x, y], {});
}

export const geP = elementwisePrimitive('ge', ANY_DTYPE, {
  outDType: 'bool',
  decompose: ([x, y]) => [le(y!, x!)],
});

/**
 * `lax.ge`: elementwise `x >= y` as bool (false where either is NaN).
 *
 * @example
 * ```ts
 * ax.lax.ge(ax.array([1, 2, 3]), ax.array([2, 2, 2])); // [false, true, true]
 * ```
 */
export function ge(x: Array, y: Array): Array {
  return bind1(geP, [x, y], {});
}

export const selectP = definePrimitive<PrimitiveParams['select']>({
  name: 'select',
  abstractEval: ([pred, onTrue, onFalse]) => {
    checkAccepts('select', pred!, ['bool'], 'pred');
    checkSameShape('select', [pred!, onTrue!, onFalse!]);
    if (onTrue!.dtype !== onFalse!.dtype) {
      throw new DTypeError(
        `select: onTrue and onFalse must have equal dtypes, got ${onTrue!.describe()} and ${onFalse!.describe()}`,
      );
    }
    return [new ShapeDtype(onTrue!.shape, onTrue!.dtype)];
  },
});

/**
 * `lax.select`: `onTrue` where `pred` is true, else `onFalse`. `pred` is bool; all three have one
 * shape (no broadcasting; `ax.where` broadcasts), and the two branches one dtype.
 *
 * @example
 * ```ts
 * ax.lax.select(ax.array([true, false]), ax.array([1, 2]), ax.array([3, 4])); // [1, 4]
 * ```
 */
export function select(pred: Array, onTrue: Array, onFalse: Array): Array {
  return bind1(selectP, [pred, onTrue, onFalse], {});
}
