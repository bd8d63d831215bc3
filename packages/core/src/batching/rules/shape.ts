import { full, scalar } from '../../creation.js';
import { select } from '../../lax/comparison.js';
import { broadcastInDim, concatenate, iota, pad, reshape, rev, slice, transpose } from '../../lax/shape.js';
import { batchAt, moveAxis } from '../batch-trace.js';
import { gatherBatch, scatterAddBatch } from './gather-batch.js';
import { dynamicBatchers } from './gather-dynamic.js';
import type { BatchTable } from './types.js';

/** `xs` with `value` inserted at position `i`. */
function insertAt<T>(xs: readonly T[], i: number, value: T): T[] {
  return [...xs.slice(0, i), value, ...xs.slice(i)];
}

/** Axes of the unbatched operand renumbered for its batched form, batched along `d`. */
function skip(axes: readonly number[], d: number): number[] {
  return axes.map((a) => (a < d ? a : a + 1));
}

type Structural =
  'reshape' | 'broadcastInDim' | 'transpose' | 'slice' | 'pad' | 'concatenate' | 'rev' | 'iota';

export const shapeBatchers = {
  reshape: ([x], [d], { newSizes }, size) => [[reshape(moveAxis(x!, d!, 0), [size, ...newSizes])], [0]],
  broadcastInDim: ([x], [d], { shape, broadcastDimensions }, size) => [
    [broadcastInDim(moveAxis(x!, d!, 0), [size, ...shape], [0, ...broadcastDimensions.map((a) => a + 1)])],
    [0],
  ],
  transpose: ([x], [d], { permutation }) => [[transpose(x!, [d!, ...skip(permutation, d!)])], [0]],
  slice: ([x], [d], { startIndices, limitIndices, strides }) => [
    [
      slice(
        x!,
        insertAt(startIndices, d!, 0),
        insertAt(limitIndices, d!, x!.shape[d!]!),
        insertAt(strides, d!, 1),
      ),
    ],
    [d!],
  ],
  // A batched padding value is written with select, through a mask of where the operand's elements
  // landed (JAX's `_pad_batch_rule`).
  pad: ([x, paddingValue], [dx, dv], { config }, size) => {
    const d = dx ?? 0;
    const operand = batchAt(x!, dx!, d, size);
    const batchedConfig = insertAt(config, d, [0, 0, 0] as const);
    if (dv === null) return [[pad(operand, paddingValue!, batchedConfig)], [d]];
    const padded = pad(operand, scalar(0, operand.dtype), batchedConfig);
    const placed = pad(full(operand.shape, true, 'bool'), scalar(false, 'bool'), batchedConfig);
    return [[select(placed, padded, broadcastInDim(paddingValue!, padded.shape, [d]))], [d]];
  },
  concatenate: (xs, dims, { dimension }, size) => [
    [
      concatenate(
        xs.map((x, i) => batchAt(x, dims[i]!, 0, size)),
        dimension + 1,
      ),
    ],
    [0],
  ],
  rev: ([x], [d], { dimensions }) => [[rev(x!, skip(dimensions, d!))], [d!]],
  // iota has no operands, so nothing of it is ever batched.
  iota: (_, __, { dtype, shape, dimension }) => [[iota(dtype, shape, dimension)], [null]],
  gather: gatherBatch,
  scatterAdd: scatterAddBatch,
  ...dynamicBatchers,
} satisfies BatchTable<Structural | 'gather' | 'scatterAdd' | keyof typeof dynamicBatchers>;
