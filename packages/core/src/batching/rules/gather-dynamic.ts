import type { Array } from '../../array.js';
import { concatenate, dynamicSlice, dynamicUpdateSlice, reshape } from '../../lax/shape.js';
import { writeWindows } from '../../lax/slicing.js';
import type { BatchTable } from './types.js';
import { batchAt } from '../batch-trace.js';
import { gatherBatch, withBatchPositions } from './gather-batch.js';

/** The start scalars, some batched, as one index vector per batch element: int32 `[size, n]`. */
function batchedStarts(starts: readonly Array[], dims: readonly (number | null)[], size: number): Array {
  return concatenate(
    starts.map((s, i) => reshape(batchAt(s, dims[i]!, 0, size), [size, 1])),
    1,
  );
}

// With the starts unbatched, the batch axis is one more axis sliced (or updated) whole, from 0.
// With them batched each batch element has its own window: dynamicSlice becomes a batched gather
// and dynamicUpdateSlice a batched window write, both clipping starts as the primitives clamp them.
export const dynamicBatchers = {
  dynamicSlice: ([x, ...starts], [dx, ...dims], { sliceSizes }, size) => {
    if (dims.every((d) => d === null)) {
      return [[dynamicSlice(batchAt(x!, dx!, 0, size), [0, ...starts], [size, ...sliceSizes])], [0]];
    }
    const axes = [...sliceSizes.keys()];
    const params = {
      offsetDims: axes,
      collapsedSliceDims: [],
      startIndexMap: axes,
      sliceSizes,
      mode: 'clip' as const,
      fillValue: 0,
    };
    return gatherBatch([x!, batchedStarts(starts, dims, size)], [dx!, 0], params, size);
  },
  dynamicUpdateSlice: ([x, update, ...starts], [dx, du, ...dims], _, size) => {
    const operand = batchAt(x!, dx!, 0, size);
    const updates = batchAt(update!, du!, 0, size);
    if (dims.every((d) => d === null)) {
      return [[dynamicUpdateSlice(operand, updates, [0, ...starts])], [0]];
    }
    const axes = [...updates.shape.keys()];
    const indices = withBatchPositions(batchedStarts(starts, dims, size));
    const params = {
      updateWindowDims: axes.slice(1),
      insertedWindowDims: [0],
      scatterDimsToOperandDims: axes,
      mode: 'clip' as const,
    };
    return [[writeWindows(operand, indices, updates, params)], [0]];
  },
} satisfies BatchTable<'dynamicSlice' | 'dynamicUpdateSlice'>;
