import type { Array } from '../array.js';
import { ParameterError } from '../errors.js';
import { bind } from '../interpreters.js';
import { definePrimitive } from '../primitive.js';
import type { PrimitiveParams } from '../primitives/params.js';
import { constantLike } from './constant.js';
import { add, elementwiseEval, or, shiftLeft, shiftRightLogical, xor } from './elementwise.js';

/** Threefry-2x32's rotation amounts, alternating every four rounds (Salmon et al. 2011, table 4). */
const ROTATIONS = [
  [13, 15, 26, 6],
  [17, 29, 16, 24],
] as const;

/** The key-schedule parity constant of Threefry, `SKEIN_KS_PARITY32`. */
const KS_PARITY = 0x1bd11bda;

const uint32Eval = elementwiseEval('threefry2x32', ['uint32']);

function rotateLeft(x: Array, r: number): Array {
  return or(shiftLeft(x, constantLike(x, r)), shiftRightLogical(x, constantLike(x, 32 - r)));
}

/** The twenty rounds of Threefry-2x32 in uint32 lax operations, unrolled as JAX's lowering is. */
function threefryRounds(k0: Array, k1: Array, x0: Array, x1: Array): [Array, Array] {
  const ks = [k0, k1, xor(xor(k0, k1), constantLike(k0, KS_PARITY))] as const;
  let a = add(x0, ks[0]);
  let b = add(x1, ks[1]);
  for (let block = 0; block < 5; block++) {
    for (const r of ROTATIONS[block % 2]!) {
      a = add(a, b);
      b = xor(a, rotateLeft(b, r));
    }
    // Key injection, as in JAX's unrolled lowering: schedule words i+1 and i+2, plus the count i+1.
    a = add(a, ks[(block + 1) % 3]!);
    b = add(add(b, ks[(block + 2) % 3]!), constantLike(b, block + 1));
  }
  return [a, b];
}

export const threefry2x32P = definePrimitive<PrimitiveParams['threefry2x32']>({
  name: 'threefry2x32',
  abstractEval: (operands) => {
    if (operands.length !== 4) {
      throw new ParameterError(`threefry2x32: expects 4 operands (k0, k1, x0, x1), got ${operands.length}`);
    }
    const [out] = uint32Eval(operands);
    return [out!, out!];
  },
  decompose: ([k0, k1, x0, x1]) => threefryRounds(k0!, k1!, x0!, x1!),
});

/**
 * `threefry2x32`: the Threefry-2x32 block cipher with 20 rounds (JAX's `threefry2x32_p`), applied
 * elementwise to key words `k0, k1` and counter words `x0, x1`, all uint32 of one shape. Returns the
 * two output words. This is the hash under every `ax.random` function.
 *
 * @example
 * ```ts
 * const z = ax.array([0], 'uint32');
 * const [y0, y1] = ax.lax.threefry2x32(z, z, z, z); // [0x6b200159], [0x99ba4efe] (Random123's answer)
 * ```
 */
export function threefry2x32(k0: Array, k1: Array, x0: Array, x1: Array): [Array, Array] {
  const [y0, y1] = bind(threefry2x32P, [k0, k1, x0, x1], {});
  return [y0!, y1!];
}
