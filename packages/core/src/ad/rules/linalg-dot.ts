import type { Array } from '../../array.js';
import type { ShapeDtype } from '../../aval.js';
import { dotGeneral } from '../../lax/linalg.js';
import { freeAxes } from '../../lax/linalg/dot-general.js';
import { inversePermutation } from '../../lax/linalg/window.js';
import { transpose } from '../../lax/shape.js';
import type { DotGeneralParams } from '../../primitives/params.js';

function range(start: number, n: number): number[] {
  return globalThis.Array.from({ length: n }, (_, i) => start + i);
}

/**
 * The cotangent of one dotGeneral operand `x` given the other, `y` (JAX's
 * `_dot_general_transpose_lhs`, which with `xIsRhs` serves the rhs): the cotangent contracted with
 * `y` over `y`'s free axes, batched over the batch axes, then permuted back into `x`'s layout.
 * `p` is written as if `x` were the lhs.
 */
function transposeOperand(ct: Array, y: Array, x: ShapeDtype, p: DotGeneralParams, xIsRhs: boolean): Array {
  const [[xContract, yContract], [xBatch, yBatch]] = [p.contractingDims, p.batchDims];
  const xKept = freeAxes(x.ndim, xContract, xBatch);
  const yKept = freeAxes(y.ndim, yContract, yBatch);
  const nb = xBatch.length;
  // The cotangent's axes: batch, then lhs's free axes, then rhs's.
  const ctY = range(xIsRhs ? nb : nb + xKept.length, yKept.length);
  const product = dotGeneral(ct, y, [ctY, yKept], [range(0, nb), yBatch]);
  // The product's last axes are y's contracted ones in increasing order: x's partners, sorted by y.
  const order = yContract.map((a, i) => [a, xContract[i]!] as const).sort(([a], [b]) => a - b);
  return transpose(product, inversePermutation([...xBatch, ...xKept, ...order.map(([, xa]) => xa)]));
}

/**
 * The cotangent of dotGeneral's lhs, with the rhs constant.
 *
 * @example
 * ```ts
 * dotTransposeLhs(ct, rhs, lhs.aval, params).shape; // lhs.shape
 * ```
 */
export function dotTransposeLhs(ct: Array, rhs: Array, lhs: ShapeDtype, p: DotGeneralParams): Array {
  return transposeOperand(ct, rhs, lhs, p, false);
}

/**
 * The cotangent of dotGeneral's rhs, with the lhs constant: the lhs rule with the sides swapped.
 *
 * @example
 * ```ts
 * dotTransposeRhs(ct, lhs, rhs.aval, params).shape; // rhs.shape
 * ```
 */
export function dotTransposeRhs(ct: Array, lhs: Array, rhs: ShapeDtype, p: DotGeneralParams): Array {
  const [lc, rc] = p.contractingDims;
  const [lb, rb] = p.batchDims;
  return transposeOperand(ct, lhs, rhs, { contractingDims: [rc, lc], batchDims: [rb, lb] }, true);
}
