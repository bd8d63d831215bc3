import type { Array } from '../array.js';
import { IR, type Equation, type Var } from '../ir/ir.js';

/**
 * `ir` with only the outputs marked in `keep` and the equations they need (dead-code elimination).
 * Only for programs derived by a transformation (a jvp's tangent part, a transposed body), whose
 * equations are pure: a user's own body is never pruned.
 */
export function pruneOutputs(ir: IR, keep: readonly boolean[]): IR {
  const outVars = ir.outVars.filter((_, i) => keep[i]);
  return new IR(
    ir.inVars,
    ir.constVars,
    ir.consts,
    liveEquations(ir.eqns, outVars, () => false),
    outVars,
  );
}

/** The equations that `outVars` need, or that `effect` says must run, in program order. */
function liveEquations(
  eqns: readonly Equation[],
  outVars: readonly Var[],
  effect: (eqn: Equation) => boolean,
): Equation[] {
  const live = new Set<Var>(outVars);
  const kept: Equation[] = [];
  for (let i = eqns.length - 1; i >= 0; i--) {
    const eqn = eqns[i]!;
    if (!effect(eqn) && !eqn.outputs.some((v) => live.has(v))) continue;
    for (const v of eqn.inputs) live.add(v);
    kept.push(eqn);
  }
  return kept.reverse();
}

/**
 * `ir` without the equations and constants its outputs do not need (JAX's `dce_jaxpr`), except
 * equations that `effect` says must stay (e.g. sows, which a later harvest of the program reads).
 * The constants dropped are returned, for their owner to free.
 */
export function dropDeadCode(ir: IR, effect: (eqn: Equation) => boolean): [IR, Array[]] {
  const eqns = liveEquations(ir.eqns, ir.outVars, effect);
  const read = new Set<Var>(ir.outVars);
  for (const eqn of eqns) for (const v of eqn.inputs) read.add(v);
  const keep = ir.constVars.map((v) => read.has(v));
  const pruned = new IR(
    ir.inVars,
    ir.constVars.filter((_, i) => keep[i]),
    ir.consts.filter((_, i) => keep[i]),
    eqns,
    ir.outVars,
  );
  return [pruned, ir.consts.filter((_, i) => !keep[i])];
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
