import type { Array } from '../../array.js';
import { mul } from '../../lax/arithmetic.js';
import { neg } from '../../lax/unary-sign.js';
import { Zero } from '../../primitive.js';

/** `t * factor`, keeping a symbolic zero symbolic (and `factor`, computed from primals, unbuilt). */
export function scale(t: Array | Zero, factor: () => Array): Array | Zero {
  return t instanceof Zero ? t : mul(t, factor());
}

/** `-t`, keeping a symbolic zero symbolic. */
export function negate(t: Array | Zero): Array | Zero {
  return t instanceof Zero ? t : neg(t);
}
