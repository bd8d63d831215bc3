import { Array } from '../array.js';
import { scalar, zerosLike } from '../creation.js';
import { tidy } from '../eager.js';
import { AddaxError, DTypeError, ShapeError } from '../errors.js';
import { bind } from '../interpreters.js';
import { max, min } from '../lax/arithmetic.js';
import { ne } from '../lax/comparison.js';
import { cast } from '../lax/conversion.js';
import { arrayLeaves, flattenFn } from '../tree/flat-fn.js';
import { unflatten } from '../tree/pytree.js';
import { checkAvals } from './check-avals.js';
import { condP } from './cond-primitive.js';
import { flags } from './lists.js';
import { joinConsts, stageOpenFn } from './open-ir.js';

/** Stages every branch on the operands, checks they return alike, and binds `cond` on `index`. */
function chooseBranch<A extends unknown[], R>(
  where: string,
  index: Array,
  branches: readonly { readonly name: string; readonly fn: (...operands: A) => R }[],
  operands: A,
): R {
  const [leaves, inDef] = arrayLeaves(operands, where);
  const staged = branches.map(({ name, fn }) => {
    const flat = flattenFn(fn as (...args: never[]) => unknown, inDef, `${where} (${name})`);
    const open = stageOpenFn(
      flat.fn,
      leaves.map((x) => x.aval),
    );
    return { name, open, outDef: flat.outDef() };
  });
  const first = staged[0]!;
  for (const { name, open, outDef } of staged.slice(1)) {
    if (!outDef.equals(first.outDef)) {
      throw new AddaxError(
        `${where}: ${name} returns ${outDef.toString()}, but ${first.name} returns ${first.outDef.toString()}; ` +
          'every branch must return the same structure',
      );
    }
    checkAvals(
      where,
      `${name} output leaf`,
      open.ir.outAvals,
      first.open.ir.outAvals,
      `but ${first.name} returns`,
    );
  }
  const { irs, consts } = joinConsts(staged.map((s) => s.open));
  const outs = bind(condP, [index, ...consts, ...leaves], {
    branches: irs,
    linear: flags(consts.length + leaves.length, false),
  });
  return unflatten<R>(first.outDef, outs);
}

/**
 * Runs `branches[index]` on `operands` (`jax.lax.switch`), with `index` clamped into range. Every
 * branch must return the same structure of arrays, of the same shapes and dtypes; operands and
 * results are pytrees. Eagerly only the chosen branch runs; under jit the choice is staged, under
 * grad only the chosen branch is differentiated, and under vmap with a mapped index every branch
 * runs and the results are selected per element. Exported as `switch`.
 *
 * @example
 * ```ts
 * const branches = [(x: ax.Array) => x.add(1), (x: ax.Array) => x.mul(2), (x: ax.Array) => x.neg()];
 * ax.switch(1, branches, ax.scalar(3));                     // 6
 * ax.switch(ax.scalar(7, 'int32'), branches, ax.scalar(3)); // -3 (index clamped to 2)
 * ```
 */
export function switchCase<A extends unknown[], R>(
  index: Array | number,
  branches: readonly ((...operands: A) => R)[],
  ...operands: A
): R {
  if (branches.length === 0) throw new AddaxError('switch: branches must not be empty');
  const i = typeof index === 'number' ? scalar(index, 'int32') : index;
  if (i.dtype !== 'int32' || i.ndim !== 0) {
    throw new DTypeError(`switch: index must be an int32 scalar or a JS integer, got ${i.aval.describe()}`);
  }
  if (branches.length === 1) return branches[0]!(...operands);
  return tidy(() => {
    const clamped = max(min(i, scalar(branches.length - 1, 'int32')), scalar(0, 'int32'));
    const named = branches.map((fn, k) => ({ name: `branch ${k}`, fn }));
    return chooseBranch('switch', clamped, named, operands);
  });
}

/**
 * `trueFn(...operands)` if `pred` is true, else `falseFn(...operands)` (`jax.lax.cond`), with
 * `pred` a scalar (bool, or a number compared with 0). Both branches must return the same
 * structure of arrays, of the same shapes and dtypes. Unlike `ax.where`, only one branch runs
 * eagerly, and grad differentiates only the branch taken.
 *
 * @example
 * ```ts
 * const safeLog = (x: ax.Array) =>
 *   ax.cond(ax.greater(x, 0), (v: ax.Array) => ax.log(v), (v: ax.Array) => ax.zerosLike(v), x);
 * ax.grad(safeLog)(ax.scalar(2)); // 0.5
 * ```
 */
export function cond<A extends unknown[], R>(
  pred: Array | boolean,
  trueFn: (...operands: A) => R,
  falseFn: (...operands: A) => R,
  ...operands: A
): R {
  return tidy(() => {
    const p = pred instanceof Array ? pred : scalar(pred);
    if (p.ndim !== 0) {
      throw new ShapeError(
        `cond: pred must be a scalar, got ${p.aval.describe()}; use ax.where to choose per element`,
      );
    }
    const index = cast(p.dtype === 'bool' ? p : ne(p, zerosLike(p)), 'int32');
    const branches = [
      { name: 'falseFn', fn: falseFn },
      { name: 'trueFn', fn: trueFn },
    ];
    return chooseBranch('cond', index, branches, operands);
  });
}
