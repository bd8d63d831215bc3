import type { Array } from '../array.js';
import { ParameterError } from '../errors.js';
import { runSteps } from '../ir/eval-ir.js';
import type { IR } from '../ir/ir.js';
import { bind } from '../interpreters.js';
import type { Primitive } from '../primitive.js';
import { isPlainObject } from '../tree/pytree.js';

/**
 * Keyword arguments of a stateful call, such as `training` or `rng`: given at call time, they reach
 * every primitive with a kwarg rule in the module's program.
 */
export type Kwargs = Readonly<Record<string, unknown>>;

/** Runs a primitive with the keyword arguments of the call that reached it. */
export type KwargsRule<P> = (operands: readonly Array[], params: P, kwargs: Kwargs) => Array[];

const kwargsRules = new Map<object, KwargsRule<never>>();

/**
 * Gives `prim` a kwarg rule (Oryx's `kwargs_rules`): when a module's program reaches an equation of
 * `prim`, the rule runs instead of the primitive, with the call's keyword arguments.
 */
export function defineKwargsRule<P>(prim: Primitive<P>, rule: KwargsRule<P>): void {
  kwargsRules.set(prim, rule as KwargsRule<never>);
}

/** Runs `ir` on `args`, passing `kwargs` to the equations whose primitive has a kwarg rule. */
export function evalIRWithKwargs(ir: IR, args: readonly Array[], kwargs: Kwargs): Array[] {
  return runSteps(ir, ir.eqns, args, 'module', (eqn, inputs) => {
    const rule = kwargsRules.get(eqn.primitive) as KwargsRule<unknown> | undefined;
    return rule ? rule(inputs, eqn.params, kwargs) : bind(eqn.primitive, inputs, eqn.params);
  });
}

/**
 * Splits a call's values into its `arity` positional arguments and the optional trailing object of
 * keyword arguments: the callee's arity, not the values' types, decides, so a plain object as a
 * positional argument is never mistaken for keywords.
 */
export function splitKwargs(values: readonly unknown[], arity: number, where: string): [unknown[], Kwargs] {
  if (values.length === arity) return [[...values], {}];
  const last = values[values.length - 1];
  if (values.length === arity + 1 && isPlainObject(last)) return [values.slice(0, arity), last];
  throw new ParameterError(
    `${where} takes ${arity} argument${arity === 1 ? '' : 's'} and an optional object of keyword ` +
      `arguments, got ${values.length} value${values.length === 1 ? '' : 's'}`,
  );
}
