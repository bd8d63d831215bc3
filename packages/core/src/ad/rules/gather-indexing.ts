import type { Array } from '../../array.js';
import { zeros } from '../../creation.js';
import {
  dynamicSlice,
  dynamicSliceP,
  dynamicUpdateSlice,
  dynamicUpdateSliceP,
  gather,
  gatherP,
  scatterAdd,
  scatterAddP,
} from '../../lax/shape.js';
import { linearJvp, pullback } from './shape-linear.js';
import type { JvpTable, TransposeTable } from './types.js';

type Indexing = 'gather' | 'scatterAdd' | 'dynamicSlice' | 'dynamicUpdateSlice';

// The index operands (gather's and scatterAdd's indices, the dynamic starts) are integers, so always
// constants: each primitive is linear in its other operands.
export const indexingJvps = {
  // The fill value is a constant, so out-of-range slices have a zero tangent.
  gather: linearJvp(
    gatherP,
    (i) => i === 0,
    (params) => ({ ...params, fillValue: 0 }),
  ),
  scatterAdd: linearJvp(scatterAddP, (i) => i !== 1),
  dynamicSlice: linearJvp(dynamicSliceP, (i) => i === 0),
  dynamicUpdateSlice: linearJvp(dynamicUpdateSliceP, (i) => i < 2),
} satisfies JvpTable<Indexing>;

export const indexingTransposes = {
  // Each slice's cotangent is added back where it was read from (duplicates accumulate); the
  // window placement and out-of-range handling of the scatter match the gather's.
  gather: ([ct], [x, indices], { offsetDims, collapsedSliceDims, startIndexMap, mode }) => [
    pullback(ct!, x!, (g) =>
      scatterAdd(zeros(x!.shape, g.dtype), indices as Array, g, {
        updateWindowDims: offsetDims,
        insertedWindowDims: collapsedSliceDims,
        scatterDimsToOperandDims: startIndexMap,
        mode,
      }),
    ),
    null,
  ],
  scatterAdd: ([ct], [x, indices, updates], params) => {
    const { updateWindowDims, insertedWindowDims, scatterDimsToOperandDims, mode } = params;
    const windows = updateWindowDims.map((d) => updates!.shape[d]!);
    return [
      pullback(ct!, x!, (g) => g),
      null,
      pullback(ct!, updates!, (g) => {
        let w = 0;
        const sliceSizes = g.shape.map((_, a) => (insertedWindowDims.includes(a) ? 1 : windows[w++]!));
        return gather(g, indices as Array, {
          offsetDims: updateWindowDims,
          collapsedSliceDims: insertedWindowDims,
          startIndexMap: scatterDimsToOperandDims,
          sliceSizes,
          mode,
          fillValue: 0,
        });
      }),
    ];
  },
  dynamicSlice: ([ct], [x, ...starts]) => [
    pullback(ct!, x!, (g) => dynamicUpdateSlice(zeros(x!.shape, g.dtype), g, starts as Array[])),
    ...starts.map(() => null),
  ],
  dynamicUpdateSlice: ([ct], [x, update, ...starts]) => [
    pullback(ct!, x!, (g) => dynamicUpdateSlice(g, zeros(update!.shape, g.dtype), starts as Array[])),
    pullback(ct!, update!, (g) => dynamicSlice(g, starts as Array[], update!.shape)),
    ...starts.map(() => null),
  ],
} satisfies TransposeTable<Indexing>;
