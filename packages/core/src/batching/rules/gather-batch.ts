import type { Array } from '../../array.js';
import { ShapeDtype } from '../../aval.js';
import { zeros } from '../../creation.js';
import { concatenate, gather, gatherP, iota, scatterAdd } from '../../lax/shape.js';
import type { BatchRule } from '../../primitive.js';
import type { GatherParams, ScatterParams } from '../../primitives/params.js';
import { batchAt, moveAxis } from '../batch-trace.js';

const shift = (axes: readonly number[]): number[] => axes.map((a) => a + 1);

/**
 * Index vectors with each one's batch position in front (`indices` batched along axis 0), so that
 * one gather or scatter on an operand batched along axis 0 addresses every batch element's own
 * slice of it.
 */
export function withBatchPositions(indices: Array): Array {
  const counts = iota(indices.dtype, [...indices.shape.slice(0, -1), 1], 0);
  return concatenate([counts, indices], indices.ndim - 1);
}

/**
 * JAX's `_gather_batching_rule`. A batched operand alone becomes one more slice axis, taken whole;
 * batched indices alone, one more index batch axis; both, an index into the operand's batch axis,
 * which the slice collapses.
 */
export const gatherBatch: BatchRule<GatherParams> = ([x, indices], [dx, di], params, size) => {
  const { offsetDims, collapsedSliceDims, startIndexMap, sliceSizes } = params;
  if (di === null) {
    const dims = {
      offsetDims: [0, ...shift(offsetDims)],
      collapsedSliceDims: shift(collapsedSliceDims),
      startIndexMap: shift(startIndexMap),
      sliceSizes: [size, ...sliceSizes],
    };
    return [[gather(moveAxis(x!, dx!, 0), indices!, { ...params, ...dims })], [0]];
  }
  const batchedIndices = moveAxis(indices!, di!, 0);
  if (dx === null) {
    return [[gather(x!, batchedIndices, { ...params, offsetDims: shift(offsetDims) })], [0]];
  }
  const operand = moveAxis(x!, dx!, 0);
  // No size-1 slice fits a batch axis of size 0, though none would be taken: the result is empty.
  if (size === 0) {
    const unbatched = (a: Array): ShapeDtype => new ShapeDtype(a.shape.slice(1), a.dtype);
    const [out] = gatherP.abstractEval([unbatched(operand), unbatched(batchedIndices)], params);
    return [[zeros([0, ...out!.shape], out!.dtype)], [0]];
  }
  const dims = {
    offsetDims: shift(offsetDims),
    collapsedSliceDims: [0, ...shift(collapsedSliceDims)],
    startIndexMap: [0, ...shift(startIndexMap)],
    sliceSizes: [1, ...sliceSizes],
  };
  return [[gather(operand, withBatchPositions(batchedIndices), { ...params, ...dims })], [0]];
};

/**
 * JAX's `_scatter_batching_rule`: the operand and updates are batched along axis 0 (broadcast if
 * unmapped). With the indices unmapped, the batch axis is one more window axis, scattered whole;
 * with them mapped, an index into the operand's batch axis, inserted as a size-1 window axis.
 */
export const scatterAddBatch: BatchRule<ScatterParams> = (
  [x, indices, updates],
  [dx, di, du],
  params,
  size,
) => {
  const { updateWindowDims, insertedWindowDims, scatterDimsToOperandDims } = params;
  const operand = batchAt(x!, dx!, 0, size);
  const batchedUpdates = batchAt(updates!, du!, 0, size);
  if (di === null) {
    const dims = {
      updateWindowDims: [0, ...shift(updateWindowDims)],
      insertedWindowDims: shift(insertedWindowDims),
      scatterDimsToOperandDims: shift(scatterDimsToOperandDims),
    };
    return [[scatterAdd(operand, indices!, batchedUpdates, { ...params, ...dims })], [0]];
  }
  const dims = {
    updateWindowDims: shift(updateWindowDims),
    insertedWindowDims: [0, ...shift(insertedWindowDims)],
    scatterDimsToOperandDims: [0, ...shift(scatterDimsToOperandDims)],
  };
  const batchedIndices = withBatchPositions(moveAxis(indices!, di!, 0));
  return [[scatterAdd(operand, batchedIndices, batchedUpdates, { ...params, ...dims })], [0]];
};
