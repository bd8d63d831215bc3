import type { Array } from '../array.js';
import { ownedByCurrentScope, tidy } from '../eager.js';
import { AddaxError } from '../errors.js';
import { bind } from '../interpreters.js';
import type { IR, Var } from './ir.js';

/** One step of running a program: it reads `inputs` and makes `outputs`. An equation is one. */
export interface Step {
  readonly inputs: readonly Var[];
  readonly outputs: readonly Var[];
}

const lastUses = new WeakMap<readonly Step[], Map<number, Var[]>>();

/**
 * For each step index, the variables read for the last time there, or made there and never read;
 * the program's outputs never die.
 */
function lastUsesOf(steps: readonly Step[], outVars: readonly Var[]): Map<number, Var[]> {
  let found = lastUses.get(steps);
  if (found) return found;
  const last = new Map<Var, number>();
  steps.forEach((step, i) => {
    for (const v of [...step.inputs, ...step.outputs]) last.set(v, i);
  });
  for (const v of outVars) last.delete(v);
  found = new Map();
  for (const [v, i] of last) {
    const list = found.get(i) ?? [];
    list.push(v);
    found.set(i, list);
  }
  lastUses.set(steps, found);
  return found;
}

/**
 * Runs `ir` on `args` as the sequence `steps` (its equations in order, or groups of them in an order
 * that respects their dependencies), `exec` computing each step's outputs from its inputs. An
 * intermediate is disposed right after the last step that reads it, so a long program holds no
 * more than it must; inputs, constants and outputs are never disposed, nor is an intermediate
 * something else has claimed meanwhile (a value a reap caught). `where` names the caller in errors.
 */
export function runSteps<S extends Step>(
  ir: IR,
  steps: readonly S[],
  args: readonly Array[],
  where: string,
  exec: (step: S, inputs: Array[]) => readonly Array[],
): Array[] {
  if (args.length !== ir.inVars.length) {
    throw new AddaxError(`${where}: the program takes ${ir.inVars.length} inputs, got ${args.length}`);
  }
  const env = new Map<Var, Array>();
  ir.inVars.forEach((v, i) => {
    const x = args[i]!;
    if (!x.aval.equals(v.aval)) {
      throw new AddaxError(
        `${where}: input ${i} is ${x.aval.describe()}, the program expects ${v.aval.describe()}`,
      );
    }
    env.set(v, x);
  });
  ir.constVars.forEach((v, i) => {
    env.set(v, ir.consts[i]!);
  });
  const dying = lastUsesOf(steps, ir.outVars);
  const holders = new Map<Array, number>();
  // The scope makes "made by this run and not claimed since" a question the scope can answer.
  return tidy(() => {
    steps.forEach((step, i) => {
      const outs = exec(
        step,
        step.inputs.map((v) => env.get(v)!),
      );
      step.outputs.forEach((v, j) => {
        const x = outs[j]!;
        env.set(v, x);
        holders.set(x, (holders.get(x) ?? 0) + 1);
      });
      for (const v of dying.get(i) ?? []) {
        const x = env.get(v)!;
        env.delete(v);
        // Inputs and constants were made outside this run's scope, so it never owns them.
        const left = (holders.get(x) ?? 0) - 1;
        holders.set(x, left);
        if (left === 0 && ownedByCurrentScope(x)) x.dispose();
      }
    });
    return ir.outVars.map((v) => env.get(v)!);
  });
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
  return runSteps(ir, ir.eqns, args, 'evalIR', (eqn, inputs) => bind(eqn.primitive, inputs, eqn.params));
}
