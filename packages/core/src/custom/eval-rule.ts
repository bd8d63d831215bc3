import type { Array } from '../array.js';
import { bind } from '../interpreters.js';
import type { IR, Var } from '../ir/ir.js';

/**
 * Runs a user rule's staged program inside a jvp or transpose rule, binding each equation and
 * leaving every intermediate to the rule's enclosing `tidy` scope. Unlike `evalIR`, it frees
 * nothing itself: under reverse mode the tangent equations are staged while the primal ones run,
 * and a primal intermediate the staged tangent reads (a residual) must outlive this call.
 */
export function evalRuleIR(ir: IR, args: readonly Array[]): Array[] {
  const env = new Map<Var, Array>();
  ir.inVars.forEach((v, i) => env.set(v, args[i]!));
  ir.constVars.forEach((v, i) => env.set(v, ir.consts[i]!));
  for (const eqn of ir.eqns) {
    const outs = bind(
      eqn.primitive,
      eqn.inputs.map((v) => env.get(v)!),
      eqn.params,
    );
    eqn.outputs.forEach((v, j) => env.set(v, outs[j]!));
  }
  return ir.outVars.map((v) => env.get(v)!);
}
