import { Array } from '../array.js';
import type { ShapeDtype } from '../aval.js';
import { batchAt, moveAxis } from '../batching/batch-trace.js';
import { full } from '../creation.js';
import { AddaxError } from '../errors.js';
import { bind } from '../interpreters.js';
import { evalIR } from '../ir/eval-ir.js';
import type { IR } from '../ir/ir.js';
import { ge, select } from '../lax/comparison.js';
import { broadcastInDim } from '../lax/shape.js';
import { Zero } from '../primitive.js';
import { batchFlat } from '../batching/batch-trace.js';
import { batchedOperands, batchIR } from './batch-ir.js';
import { condP, type CondParams } from './cond-primitive.js';
import { flags, sameFlags } from './lists.js';
import { jvpIR } from './jvp-ir.js';
import { joinConsts, stageOpenFn } from './open-ir.js';
import { pruneOutputs } from './prune-ir.js';
import { nonzeroFlags, nonzeros, withZeros } from './symbolic-zeros.js';
import { transposeBody } from './transpose-body.js';

/**
 * jvp of cond, split as JAX's partial evaluation splits it: the primal cond as it was, then a
 * tangent cond over (primal operands, nonzero tangents) whose branches are the tangent parts of
 * the branches' jvps, linear in the tangents, so reverse mode can stage and transpose it alone.
 */
export function condJvp(
  primals: readonly Array[],
  tangents: readonly (Array | Zero)[],
  params: CondParams,
): [Array[], (Array | Zero)[]] {
  const [index, ...operands] = primals;
  const nonzero = nonzeroFlags(tangents.slice(1));
  const outs = bind(condP, primals, params);
  const first = params.branches.map((b) => jvpIR(b, nonzero, []));
  const outNonzero = outs.map((_, i) => first.some((j) => j.outNonzero[i]));
  const tangentBranches = params.branches.map((b, k) => {
    const j = sameFlags(first[k]!.outNonzero, outNonzero) ? first[k]! : jvpIR(b, nonzero, outNonzero);
    return {
      ir: pruneOutputs(
        j.ir,
        j.ir.outVars.map((_, i) => i >= outs.length),
      ),
      consts: j.consts,
    };
  });
  const { irs, consts } = joinConsts(tangentBranches);
  const ts = nonzeros(tangents.slice(1));
  const tangentOuts = bind(condP, [index!, ...consts, ...operands, ...ts], {
    branches: irs,
    linear: [...flags(consts.length + operands.length, false), ...flags(ts.length, true)],
  });
  return [
    outs,
    withZeros(
      outNonzero,
      tangentOuts,
      outs.map((o) => o.aval),
    ),
  ];
}

/**
 * Transpose of a cond linear in the operands its `linear` flags mark: a cond, on the same index,
 * of the transposed branches, which take the residual operands and the nonzero cotangents.
 */
export function condTranspose(
  cotangents: readonly (Array | Zero)[],
  operands: readonly (Array | ShapeDtype)[],
  { branches, linear }: CondParams,
): (Array | Zero | null)[] {
  const [index, ...rest] = operands;
  if (!(index instanceof Array)) {
    throw new AddaxError(
      'cond transpose: the branch index depends on the linearized inputs; it must be a constant',
    );
  }
  const residuals = rest.flatMap((x, i) => {
    if (linear[i]) return [];
    if (x instanceof Array) return [x];
    throw new AddaxError(
      `cond transpose: operand ${i} (${x.describe()}) is not linear, yet depends on the linearized inputs`,
    );
  });
  const ctNonzero = nonzeroFlags(cotangents);
  const cts = nonzeros(cotangents);
  const transposed = branches.map((b) =>
    stageOpenFn(
      (...args) => {
        let next = residuals.length;
        const outCts = ctNonzero.map((nz) => (nz ? args[next++]! : null));
        return transposeBody(b, linear, args.slice(0, residuals.length), outCts);
      },
      [...residuals.map((r) => r.aval), ...cts.map((c) => c.aval)],
    ),
  );
  const { irs, consts } = joinConsts(transposed);
  const inCts = bind(condP, [index, ...consts, ...residuals, ...cts], {
    branches: irs,
    linear: [...flags(consts.length + residuals.length, false), ...flags(cts.length, true)],
  });
  let next = 0;
  return [null, ...rest.map((_, i) => (linear[i] ? inCts[next++]! : null))];
}

/** Under vmap a batched index picks per batch element: every branch runs and `select` combines them. */
function selectBranches(
  index: Array,
  indexDim: number,
  operands: readonly Array[],
  dims: readonly (number | null)[],
  branches: readonly IR[],
  axisSize: number,
): [Array[], number[]] {
  const idx = moveAxis(index, indexDim, 0);
  const results = branches.map((b) => {
    const [outs, outDims] = batchFlat((...xs) => evalIR(b, xs), operands, dims, axisSize);
    return outs.map((x, i) => batchAt(x, outDims[i]!, 0, axisSize));
  });
  // Taking branch k wherever index >= k, in order, also clamps the index as switch does.
  const outs = results[0]!.map((first, o) =>
    results.slice(1).reduce((acc, r, k) => {
      const pick = broadcastInDim(ge(idx, full([axisSize], k + 1, 'int32')), acc.shape, [0]);
      return select(pick, r[o]!, acc);
    }, first),
  );
  return [outs, outs.map(() => 0)];
}

/**
 * vmap of cond: with an unbatched index a cond of the batched branches (outputs batched where any
 * branch's is), with a batched index a select of every branch (as JAX).
 */
export function condBatch(
  operands: readonly Array[],
  dims: readonly (number | null)[],
  params: CondParams,
  axisSize: number,
): [Array[], (number | null)[]] {
  const [index, ...rest] = operands;
  const [indexDim, ...restDims] = dims;
  if (indexDim !== null && indexDim !== undefined) {
    return selectBranches(index!, indexDim, rest, restDims, params.branches, axisSize);
  }
  const inBatched = restDims.map((d) => d !== null);
  const outBatched = params.branches
    .map((b) => batchIR(b, inBatched, axisSize).outBatched)
    .reduce((a, b) => a.map((x, i) => x || b[i]!));
  const { irs, consts } = joinConsts(params.branches.map((b) => batchIR(b, inBatched, axisSize, outBatched)));
  const outs = bind(condP, [index!, ...consts, ...batchedOperands(rest, restDims)], {
    branches: irs,
    linear: [...flags(consts.length, false), ...params.linear],
  });
  return [outs, outBatched.map((b) => (b ? 0 : null))];
}
