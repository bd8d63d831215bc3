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
 * The leaves of a loop body's carry output, checked against the carry it was given: the same
 * structure (`def`) and the same shapes and dtypes (`avals`), as every loop requires.
 */
export function carryLeaves(
  where: string,
  out: unknown,
  def: TreeDef,
  avals: readonly ShapeDtype[],
): Array[] {
  const [leaves, outDef] = arrayLeaves(out, `${where} (carry output)`);
  if (!outDef.equals(def)) {
    throw new AddaxError(
      `${where}: the body returns a carry of structure ${outDef.toString()}, but init has ${def.toString()}`,
    );
  }
  checkAvals(
    where,
    'carry output leaf',
    leaves.map((c) => c.aval),
    avals,
    'but init has',
  );
  return leaves;
}
