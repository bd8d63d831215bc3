import type { Array } from '../../array.js';
import * as lax from '../../lax/index.js';
import type { BatchRule } from '../../primitive.js';
import type { ArgReduceParams, AxesParams } from '../../primitives/params.js';
import type { ReductionName } from '../../ad/rules/reductions-names.js';
import { batchAt } from '../batch-trace.js';
import type { BatchTable } from './types.js';

// Every rule leaves the batch axis where it is and shifts the reduced, scanned or sorted axes of the
// unbatched operand past it, so no operand is transposed.

/** Where axis `a` of the unbatched operand is in the operand batched along `dim`. */
function pastBatch(a: number, dim: number): number {
  return a < dim ? a : a + 1;
}

/** A reduction over `axes`: the batch axis moves left by the number of reduced axes before it. */
function axesBatcher(reduce: (x: Array, axes: readonly number[]) => Array): BatchRule<AxesParams> {
  return ([x], [dim], { axes }) => {
    const d = dim!;
    const shifted = axes.map((a) => pastBatch(a, d));
    return [[reduce(x!, shifted)], [d - shifted.filter((a) => a < d).length]];
  };
}

/** argmax or argmin along one axis, which is dropped. */
function argBatcher(
  reduce: (x: Array, axis: number, indexDtype: ArgReduceParams['indexDtype']) => Array,
): BatchRule<ArgReduceParams> {
  return ([x], [dim], { axis, indexDtype }) => {
    const d = dim!;
    const a = pastBatch(axis, d);
    return [[reduce(x!, a, indexDtype)], [a < d ? d - 1 : d]];
  };
}

export const reductionBatchers = {
  reduceSum: axesBatcher(lax.reduceSum),
  reduceMax: axesBatcher(lax.reduceMax),
  reduceMin: axesBatcher(lax.reduceMin),
  reduceProd: axesBatcher(lax.reduceProd),
  reduceAnd: axesBatcher(lax.reduceAnd),
  reduceOr: axesBatcher(lax.reduceOr),
  argmax: argBatcher(lax.argmax),
  argmin: argBatcher(lax.argmin),
  cumsum: ([x], [dim], { axis, reverse }) => [[lax.cumsum(x!, pastBatch(axis, dim!), reverse)], [dim!]],
  // Operands must share one shape, so each gets its batch axis where the first mapped one has it.
  sort: (operands, dims, { dimension, numKeys }, size) => {
    const to = dims.find((d) => d !== null)!;
    const outs = lax.sort(
      operands.map((x, i) => batchAt(x, dims[i] ?? null, to, size)),
      pastBatch(dimension, to),
      numKeys,
    );
    return [outs, outs.map(() => to)];
  },
} satisfies BatchTable<ReductionName>;
