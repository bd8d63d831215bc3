import * as ax from '@addax/core';
import { flattenArrays } from '../array-leaves.js';

/** Checks a hyperparameter is a finite number in `[min, max)`. */
export function checkRange(where: string, name: string, value: number, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value >= max) {
    const range = max === Infinity ? `>= ${min}` : `in [${min}, ${max})`;
    throw new ax.ParameterError(`${where}: ${name} must be a finite number ${range}, got ${String(value)}`);
  }
}

/**
 * The leaves of `tree`, checked to have the structure `def` and, leaf by leaf, the shapes of
 * `like` (the leaves of `likeName`): a gradient that does not match its parameters would otherwise
 * broadcast silently or fail deep inside an operation.
 */
export function leavesLike(
  where: string,
  name: string,
  tree: unknown,
  likeName: string,
  def: ax.TreeDef,
  like: readonly ax.Array[],
): ax.Array[] {
  const [leaves, treeDef] = flattenArrays(where, name, tree);
  if (!treeDef.equals(def)) {
    throw new ax.ParameterError(
      `${where}: ${name} has structure ${treeDef.toString()}, but ${likeName} has ${def.toString()}`,
    );
  }
  leaves.forEach((leaf, i) => {
    const expected = like[i]!;
    if (leaf.shape.join() !== expected.shape.join()) {
      throw new ax.ShapeError(
        `${where}: leaf ${i} of ${name} is ${leaf.aval.describe()}, but leaf ${i} of ${likeName} is ${expected.aval.describe()}`,
      );
    }
  });
  return leaves;
}
