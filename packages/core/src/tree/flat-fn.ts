import { Array } from '../array.js';
import { scalar } from '../creation.js';
import { AddaxError } from '../errors.js';
import { flatten, unflatten, type TreeDef } from './pytree.js';

/**
 * The leaves of `tree` as arrays: JS numbers and booleans become scalars (float32 for numbers, as
 * JAX's Python floats), anything else is an error naming where it was found.
 */
export function arrayLeaves(tree: unknown, where: string): [Array[], TreeDef] {
  const [leaves, def] = flatten(tree);
  const arrays = leaves.map((leaf, i) => {
    if (leaf instanceof Array) return leaf;
    if (typeof leaf === 'number' || typeof leaf === 'boolean') return scalar(leaf);
    const kind = leaf === null ? 'null' : typeof leaf === 'object' ? leaf.constructor.name : typeof leaf;
    throw new AddaxError(
      `${where}: leaf ${i} of ${def.toString()} is a ${kind}, not an array or number; ` +
        'register its class with ax.registerPytree, or pass it as a static argument',
    );
  });
  return [arrays, def];
}

/** A function on pytrees as a function on flat arrays, with the output structure it produced. */
export interface FlatFn {
  readonly fn: (...leaves: Array[]) => Array[];
  /** The structure of the last output (known once `fn` has run). */
  outDef(): TreeDef;
}

/**
 * Flattens `f`, whose arguments have structure `inDef`, into a function of the leaves (JAX's
 * `flatten_fun`): transformations work on flat lists of arrays, users on pytrees.
 */
export function flattenFn(f: (...args: never[]) => unknown, inDef: TreeDef, where: string): FlatFn {
  let outDef: TreeDef | undefined;
  return {
    fn: (...leaves) => {
      const args = unflatten<never[]>(inDef, leaves);
      const [outs, def] = arrayLeaves(f(...args), `${where} (output)`);
      outDef = def;
      return outs;
    },
    outDef: () => {
      if (!outDef) throw new AddaxError(`${where}: the function has not been traced yet`);
      return outDef;
    },
  };
}
