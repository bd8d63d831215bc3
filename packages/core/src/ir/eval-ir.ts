import type { Array } from '../array.js';
import { AddaxError } from '../errors.js';
import { bind } from '../interpreters.js';
import type { IR, Var } from './ir.js';

const lastUses = new WeakMap<IR, Map<number, Var[]>>();

/**
 * For each equation index, the variables read for the last time there, or made there and never
 * read; the program's outputs never die.
 */
function lastUsesOf(ir: IR): Map<number, Var[]> {
  let found = lastUses.get(ir);
  if (found) return found;
  const last = new Map<Var, number>();
  ir.eqns.forEach((eqn, i) => {
    for (const v of [...eqn.inputs, ...eqn.outputs]) last.set(v, i);
  });
  for (const v of ir.outVars) last.delete(v);
  found = new Map();
  for (const [v, i] of last) {
    const list = found.get(i) ?? [];
    list.push(v);
    found.set(i, list);
  }
  lastUses.set(ir, found);
  return found;
}

/**
 * Runs a staged program on `args`, binding each equation in turn, so it runs eagerly or under any
 * transformation. An intermediate is disposed right after its last use, so a long program holds
 * no more than it must; inputs, constants and outputs are never disposed.
 *
 * @example
 * ```ts
 * const ir = ax.makeIR((x: ax.Array) => ax.exp(x))(ax.zeros([2]));
 * const [y] = ax.evalIR(ir, [ax.ones([2])]); // [e, e]
 * ```
 */
export function evalIR(ir: IR, args: readonly Array[]): Array[] {
  if (args.length !== ir.inVars.length) {
    throw new AddaxError(`evalIR: the program takes ${ir.inVars.length} inputs, got ${args.length}`);
  }
  const env = new Map<Var, Array>();
  const protectedValues = new Set<Array>();
  ir.inVars.forEach((v, i) => {
    const x = args[i]!;
    if (!x.aval.equals(v.aval)) {
      throw new AddaxError(`evalIR: input ${i} is ${x.aval.describe()}, the program expects ${v.aval.describe()}`);
    }
    env.set(v, x);
    protectedValues.add(x);
  });
  ir.constVars.forEach((v, i) => {
    env.set(v, ir.consts[i]!);
    protectedValues.add(ir.consts[i]!);
  });
  const dying = lastUsesOf(ir);
  const holders = new Map<Array, number>();
  ir.eqns.forEach((eqn, i) => {
    const outs = bind(
      eqn.primitive,
      eqn.inputs.map((v) => env.get(v)!),
      eqn.params,
    );
    eqn.outputs.forEach((v, j) => {
      const x = outs[j]!;
      env.set(v, x);
      holders.set(x, (holders.get(x) ?? 0) + 1);
    });
    for (const v of dying.get(i) ?? []) {
      const x = env.get(v)!;
      env.delete(v);
      if (protectedValues.has(x)) continue;
      const left = holders.get(x)! - 1;
      holders.set(x, left);
      if (left === 0) x.dispose();
    }
  });
  return ir.outVars.map((v) => env.get(v)!);
}
