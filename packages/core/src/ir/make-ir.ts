import { Array } from '../array.js';
import { ShapeDtype } from '../aval.js';
import { scalar } from '../creation.js';
import { AddaxError } from '../errors.js';
import { flattenFn } from '../tree/flat-fn.js';
import { flatten, unflatten, type TreeDef } from '../tree/pytree.js';
import type { IR } from './ir.js';
import { stage, type ConstOwner, type Staged } from './staging.js';

/** The abstract value of an argument leaf: arrays and specs as they are, JS numbers as scalars. */
function avalOf(leaf: unknown, i: number, def: TreeDef, where: string): ShapeDtype {
  if (leaf instanceof ShapeDtype) return leaf;
  if (leaf instanceof Array) return leaf.aval;
  if (typeof leaf === 'number' || typeof leaf === 'boolean') return scalar(leaf).aval;
  throw new AddaxError(
    `${where}: leaf ${i} of ${def.toString()} is not an array, ShapeDtype or number; pass it as a static argument`,
  );
}

/** A traced function: its program, output structure, and the constants its tracing made. */
export interface Traced extends Staged<undefined> {
  readonly outDef: TreeDef;
}

/**
 * Stages `f` at the abstract values of `args` (arrays, `ShapeDtype` specs or numbers in any pytree)
 * into an IR, every primitive recorded (dynamic staging, as jit does).
 */
export function traceToIR(
  f: (...args: never[]) => unknown,
  args: readonly unknown[],
  where: string,
  owner: ConstOwner,
  inline = false,
): Traced {
  const [leaves, inDef] = flatten([...args]);
  const avals = leaves.map((l, i) => avalOf(l, i, inDef, where));
  const flat = flattenFn(f, inDef, where);
  const staged = stage((_, xs) => [flat.fn(...xs), undefined], avals, { dynamic: true, owner, inline });
  return { ...staged, outDef: flat.outDef() };
}

/**
 * Stages `f` into its program at the given arguments' shapes and dtypes (`jax.make_jaxpr`): the
 * result prints as a readable program and runs with {@link evalIR}.
 *
 * @example
 * ```ts
 * const ir = ax.makeIR((x: ax.Array, y: ax.Array) => ax.matmul(x, y).sum())(ax.ones([2, 3]), ax.ones([3]));
 * console.log(ir.toString());
 * ```
 */
export function makeIR(f: (...args: never[]) => unknown): (...args: unknown[]) => IR {
  return (...args) => traceToIR(f, args, 'makeIR', 'enclosing').ir;
}

/**
 * The shapes and dtypes `f` would return for arguments of these shapes and dtypes, found by
 * abstract evaluation alone: no kernel runs (`jax.eval_shape`).
 *
 * @example
 * ```ts
 * ax.evalShape((x: ax.Array) => ax.matmul(x, x))(new ax.ShapeDtype([4, 4], 'float32')); // f32[4,4]
 * ```
 */
export function evalShape<R = unknown>(f: (...args: never[]) => unknown): (...args: unknown[]) => R {
  return (...args) => {
    const { ir, outDef, owned } = traceToIR(f, args, 'evalShape', 'caller');
    for (const x of owned) x.dispose();
    return unflatten<R>(outDef, ir.outAvals);
  };
}
