import { IR, type Equation, type Var } from '../ir/ir.js';

/**
 * `ir` with only the outputs marked in `keep` and the equations they need (dead-code elimination).
 * Only for programs derived by a transformation (a jvp's tangent part, a transposed body), whose
 * equations are pure: a user's own body is never pruned.
 */
export function pruneOutputs(ir: IR, keep: readonly boolean[]): IR {
  const outVars = ir.outVars.filter((_, i) => keep[i]);
  const live = new Set<Var>(outVars);
  const kept: Equation[] = [];
  for (let i = ir.eqns.length - 1; i >= 0; i--) {
    const eqn = ir.eqns[i]!;
    if (!eqn.outputs.some((v) => live.has(v))) continue;
    for (const v of eqn.inputs) live.add(v);
    kept.push(eqn);
  }
  return new IR(ir.inVars, ir.constVars, ir.consts, kept.reverse(), outVars);
}

/** Which inputs of `ir` an equation reads or an output returns. */
export function usedInputs(ir: IR): boolean[] {
  const read = new Set<Var>(ir.outVars);
  for (const eqn of ir.eqns) for (const v of eqn.inputs) read.add(v);
  return ir.inVars.map((v) => read.has(v));
}

/**
 * `ir` with its inputs in a new order: `order[j]` is the old position of new input `j`. Positions
 * left out drop their input, which must be unused (see {@link usedInputs}).
 */
export function permuteInputs(ir: IR, order: readonly number[]): IR {
  return new IR(
    order.map((i) => ir.inVars[i]!),
    ir.constVars,
    ir.consts,
    ir.eqns,
    ir.outVars,
  );
}
