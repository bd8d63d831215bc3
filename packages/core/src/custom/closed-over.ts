import type { Array } from '../array.js';
import { nonzeroFlags } from '../control/symbolic-zeros.js';
import { AddaxError } from '../errors.js';
import type { Zero } from '../primitive.js';

/**
 * A custom rule only says how to differentiate with respect to the function's arguments, so a
 * closed-over value (one of the first `count` operands) with a nonzero tangent, one being
 * differentiated, is an error, as in JAX.
 */
export function checkConstTangents(where: string, tangents: readonly (Array | Zero)[], count: number): void {
  const i = nonzeroFlags(tangents.slice(0, count)).indexOf(true);
  if (i >= 0) {
    throw new AddaxError(
      `${where}: the function or its rules close over a value that is being differentiated (captured value ${i}); ` +
        'the custom rule only covers the arguments, so pass that value as an argument instead',
    );
  }
}
