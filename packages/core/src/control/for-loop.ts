import type { Array } from '../array.js';
import { arange, scalar } from '../creation.js';
import { tidy } from '../eager.js';
import { DTypeError, ParameterError } from '../errors.js';
import { add } from '../lax/arithmetic.js';
import { lt } from '../lax/comparison.js';
import { scan } from './scan.js';
import { whileLoop } from './while-loop.js';

function integer(x: number, name: string): number {
  if (!Number.isInteger(x)) throw new ParameterError(`forLoop: ${name} must be an integer, got ${x}`);
  return x;
}

function bound(x: number | Array, name: string): Array {
  if (typeof x === 'number') return scalar(integer(x, name), 'int32');
  if (x.dtype !== 'int32' || x.ndim !== 0) {
    throw new DTypeError(
      `forLoop: ${name} must be an int32 scalar or a JS integer, got ${x.aval.describe()}`,
    );
  }
  return x;
}

/**
 * `carry = body(i, carry)` for `i` from `lower` up to `upper` (exclusive) (`jax.lax.fori_loop`), `i`
 * an int32 scalar and the carry a pytree. With JS-number bounds the trip count is known, so the
 * loop is a `scan` and every transformation, reverse mode included, goes through it; with array
 * bounds it is a `whileLoop` (forward mode and vmap only).
 *
 * @example
 * ```ts
 * // x^5 by repeated multiplication, differentiable since the bounds are static.
 * const pow5 = (x: ax.Array) => ax.forLoop(0, 5, (_i, acc: ax.Array) => acc.mul(x), ax.scalar(1));
 * ax.grad(pow5)(ax.scalar(2)); // 5 * 2^4 = 80
 * ```
 */
export function forLoop<C>(
  lower: number | Array,
  upper: number | Array,
  body: (i: Array, carry: C) => C,
  init: C,
): C {
  return tidy(() => {
    if (typeof lower === 'number' && typeof upper === 'number') {
      const steps = arange(integer(lower, 'lower'), Math.max(lower, integer(upper, 'upper')), 1, 'int32');
      return scan((carry: C, i: Array): [C, null] => [body(i, carry), null], init, steps)[0];
    }
    const [lo, hi] = [bound(lower, 'lower'), bound(upper, 'upper')];
    const one = scalar(1, 'int32');
    const [, , out] = whileLoop(
      ([i, end]: [Array, Array, C]) => lt(i, end),
      ([i, end, carry]: [Array, Array, C]): [Array, Array, C] => [add(i, one), end, body(i, carry)],
      [lo, hi, init],
    );
    return out;
  });
}
