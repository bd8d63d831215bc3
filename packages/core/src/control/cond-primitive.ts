import type { Array } from '../array.js';
import { AddaxError, DTypeError } from '../errors.js';
import { evalIR } from '../ir/eval-ir.js';
import type { IR } from '../ir/ir.js';
import { definePrimitive } from '../primitive.js';
import { checkAvals } from './check-avals.js';
import { condBatch, condJvp, condTranspose } from './cond-rules.js';

/** Params of the `cond` primitive (JAX's `cond` with `branches`). */
export interface CondParams {
  /** One program per branch, each taking every operand after the index; all return alike. */
  readonly branches: readonly IR[];
  /**
   * Per operand after the index: whether the branches are linear in it (a tangent), which the
   * transpose rule needs to tell tangents from residuals even where a tangent is a known constant.
   */
  readonly linear: readonly boolean[];
}

/** The branch an index selects, clamped into range as `switch` does. */
export function branchIndex(index: Array, count: number): number {
  const i = Number(index.dataSync()[0]);
  return Math.min(Math.max(i, 0), count - 1);
}

/**
 * `cond(index, ...operands)`: runs the branch `index` selects on the operands. Eagerly only that
 * branch runs; under staging the whole choice is one equation holding every branch.
 */
export const condP = definePrimitive<CondParams>({
  name: 'cond',
  abstractEval: ([index, ...operands], { branches }) => {
    if (index?.dtype !== 'int32' || index.ndim !== 0) {
      throw new DTypeError(
        `cond: the branch index must be an int32 scalar, got ${index?.describe() ?? 'nothing'}`,
      );
    }
    if (branches.length === 0) throw new AddaxError('cond: there must be at least one branch');
    const outs = branches[0]!.outAvals;
    branches.forEach((b, i) => {
      checkAvals('cond', `operand of branch ${i}`, operands, b.inAvals);
      checkAvals('cond', `output of branch ${i}`, b.outAvals, outs, 'but branch 0 returns');
    });
    return outs;
  },
  decompose: ([index, ...operands], { branches }) =>
    evalIR(branches[branchIndex(index!, branches.length)]!, operands),
  jvp: condJvp,
  transpose: condTranspose,
  batch: condBatch,
});
