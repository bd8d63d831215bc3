import { Array } from '../array.js';
import { instantiate } from '../ad/jvp-trace.js';
import { checkAvals } from '../control/check-avals.js';
import { AddaxError } from '../errors.js';
import { evalIR } from '../ir/eval-ir.js';
import type { IR } from '../ir/ir.js';
import { definePrimitive } from '../primitive.js';

/**
 * Params of `customLin` (JAX's `custom_lin`). Operands are `[...residuals, ...tangents]`, where the
 * residuals are the backward program's constants followed by what the forward rule saved; `bwd`
 * maps `(residuals, output cotangents)` to one cotangent per argument.
 */
export interface CustomLinParams {
  readonly bwd: IR;
  readonly numResiduals: number;
}

/**
 * The tangent of a `customVjp` function: linear in its tangent operands, known only through its
 * transpose (the user's backward rule), so reverse mode transposes it and nothing evaluates it.
 */
export const customLinP = definePrimitive<CustomLinParams>({
  name: 'customLin',
  abstractEval: (operands, { bwd, numResiduals }) => {
    checkAvals('customLin', 'operand', operands, [...bwd.inAvals.slice(0, numResiduals), ...bwd.outAvals]);
    return bwd.inAvals.slice(numResiduals);
  },
  decompose: () => {
    throw new AddaxError(
      'customVjp: a function with a custom VJP cannot be differentiated in forward mode (jvp, jacfwd, or ' +
        "evaluating linearize's result); use grad, vjp or jacrev, or give it a customJvp rule instead",
    );
  },
  transpose: (cotangents, operands, { bwd, numResiduals }) => {
    const residuals = operands.slice(0, numResiduals).map((x, i) => {
      if (x instanceof Array) return x;
      throw new AddaxError(
        `customLin transpose: residual ${i} (${x.describe()}) depends on the linearized inputs`,
      );
    });
    const cts = evalIR(bwd, [...residuals, ...cotangents.map((ct) => instantiate(ct))]);
    return [...residuals.map(() => null), ...cts];
  },
});
