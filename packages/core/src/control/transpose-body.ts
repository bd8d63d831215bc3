import type { Array } from '../array.js';
import { instantiate } from '../ad/jvp-trace.js';
import { backwardPass } from '../ad/transpose.js';
import type { IR } from '../ir/ir.js';
import { Zero } from '../primitive.js';

/**
 * Runs the transpose of `ir`, a body linear in the inputs marked `linear` (JAX's
 * `backward_pass` on a branch or loop body): from the values of the other inputs and the output
 * cotangents (`null` for a known zero), the cotangents of the linear inputs, zeros made concrete.
 * The body's non-linear part (residuals recomputed from the constant inputs) runs forward first.
 */
export function transposeBody(
  ir: IR,
  linear: readonly boolean[],
  residuals: readonly Array[],
  cotangents: readonly (Array | null)[],
): Array[] {
  let next = 0;
  const known = linear.map((isLinear) => (isLinear ? null : residuals[next++]!));
  const cts = ir.outAvals.map((a, i) => cotangents[i] ?? new Zero(a));
  const inCts = backwardPass(ir, known, cts);
  return inCts.filter((_, i) => linear[i]).map((ct) => instantiate(ct));
}
