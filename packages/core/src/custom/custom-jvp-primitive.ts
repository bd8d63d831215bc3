import { instantiate } from '../ad/jvp-trace.js';
import { batchedOperands, batchIR } from '../control/batch-ir.js';
import { checkAvals } from '../control/check-avals.js';
import { flags, splitList } from '../control/lists.js';
import { bind } from '../interpreters.js';
import { evalIR } from '../ir/eval-ir.js';
import type { IR } from '../ir/ir.js';
import { definePrimitive, type Primitive } from '../primitive.js';
import { checkConstTangents } from './closed-over.js';

/**
 * Params of `customJvpCall` (JAX's `custom_jvp_call`). Operands are
 * `[...callConsts, ...jvpConsts, ...args]`: `call` maps `(callConsts, args)` to the outputs, `jvp`
 * maps `(jvpConsts, primals, tangents)` to `[...primalsOut, ...tangentsOut]` (the user's rule).
 * Both are staged when the function is called, so what they close over is an operand.
 */
export interface CustomJvpParams {
  readonly call: IR;
  readonly jvp: IR;
  readonly numCallConsts: number;
  readonly numJvpConsts: number;
}

/** A function with a custom jvp rule: eagerly and under jit it runs the function; jvp runs the rule. */
export const customJvpCallP: Primitive<CustomJvpParams> = definePrimitive<CustomJvpParams>({
  name: 'customJvpCall',
  abstractEval: (operands, p) => {
    const [callConsts, jvpConsts, args] = splitList(operands, [
      p.numCallConsts,
      p.numJvpConsts,
      operands.length,
    ]);
    checkAvals('customJvpCall', 'operand', [...callConsts!, ...args!], p.call.inAvals);
    checkAvals('customJvpCall', 'jvp rule operand', [...jvpConsts!, ...args!, ...args!], p.jvp.inAvals);
    return p.call.outAvals;
  },
  decompose: (operands, p) => {
    const [callConsts, , args] = splitList(operands, [p.numCallConsts, p.numJvpConsts, operands.length]);
    return evalIR(p.call, [...callConsts!, ...args!]);
  },
  jvp: (primals, tangents, p) => {
    const numConsts = p.numCallConsts + p.numJvpConsts;
    checkConstTangents('customJvp', tangents, numConsts);
    const outs = evalIR(p.jvp, [
      ...primals.slice(p.numCallConsts),
      ...tangents.slice(numConsts).map((t) => instantiate(t)),
    ]);
    const numOuts = p.call.outVars.length;
    return [outs.slice(0, numOuts), outs.slice(numOuts)];
  },
  // Both programs batched, the tangents batched as their primals are; every output is batched so
  // that the function and its rule agree on where the batch axis is.
  batch: (operands, dims, p, axisSize) => {
    const batched = dims.map((d) => d !== null);
    const [callB, jvpB, argsB] = splitList(batched, [p.numCallConsts, p.numJvpConsts, batched.length]);
    const call = batchIR(p.call, [...callB!, ...argsB!], axisSize, flags(p.call.outVars.length, true));
    const jvp = batchIR(p.jvp, [...jvpB!, ...argsB!, ...argsB!], axisSize, flags(p.jvp.outVars.length, true));
    const [callConsts, jvpConsts, args] = splitList(batchedOperands(operands, dims), [
      p.numCallConsts,
      p.numJvpConsts,
      operands.length,
    ]);
    const outs = bind(
      customJvpCallP,
      [...call.consts, ...callConsts!, ...jvp.consts, ...jvpConsts!, ...args!],
      {
        call: call.ir,
        jvp: jvp.ir,
        numCallConsts: call.consts.length + p.numCallConsts,
        numJvpConsts: jvp.consts.length + p.numJvpConsts,
      },
    );
    return [outs, outs.map(() => 0)];
  },
});
