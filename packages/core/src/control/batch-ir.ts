import type { Array } from '../array.js';
import { ShapeDtype } from '../aval.js';
import { batchAt, batchFlat, moveAxis } from '../batching/batch-trace.js';
import { evalIR } from '../ir/eval-ir.js';
import type { IR } from '../ir/ir.js';
import { reduceSum } from '../lax/reductions.js';
import { stageOpen, type OpenIR } from './open-ir.js';

/** `aval` with a batch axis of `axisSize` in front. */
export function batchedAval(aval: ShapeDtype, axisSize: number): ShapeDtype {
  return new ShapeDtype([axisSize, ...aval.shape], aval.dtype);
}

/** A batched body, and which of its outputs are batched (along axis 0). */
export interface BatchedIR extends OpenIR {
  readonly outBatched: boolean[];
}

/**
 * Stages `ir` batched (JAX's `batch_jaxpr`): the inputs marked in `inBatched` carry a batch axis
 * of `axisSize` in front, and so does each output that depends on them or is marked in `force`
 * (broadcast there); the other outputs are unbatched. An output marked in `summed` is unbatched
 * whatever it depends on, summed over the batch if it does (a cotangent of an unbatched input,
 * which every batch element used).
 */
export function batchIR(
  ir: IR,
  inBatched: readonly boolean[],
  axisSize: number,
  force: readonly boolean[] = [],
  summed: readonly boolean[] = [],
): BatchedIR {
  const avals = ir.inAvals.map((a, i) => (inBatched[i] ? batchedAval(a, axisSize) : a));
  const { extra, ...open } = stageOpen((...args) => {
    const dims = inBatched.map((b) => (b ? 0 : null));
    const [outs, outDims] = batchFlat((...xs) => evalIR(ir, xs), args, dims, axisSize);
    const results = outs.map((x, i) => {
      const d = outDims[i]!;
      if (summed[i] === true) return d === null ? x : reduceSum(x, [d]);
      return d !== null || force[i] === true ? batchAt(x, d, 0, axisSize) : x;
    });
    const outBatched = outDims.map((d, i) => summed[i] !== true && (d !== null || force[i] === true));
    return [results, outBatched];
  }, avals);
  return { ...open, outBatched: extra };
}

/** Operands with their batch axis moved to `to` where they are batched, unchanged elsewhere. */
export function batchedOperands(
  operands: readonly Array[],
  dims: readonly (number | null)[],
  to = 0,
): Array[] {
  return operands.map((x, i) => (dims[i] === null ? x : moveAxis(x, dims[i]!, to)));
}
