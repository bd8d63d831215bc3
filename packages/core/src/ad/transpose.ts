import type { Array } from '../array.js';
import { ShapeDtype } from '../aval.js';
import { AddaxError } from '../errors.js';
import { bind } from '../interpreters.js';
import type { Equation, IR, Var } from '../ir/ir.js';
import { add } from '../lax/arithmetic.js';
import { transposeRuleOf, Zero } from '../primitive.js';

/** The sum of two cotangents, keeping symbolic zeros symbolic. */
export function addCotangents(a: Array | Zero, b: Array | Zero): Array | Zero {
  if (a instanceof Zero) return b;
  if (b instanceof Zero) return a;
  return add(a, b);
}

/**
 * Runs a program backwards (JAX's `backward_pass`): given cotangents of its outputs, the cotangent
 * of each input marked linear. The program must be linear in those inputs; equations that read
 * none of them (residual computations inside a jvp'd loop body, say) are first evaluated forward
 * from the known inputs and constants, then every other equation is transposed by its rule.
 *
 * @param known - the value of each input that is not linear, `null` for linear ones.
 */
export function backwardPass(
  ir: IR,
  known: readonly (Array | null)[],
  cotangents: readonly (Array | Zero)[],
): (Array | Zero)[] {
  const values = new Map<Var, Array>();
  ir.constVars.forEach((v, i) => values.set(v, ir.consts[i]!));
  ir.inVars.forEach((v, i) => {
    const k = known[i];
    if (k) values.set(v, k);
  });
  const linearEqns: Equation[] = [];
  for (const eqn of ir.eqns) {
    if (eqn.inputs.some((v) => !values.has(v))) {
      linearEqns.push(eqn);
      continue;
    }
    const outs = bind(
      eqn.primitive,
      eqn.inputs.map((v) => values.get(v)!),
      eqn.params,
    );
    eqn.outputs.forEach((v, i) => values.set(v, outs[i]!));
  }

  const cts = new Map<Var, Array | Zero>();
  const accumulate = (v: Var, ct: Array | Zero): void => {
    if (values.has(v)) return;
    const prev = cts.get(v);
    cts.set(v, prev ? addCotangents(prev, ct) : ct);
  };
  ir.outVars.forEach((v, i) => accumulate(v, cotangents[i]!));
  for (let e = linearEqns.length - 1; e >= 0; e--) {
    const eqn = linearEqns[e]!;
    const outCts = eqn.outputs.map((v) => cts.get(v) ?? new Zero(v.aval));
    for (const v of eqn.outputs) cts.delete(v);
    if (outCts.every((ct) => ct instanceof Zero)) continue;
    const rule = transposeRuleOf(eqn.primitive);
    if (!rule) {
      throw new AddaxError(
        `reverse-mode differentiation reached ${eqn.primitive.name}, which is not linear in its tangent inputs ` +
          'and has no transpose rule; differentiate it in forward mode (jvp, jacfwd) instead',
      );
    }
    const operands = eqn.inputs.map((v) => values.get(v) ?? v.aval);
    const inCts = rule(outCts, operands, eqn.params);
    eqn.inputs.forEach((v, i) => {
      const ct = inCts[i];
      if (ct === null || ct === undefined || !(operands[i] instanceof ShapeDtype)) return;
      const { aval } = ct;
      if (!aval.equals(v.aval)) {
        throw new AddaxError(
          `the transpose rule of ${eqn.primitive.name} gave operand ${i} a cotangent ${aval.describe()}, ` +
            `but the operand is ${v.aval.describe()}`,
        );
      }
      accumulate(v, ct);
    });
  }
  return ir.inVars.map((v, i) => (known[i] ? new Zero(v.aval) : (cts.get(v) ?? new Zero(v.aval))));
}
