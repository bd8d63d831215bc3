import type { Array } from '../array.js';
import { ShapeDtype } from '../aval.js';
import { tidy } from '../eager.js';
import { ParameterError, ShapeError } from '../errors.js';
import { arrayLeaves } from '../tree/flat-fn.js';
import { unflatten, type TreeDef } from '../tree/pytree.js';
import { leavesLike, pairOf } from './check-avals.js';
import { stageOpenFn } from './open-ir.js';
import { bindScan, unrolledScan } from './scan-unroll.js';

/** Options of {@link scan}. */
export interface ScanOptions {
  /** The number of iterations: required when `xs` is null, else checked against its leading size. */
  readonly length?: number;
  /** Iterate from the last row of `xs` to the first (ys are still stacked in row order). */
  readonly reverse?: boolean;
  /**
   * How many iterations one step of the staged loop runs (JAX's `unroll`; `true`: all of them, so
   * the loop is one step). The results are the same; a larger unroll stages a longer body and
   * fewer steps. Default 1.
   */
  readonly unroll?: number | boolean;
}

/** Iterations per loop step for `unroll`, at least 1 and at most `length`. */
function unrollOf(unroll: number | boolean | undefined, length: number): number {
  if (unroll === undefined || unroll === false) return 1;
  if (unroll === true) return Math.max(length, 1);
  if (!Number.isInteger(unroll) || unroll < 1) {
    throw new ParameterError(`scan: unroll must be a positive integer or a boolean, got ${unroll}`);
  }
  return Math.min(unroll, Math.max(length, 1));
}

/** The number of iterations: the leading size every xs leaf shares, or `length`. */
function scanLength(xs: readonly Array[], length: number | undefined): number {
  xs.forEach((x, i) => {
    if (x.ndim === 0)
      throw new ShapeError(
        `scan: xs leaf ${i} is a scalar (${x.aval.describe()}); xs are scanned along axis 0`,
      );
  });
  const sizes = new Set(xs.map((x) => x.shape[0]!));
  if (sizes.size > 1) {
    const detail = xs.map((x, i) => `leaf ${i} has ${x.shape[0]}`).join(', ');
    throw new ShapeError(`scan: the xs leaves have different leading sizes (${detail})`);
  }
  const [size] = sizes;
  if (length !== undefined) {
    if (!Number.isInteger(length) || length < 0) {
      throw new ParameterError(`scan: length must be a non-negative integer, got ${length}`);
    }
    if (size !== undefined && size !== length) {
      throw new ShapeError(`scan: length is ${length}, but the xs have leading size ${size}`);
    }
    return length;
  }
  if (size === undefined)
    throw new ParameterError('scan: xs has no arrays, so pass the number of iterations as {length}');
  return size;
}

/**
 * Loops `f` over the leading axis of `xs`, threading a carry (`jax.lax.scan`):
 * `f(carry, x) -> [carry, y]` runs once per row `x` of `xs`, and the result is the final carry with
 * every `y` stacked along a new leading axis. Carry, xs and ys are pytrees; `xs` may be `null`
 * with `{ length }`. The loop is one primitive, so under jit it is staged once (not unrolled), and
 * grad, jvp and vmap all go through it; reverse mode stores each iteration's carry.
 *
 * @example
 * ```ts
 * // Cumulative sum: the carry is the running total, each y the total so far.
 * const [total, partials] = ax.scan((c: ax.Array, x: ax.Array) => {
 *   const s = c.add(x);
 *   return [s, s];
 * }, ax.scalar(0), ax.array([1, 2, 3])); // total 6, partials [1, 3, 6]
 * ```
 */
export function scan<C, X, Y>(
  f: (carry: C, x: X) => [C, Y],
  init: C,
  xs: X | null,
  options: ScanOptions = {},
): [C, Y] {
  return tidy(() => {
    const [carry, carryDef] = arrayLeaves(init, 'scan (init)');
    const [xLeaves, xDef] = arrayLeaves(xs, 'scan (xs)');
    const length = scanLength(xLeaves, options.length);
    const carryAvals = carry.map((c) => c.aval);
    let yDef: TreeDef | undefined;
    const body = stageOpenFn(
      (...args) => {
        const [carryOut, y] = pairOf(
          f(
            unflatten<C>(carryDef, args.slice(0, carry.length)),
            unflatten<X>(xDef, args.slice(carry.length)),
          ),
          'scan: f must return [carry, y]',
        );
        const next = leavesLike('scan', 'the carry f returns', carryOut, carryDef, carryAvals, 'init');
        const [ys, def] = arrayLeaves(y, 'scan (y)');
        yDef = def;
        return [...next, ...ys];
      },
      [...carryAvals, ...xLeaves.map((x) => new ShapeDtype(x.shape.slice(1), x.dtype))],
    );
    const unroll = unrollOf(options.unroll, length);
    const reverse = options.reverse ?? false;
    const outs =
      unroll === 1
        ? bindScan(body, carry, xLeaves, length, reverse)
        : unrolledScan(body, carry, xLeaves, length, reverse, unroll);
    return [
      unflatten<C>(carryDef, outs.slice(0, carry.length)),
      unflatten<Y>(yDef!, outs.slice(carry.length)),
    ];
  });
}
