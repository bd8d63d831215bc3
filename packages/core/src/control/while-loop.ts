import { Array } from '../array.js';
import { ShapeDtype } from '../aval.js';
import { tidy } from '../eager.js';
import { DTypeError } from '../errors.js';
import { bind } from '../interpreters.js';
import { arrayLeaves } from '../tree/flat-fn.js';
import { unflatten } from '../tree/pytree.js';
import { leavesLike } from './check-avals.js';
import { stageOpenFn } from './open-ir.js';
import { whileP } from './while-primitive.js';

const PRED = new ShapeDtype([], 'bool');

/**
 * Repeats `carry = bodyFn(carry)` while `condFn(carry)` is true (`jax.lax.while_loop`). The carry
 * is a pytree whose structure, shapes and dtypes the body keeps; `condFn` returns a bool scalar.
 * Forward mode (jvp, jacfwd) and vmap go through it (under vmap with a per-element predicate, each
 * element stops on its own); reverse mode (grad, vjp) cannot, since the number of iterations is
 * only known by running it: use `forLoop` with JS-number bounds, or `scan`, for that.
 *
 * @example
 * ```ts
 * // Halve until below 1: [value, steps].
 * const [x, steps] = ax.whileLoop(
 *   ([v]: ax.Array[]) => ax.greaterEqual(v!, 1),
 *   ([v, n]: ax.Array[]) => [v!.div(2), n!.add(1)],
 *   [ax.scalar(10), ax.scalar(0, 'int32')],
 * ); // x = 0.625, steps = 4
 * ```
 */
export function whileLoop<C>(condFn: (carry: C) => Array, bodyFn: (carry: C) => C, init: C): C {
  return tidy(() => {
    const [carry, def] = arrayLeaves(init, 'whileLoop (init)');
    const avals = carry.map((c) => c.aval);
    const cond = stageOpenFn((...args) => {
      const pred: unknown = condFn(unflatten<C>(def, args));
      if (!(pred instanceof Array) || !pred.aval.equals(PRED)) {
        const got = pred instanceof Array ? pred.aval.describe() : typeof pred;
        throw new DTypeError(`whileLoop: condFn must return a bool scalar array, got ${got}`);
      }
      return [pred];
    }, avals);
    const body = stageOpenFn(
      (...args) =>
        leavesLike(
          'whileLoop',
          'the carry bodyFn returns',
          bodyFn(unflatten<C>(def, args)),
          def,
          avals,
          'init',
        ),
      avals,
    );
    const outs = bind(whileP, [...cond.consts, ...body.consts, ...carry], {
      cond: cond.ir,
      body: body.ir,
      numCondConsts: cond.consts.length,
      numBodyConsts: body.consts.length,
    });
    return unflatten<C>(def, outs);
  });
}
