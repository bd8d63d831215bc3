import type { Array } from '../array.js';
import type { ShapeDtype } from '../aval.js';
import { AddaxError, DTypeError, ShapeError } from '../errors.js';
import { arrayLeaves } from '../tree/flat-fn.js';
import type { TreeDef } from '../tree/pytree.js';

/**
 * Checks that values agree with what a body expects, one by one, naming the first that does not
 * (`where`: the primitive or function; `what`: e.g. 'carry output'; `reference`: how the message
 * introduces the expected value).
 */
export function checkAvals(
  where: string,
  what: string,
  got: readonly ShapeDtype[],
  expected: readonly ShapeDtype[],
  reference = 'expected',
): void {
  if (got.length !== expected.length) {
    throw new AddaxError(`${where}: got ${got.length} values for ${what}, ${reference} ${expected.length}`);
  }
  got.forEach((a, i) => {
    const e = expected[i]!;
    if (a.equals(e)) return;
    const Err = a.dtype === e.dtype ? ShapeError : DTypeError;
    throw new Err(`${where}: ${what} ${i} is ${a.describe()}, ${reference} ${e.describe()}`);
  });
}

/**
 * The leaves of `value`, a pytree a user function returned, checked against what it must match:
 * the same structure (`def`) and the same shapes and dtypes (`avals`) as `reference` has (a loop's
 * carry output against its init, a custom rule's output against the function's).
 */
export function leavesLike(
  where: string,
  what: string,
  value: unknown,
  def: TreeDef,
  avals: readonly ShapeDtype[],
  reference: string,
): Array[] {
  const [leaves, valueDef] = arrayLeaves(value, `${where} (${what})`);
  if (!valueDef.equals(def)) {
    throw new AddaxError(
      `${where}: ${what} has structure ${valueDef.toString()}, but ${reference} has ${def.toString()}`,
    );
  }
  checkAvals(
    where,
    `${what} leaf`,
    leaves.map((c) => c.aval),
    avals,
    `but ${reference} has`,
  );
  return leaves;
}

/** The two parts of a `[a, b]` pair a user function must return, or an error naming what it should be. */
export function pairOf(value: unknown, message: string): [unknown, unknown] {
  if (!globalThis.Array.isArray(value) || value.length !== 2) throw new AddaxError(message);
  return [value[0], value[1]];
}
