import type { Array } from '../array.js';
import type { ShapeDtype } from '../aval.js';
import { vmap } from '../batching/vmap.js';
import { eye, zerosLike } from '../creation.js';
import { tidy } from '../eager.js';
import { AddaxError } from '../errors.js';
import { evalShape } from '../ir/make-ir.js';
import { reshape } from '../lax/shape.js';
import { arrayLeaves } from '../tree/flat-fn.js';
import { flatten, unflatten } from '../tree/pytree.js';
import { jvp, vjp } from './api.js';
import { moveAxis } from '../batching/batch-trace.js';

/** Options of {@link jacfwd}, {@link jacrev} and {@link hessian}. */
export interface JacobianOptions {
  /** The positional argument to differentiate with respect to (a pytree of float arrays). Default 0. */
  readonly argnums?: number;
}

/** `[n, ...shape]`: row `i` is the `i`-th standard basis vector of arrays of `shape`. */
function basis(shape: readonly number[]): Array {
  const n = shape.reduce((a, b) => a * b, 1);
  return reshape(eye(n), [n, ...shape]);
}

function argAt(args: readonly unknown[], argnums: number, where: string): unknown {
  if (!Number.isInteger(argnums) || argnums < 0 || argnums >= args.length) {
    throw new AddaxError(`${where}: argnums ${argnums} is out of range for ${args.length} arguments`);
  }
  return args[argnums];
}

/** `args` with the one at `argnums` replaced by `value`. */
function withArg<A extends unknown[]>(args: A, argnums: number, value: unknown): A {
  const full = [...args] as A;
  full[argnums] = value;
  return full;
}

/**
 * Builds the Jacobian's structure: for each output leaf, the input's structure with, at each input
 * leaf, the array of shape `[...outShape, ...inShape]`.
 */
function assemble(
  outTree: unknown,
  inTree: unknown,
  block: (outLeaf: number, inLeaf: number) => Array,
): unknown {
  const [outLeaves, outDef] = flatten(outTree);
  const [inLeaves, inDef] = flatten(inTree);
  return unflatten(
    outDef,
    outLeaves.map((_, o) =>
      unflatten(
        inDef,
        inLeaves.map((__, i) => block(o, i)),
      ),
    ),
  );
}

/**
 * The Jacobian of `f` with respect to argument `argnums` by forward mode, one jvp per input element
 * batched with vmap (`jax.jacfwd`): for an output of shape `O` and input of shape `I`, shape `[...O, ...I]`.
 *
 * @example
 * ```ts
 * ax.jacfwd((x: ax.Array) => ax.sin(x))(ax.zeros([3])); // 3x3 identity (cos 0 = 1 on the diagonal)
 * ```
 */
export function jacfwd<A extends unknown[]>(
  f: (...args: A) => unknown,
  { argnums = 0 }: JacobianOptions = {},
): (...args: A) => unknown {
  return (...args) =>
    tidy(() => {
      const [xs, inDef] = arrayLeaves(argAt(args, argnums, 'jacfwd'), 'jacfwd');
      const atLeaves = (...leaves: Array[]): unknown =>
        f(...withArg(args, argnums, unflatten(inDef, leaves)));
      // Only the output's structure and shapes are needed here; the pushforwards compute its values.
      const out = evalShape(atLeaves)(...xs);
      const outShapes = flatten(out)[0] as ShapeDtype[];
      const columns = xs.map((x, i) => {
        const pushforward = (t: Array): unknown =>
          jvp(
            atLeaves,
            xs,
            xs.map((y, j) => (j === i ? t : zerosLike(y))),
          )[1];
        return arrayLeaves(vmap(pushforward)(basis(x.shape)), 'jacfwd')[0];
      });
      return assemble(out, unflatten(inDef, xs), (o, i) => {
        const col = columns[i]![o]!;
        const outShape = outShapes[o]!.shape;
        return reshape(moveAxis(col, 0, col.ndim - 1), [...outShape, ...xs[i]!.shape]);
      });
    });
}

/**
 * The Jacobian of `f` with respect to argument `argnums` by reverse mode, one vjp per output
 * element batched with vmap (`jax.jacrev`); same layout as {@link jacfwd}.
 *
 * @example
 * ```ts
 * ax.jacrev((x: ax.Array) => x.mul(x))(ax.array([1, 2])); // [[2, 0], [0, 4]]
 * ```
 */
export function jacrev<A extends unknown[]>(
  f: (...args: A) => unknown,
  { argnums = 0 }: JacobianOptions = {},
): (...args: A) => unknown {
  return (...args) =>
    tidy(() => {
      const x = argAt(args, argnums, 'jacrev');
      const [xs, inDef] = arrayLeaves(x, 'jacrev');
      const [out, pullback] = vjp((arg: unknown) => f(...withArg(args, argnums, arg)), unflatten(inDef, xs));
      const [ys, outDef] = arrayLeaves(out, 'jacrev (output)');
      const rows = ys.map((y, o) => {
        const pull = (ct: Array): unknown =>
          pullback(
            unflatten(
              outDef,
              ys.map((z, k) => (k === o ? ct : zerosLike(z))),
            ),
          )[0];
        return arrayLeaves(vmap(pull)(basis(y.shape)), 'jacrev')[0];
      });
      return assemble(out, unflatten(inDef, xs), (o, i) =>
        reshape(rows[o]![i]!, [...ys[o]!.shape, ...xs[i]!.shape]),
      );
    });
}

/**
 * The Hessian of a scalar `f`, as `jacfwd(jacrev(f))` (`jax.hessian`).
 *
 * @example
 * ```ts
 * ax.hessian((x: ax.Array) => ax.sum(x.mul(x).mul(x)))(ax.array([1, 2])); // [[6, 0], [0, 12]]
 * ```
 */
export function hessian<A extends unknown[]>(
  f: (...args: A) => unknown,
  options: JacobianOptions = {},
): (...args: A) => unknown {
  return jacfwd(jacrev(f, options), options);
}
