import { dotGeneral, reduceWindowMax, reduceWindowSum } from '../../lax/linalg.js';
import { freeAxes } from '../../lax/linalg/dot-general.js';
import type { BatchRule } from '../../primitive.js';
import type { ReduceWindowParams } from '../../primitives/params.js';
import { convBatch } from './conv-batch.js';
import type { BatchTable } from './types.js';

/** `axes` of an unbatched operand renumbered for the operand with a batch axis at `dim`. */
function shifted(axes: readonly number[], dim: number): number[] {
  return axes.map((a) => (a >= dim ? a + 1 : a));
}

/** How many of an operand's free axes (in neither `contracting` nor `batch`) precede axis `dim`. */
function freeAxesBefore(dim: number, contracting: readonly number[], batch: readonly number[]): number {
  return freeAxes(dim, contracting, batch).length;
}

/** `list` with `value` inserted at `index`. */
function insertAt<T>(list: readonly T[], index: number, value: T): T[] {
  return [...list.slice(0, index), value, ...list.slice(index)];
}

/**
 * A window reduction under vmap: the batch axis gets a window of its own of size 1, so each batch
 * element is reduced alone and the output keeps the batch axis where the operand had it.
 */
function windowBatch(reduce: typeof reduceWindowSum): BatchRule<ReduceWindowParams> {
  return ([x], [dim], p) => {
    const d = dim!;
    const out = reduce(x!, {
      windowDimensions: insertAt(p.windowDimensions, d, 1),
      windowStrides: insertAt(p.windowStrides, d, 1),
      padding: insertAt(p.padding, d, [0, 0] as const),
      baseDilation: insertAt(p.baseDilation, d, 1),
      windowDilation: insertAt(p.windowDilation, d, 1),
    });
    return [[out], [d]];
  };
}

export const linalgBatchers = {
  // Both mapped: the batch axes pair up as a new leading batch dimension of the product. One
  // mapped: its batch axis is a free axis, placed among that operand's free output axes.
  dotGeneral: ([lhs, rhs], dims, { contractingDims: [lc, rc], batchDims: [lb, rb] }) => {
    const [lhsDim, rhsDim] = [dims[0] ?? null, dims[1] ?? null];
    if (lhsDim !== null && rhsDim !== null) {
      const out = dotGeneral(
        lhs!,
        rhs!,
        [shifted(lc, lhsDim), shifted(rc, rhsDim)],
        [
          [lhsDim, ...shifted(lb, lhsDim)],
          [rhsDim, ...shifted(rb, rhsDim)],
        ],
      );
      return [[out], [0]];
    }
    if (lhsDim !== null) {
      const [c, b] = [shifted(lc, lhsDim), shifted(lb, lhsDim)];
      return [[dotGeneral(lhs!, rhs!, [c, rc], [b, rb])], [lb.length + freeAxesBefore(lhsDim, c, b)]];
    }
    const [c, b] = [shifted(rc, rhsDim!), shifted(rb, rhsDim!)];
    const lhsFree = lhs!.ndim - lc.length - lb.length;
    return [
      [dotGeneral(lhs!, rhs!, [lc, c], [lb, b])],
      [lb.length + lhsFree + freeAxesBefore(rhsDim!, c, b)],
    ];
  },
  conv: convBatch,
  reduceWindowSum: windowBatch(reduceWindowSum),
  reduceWindowMax: windowBatch(reduceWindowMax),
} satisfies BatchTable<'dotGeneral' | 'conv' | 'reduceWindowSum' | 'reduceWindowMax'>;
