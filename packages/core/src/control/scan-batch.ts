import type { Array } from '../array.js';
import { batchAt } from '../batching/batch-trace.js';
import { bind } from '../interpreters.js';
import { batchedOperands, batchIR } from './batch-ir.js';
import { carryFixedPoint } from './carry-fixed-point.js';
import { flags } from './lists.js';
import { scanP, type ScanParams } from './scan-primitive.js';

/**
 * vmap of scan (JAX's `_scan_batching_rule`): one scan of the batched body. Batched consts and
 * carries take the batch axis first, batched xs second (after the scanned axis); a carry is
 * batched if it starts so or any iteration can make it so (a fixed point), and so are the ys
 * the batched body returns batched.
 */
export function scanBatch(
  operands: readonly Array[],
  dims: readonly (number | null)[],
  params: ScanParams,
  axisSize: number,
): [Array[], (number | null)[]] {
  const { numConsts: nc, numCarry } = params;
  const batched = dims.map((d) => d !== null);
  const withCarry = (carry: readonly boolean[]): boolean[] => [
    ...batched.slice(0, nc),
    ...carry,
    ...batched.slice(nc + numCarry),
  ];
  const { flags: carryBatched, result } = carryFixedPoint(
    batched.slice(nc, nc + numCarry),
    (carry) => batchIR(params.body, withCarry(carry), axisSize, carry),
    (b) => b.outBatched,
  );
  const consts = batchedOperands(operands.slice(0, nc), dims.slice(0, nc));
  const init = operands
    .slice(nc, nc + numCarry)
    .map((x, i) => (carryBatched[i] ? batchAt(x, dims[nc + i]!, 0, axisSize) : x));
  const xs = batchedOperands(operands.slice(nc + numCarry), dims.slice(nc + numCarry), 1);
  const outs = bind(scanP, [...result.consts, ...consts, ...init, ...xs], {
    ...params,
    body: result.ir,
    numConsts: result.consts.length + nc,
    linear: [...flags(result.consts.length, false), ...params.linear],
  });
  const outDims = result.outBatched.map((b, i) => (b ? (i < numCarry ? 0 : 1) : null));
  return [outs, outDims];
}
