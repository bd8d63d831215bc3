import type { Array } from '../../array.js';
import { gather } from '../../lax/gather.js';
import { concatenate } from '../../lax/slicing.js';
import { iota, reshape } from '../../lax/shape.js';
import { sort } from '../../lax/sort.js';
import { Zero, type JvpRule } from '../../primitive.js';
import type { SortParams } from '../../primitives/params.js';

/**
 * `x` rearranged along `dimension` by `perm` (of `x`'s shape): `out[..., i, ...] = x[..., perm[..., i, ...], ...]`,
 * numpy's `take_along_axis` as one gather whose index vectors are `perm` on `dimension` and the
 * element's own position on every other axis. Linear in `x`.
 */
function takeAlongAxis(x: Array, perm: Array, dimension: number): Array {
  const axes = x.shape.map((_, a) => a);
  const position = (a: number): Array => (a === dimension ? perm : iota('int32', x.shape, a));
  const indices = concatenate(
    axes.map((a) => reshape(position(a), [...x.shape, 1])),
    x.ndim,
  );
  return gather(x, indices, {
    offsetDims: [],
    collapsedSliceDims: axes,
    startIndexMap: axes,
    sliceSizes: axes.map(() => 1),
    mode: 'clip',
  });
}

/**
 * JAX's `_sort_jvp`: an iota sorted along with the operands records where each output element
 * came from, and every nonzero tangent is gathered by that permutation (a constant of the primals,
 * so the tangent stays linear).
 */
export const sortJvp: JvpRule<SortParams> = (operands, tangents, { dimension, numKeys }) => {
  const shape = operands[0]!.shape;
  const sorted = sort([...operands, iota('int32', shape, dimension)], dimension, numKeys);
  const perm = sorted.pop()!;
  return [sorted, tangents.map((t) => (t instanceof Zero ? t : takeAlongAxis(t, perm, dimension)))];
};
