import type { Array } from '../array.js';
import { instantiate } from '../ad/jvp-trace.js';
import { batchAt } from '../batching/batch-trace.js';
import { bind } from '../interpreters.js';
import { evalIR } from '../ir/eval-ir.js';
import { select } from '../lax/comparison.js';
import { reduceOr } from '../lax/reductions.js';
import { broadcastInDim } from '../lax/shape.js';
import type { Zero } from '../primitive.js';
import { batchedOperands, batchIR } from './batch-ir.js';
import { carryFixedPoint } from './carry-fixed-point.js';
import { jvpIR } from './jvp-ir.js';
import { flags, indices, splitList } from './lists.js';
import { stageOpenFn, withUnusedInputs } from './open-ir.js';
import { permuteInputs } from './prune-ir.js';
import { nonzeroFlags, nonzeros, withZeros } from './symbolic-zeros.js';
import { whileP, whileParts, type WhileParams } from './while-primitive.js';

/**
 * jvp of whileLoop (JAX's `_while_loop_jvp`): one loop over primal and tangent carries together,
 * the body the body's jvp, the predicate the primal one. Its primal results depend on the loop's
 * tangent operands, so reverse mode, which stages the tangents, cannot separate them and reports
 * that whileLoop is not reverse-differentiable (use scan or forLoop with static bounds).
 */
export function whileJvp(
  primals: readonly Array[],
  tangents: readonly (Array | Zero)[],
  p: WhileParams,
): [Array[], (Array | Zero)[]] {
  const [condConsts, bodyConsts, carry] = whileParts(primals, p);
  const [, bodyConstTangents, carryTangents] = splitList(tangents, [
    p.numCondConsts,
    p.numBodyConsts,
    carry.length,
  ]);
  const constNonzero = nonzeroFlags(bodyConstTangents!);
  const { flags: carryNonzero, result: jvp } = carryFixedPoint(
    nonzeroFlags(carryTangents!),
    (nz) => jvpIR(p.body, [...constNonzero, ...nz], nz),
    (j) => j.outNonzero,
  );
  const constTangents = nonzeros(bodyConstTangents!);
  const tangentCarry = carryTangents!.filter((_, i) => carryNonzero[i]).map((t) => instantiate(t));
  // The jvp program takes [...consts, ...bodyConsts, ...carry, ...const tangents, ...carry tangents];
  // the loop body must take its consts first.
  const h = jvp.consts.length + p.numBodyConsts;
  const primalEnd = h + carry.length;
  const constEnd = primalEnd + constTangents.length;
  const body = permuteInputs(jvp.ir, [
    ...indices(0, h),
    ...indices(primalEnd, constEnd),
    ...indices(h, primalEnd),
    ...indices(constEnd, constEnd + tangentCarry.length),
  ]);
  const outs = bind(
    whileP,
    [...condConsts, ...jvp.consts, ...bodyConsts, ...constTangents, ...carry, ...tangentCarry],
    {
      cond: withUnusedInputs(
        p.cond,
        tangentCarry.map((t) => t.aval),
      ),
      body,
      numCondConsts: p.numCondConsts,
      numBodyConsts: h + constTangents.length,
    },
  );
  const carryOut = outs.slice(0, carry.length);
  return [
    carryOut,
    withZeros(
      carryNonzero,
      outs.slice(carry.length),
      carryOut.map((c) => c.aval),
    ),
  ];
}

/**
 * vmap of whileLoop (JAX's `_while_loop_batching_rule`). With an unbatched predicate, one loop of
 * the batched body (carries batched by a fixed point). With a batched predicate every carry is
 * batched, the loop runs while any element's predicate holds, and the body updates only the
 * elements whose predicate still holds (a select), so each ends where it would alone.
 */
export function whileBatch(
  operands: readonly Array[],
  dims: readonly (number | null)[],
  p: WhileParams,
  axisSize: number,
): [Array[], (number | null)[]] {
  const [condConsts, bodyConsts, carry] = whileParts(operands, p);
  const [condDims, bodyDims, carryDims] = splitList(dims, [p.numCondConsts, p.numBodyConsts, carry.length]);
  const condB = condDims!.map((d) => d !== null);
  const bodyB = bodyDims!.map((d) => d !== null);
  const { flags: carryBatched, result: body } = carryFixedPoint(
    carryDims!.map((d) => d !== null),
    (cb) => batchIR(p.body, [...bodyB, ...cb], axisSize, cb),
    (b) => b.outBatched,
  );
  const cc = batchedOperands(condConsts, condDims!);
  const bc = batchedOperands(bodyConsts, bodyDims!);
  const predBatched = batchIR(p.cond, [...condB, ...carryBatched], axisSize).outBatched[0]!;
  if (!predBatched) {
    const cond = batchIR(p.cond, [...condB, ...carryBatched], axisSize);
    const init = carry.map((x, i) => (carryBatched[i] ? batchAt(x, carryDims![i]!, 0, axisSize) : x));
    const outs = bind(whileP, [...cond.consts, ...cc, ...body.consts, ...bc, ...init], {
      cond: cond.ir,
      body: body.ir,
      numCondConsts: cond.consts.length + cc.length,
      numBodyConsts: body.consts.length + bc.length,
    });
    return [outs, carryBatched.map((b) => (b ? 0 : null))];
  }

  const all = flags(carry.length, true);
  const condAll = batchIR(p.cond, [...condB, ...all], axisSize);
  const bodyAll = batchIR(p.body, [...bodyB, ...all], axisSize, all);
  const predicate = (c: readonly Array[], state: readonly Array[]): Array =>
    evalIR(condAll.ir, [...condAll.consts, ...c, ...state])[0]!;
  const init = carry.map((x, i) => batchAt(x, carryDims![i]!, 0, axisSize));
  const carryAvals = init.map((x) => x.aval);
  const ccAvals = cc.map((x) => x.aval);
  const cond = stageOpenFn(
    (...args) => [reduceOr(predicate(args.slice(0, cc.length), args.slice(cc.length)), [0])],
    [...ccAvals, ...carryAvals],
  );
  const step = stageOpenFn(
    (...args) => {
      const [c, b, state] = splitList(args, [cc.length, bc.length, carry.length]);
      const live = predicate(c!, state!);
      const next = evalIR(bodyAll.ir, [...bodyAll.consts, ...b!, ...state!]);
      return next.map((x, i) => select(broadcastInDim(live, x.shape, [0]), x, state![i]!));
    },
    [...ccAvals, ...bc.map((x) => x.aval), ...carryAvals],
  );
  const outs = bind(whileP, [...cond.consts, ...cc, ...step.consts, ...cc, ...bc, ...init], {
    cond: cond.ir,
    body: step.ir,
    numCondConsts: cond.consts.length + cc.length,
    numBodyConsts: step.consts.length + cc.length + bc.length,
  });
  return [outs, all.map(() => 0)];
}
