import { instantiate } from '../ad/jvp-trace.js';
import { batchedOperands, batchIR } from '../control/batch-ir.js';
import { checkAvals } from '../control/check-avals.js';
import { flags, splitList } from '../control/lists.js';
import { bind } from '../interpreters.js';
import { evalIR } from '../ir/eval-ir.js';
import type { IR } from '../ir/ir.js';
import { definePrimitive, type Primitive } from '../primitive.js';
import { checkConstTangents } from './closed-over.js';
import { customLinP } from './custom-lin.js';

/**
 * Params of `customVjpCall` (JAX's `custom_vjp_call`). Operands are
 * `[...callConsts, ...fwdConsts, ...bwdConsts, ...args]`: `call` maps `(callConsts, args)` to the
 * outputs; `fwd` maps `(fwdConsts, args)` to `[...outputs, ...residuals]`; `bwd` maps
 * `(bwdConsts, residuals, output cotangents)` to one cotangent per argument. All three are staged
 * when the function is called, so what they close over is an operand.
 */
export interface CustomVjpParams {
  readonly call: IR;
  readonly fwd: IR;
  readonly bwd: IR;
  readonly numCallConsts: number;
  readonly numFwdConsts: number;
  readonly numBwdConsts: number;
}

/** `[callConsts, fwdConsts, bwdConsts, args]`. */
function parts<T>(operands: readonly T[], p: CustomVjpParams): T[][] {
  return splitList(operands, [p.numCallConsts, p.numFwdConsts, p.numBwdConsts, operands.length]);
}

/**
 * A function with custom forward and backward rules: eagerly and under jit it runs the function;
 * its jvp runs the forward rule and leaves a {@link customLinP} for reverse mode to transpose.
 */
export const customVjpCallP: Primitive<CustomVjpParams> = definePrimitive<CustomVjpParams>({
  name: 'customVjpCall',
  abstractEval: (operands, p) => {
    const [callConsts, fwdConsts, bwdConsts, args] = parts(operands, p);
    checkAvals('customVjpCall', 'operand', [...callConsts!, ...args!], p.call.inAvals);
    checkAvals('customVjpCall', 'fwd operand', [...fwdConsts!, ...args!], p.fwd.inAvals);
    checkAvals('customVjpCall', 'bwd constant', bwdConsts!, p.bwd.inAvals.slice(0, p.numBwdConsts));
    return p.call.outAvals;
  },
  decompose: (operands, p) => {
    const [callConsts, , , args] = parts(operands, p);
    return evalIR(p.call, [...callConsts!, ...args!]);
  },
  // The forward rule runs on the primals; the tangent is a customLin of its residuals, which
  // reverse mode stages and transposes with the backward rule.
  jvp: (primals, tangents, p) => {
    const numConsts = p.numCallConsts + p.numFwdConsts + p.numBwdConsts;
    checkConstTangents('customVjp', tangents, numConsts);
    const [, fwdConsts, bwdConsts, args] = parts(primals, p);
    const numOuts = p.call.outVars.length;
    const outs = evalIR(p.fwd, [...fwdConsts!, ...args!]);
    const residuals = [...bwdConsts!, ...outs.slice(numOuts)];
    const tangentsOut = bind(
      customLinP,
      [...residuals, ...tangents.slice(numConsts).map((t) => instantiate(t))],
      { bwd: p.bwd, numResiduals: residuals.length },
    );
    return [outs.slice(0, numOuts), tangentsOut];
  },
  // All three programs batched: outputs and residuals along axis 0, and each argument's cotangent
  // batched if the argument is, else summed over the batch.
  batch: (operands, dims, p, axisSize) => {
    const [callB, fwdB, bwdB, argsB] = parts(
      dims.map((d) => d !== null),
      p,
    );
    const numOuts = p.call.outVars.length;
    const call = batchIR(p.call, [...callB!, ...argsB!], axisSize, flags(numOuts, true));
    const fwd = batchIR(p.fwd, [...fwdB!, ...argsB!], axisSize, flags(p.fwd.outVars.length, true));
    const bwdIn = [...bwdB!, ...flags(p.bwd.inVars.length - p.numBwdConsts, true)];
    const bwd = batchIR(
      p.bwd,
      bwdIn,
      axisSize,
      argsB,
      argsB!.map((b) => !b),
    );
    const [callConsts, fwdConsts, bwdConsts, args] = parts(batchedOperands(operands, dims), p);
    const outs = bind(
      customVjpCallP,
      [...call.consts, ...callConsts!, ...fwd.consts, ...fwdConsts!, ...bwd.consts, ...bwdConsts!, ...args!],
      {
        call: call.ir,
        fwd: fwd.ir,
        bwd: bwd.ir,
        numCallConsts: call.consts.length + p.numCallConsts,
        numFwdConsts: fwd.consts.length + p.numFwdConsts,
        numBwdConsts: bwd.consts.length + p.numBwdConsts,
      },
    );
    return [outs, outs.map(() => 0)];
  },
});
