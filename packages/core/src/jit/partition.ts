import { IR, type Equation, type Var } from '../ir/ir.js';
import type { Step } from '../ir/eval-ir.js';

/**
 * Primitives that only move or make values: a fragment of nothing else computes nothing a kernel
 * would not, and `reshape` alone shares its operand's buffer instead of copying it.
 */
const MOVES_ONLY: ReadonlySet<string> = new Set(['broadcastInDim', 'reshape', 'iota', 'stopGradient']);

/** Equations the executor runs together: one fused fragment, or a single equation. */
class Group {
  readonly eqns: Equation[] = [];
  /** The groups that make this group's inputs. */
  readonly preds = new Set<Group>();

  /** `shapeKey`: the common output shape of a fusable group, undefined for a single equation. */
  constructor(readonly shapeKey: string | undefined) {}

  /** Whether this group reads, directly or through other groups, what `target` makes. */
  dependsOn(target: Group): boolean {
    const seen = new Set<Group>();
    const pending = [...this.preds];
    for (let g = pending.pop(); g !== undefined; g = pending.pop()) {
      if (g === target) return true;
      if (seen.has(g)) continue;
      seen.add(g);
      pending.push(...g.preds);
    }
    return false;
  }
}

/** A fragment: fusable equations of one output shape that run as one step, and their own program. */
export class Fragment implements Step {
  readonly inputs: readonly Var[];
  readonly outputs: readonly Var[];

  /** `ir`: the fragment's equations as a program whose inputs include the constants it reads. */
  constructor(readonly ir: IR) {
    this.inputs = ir.inVars;
    this.outputs = ir.outVars;
  }
}

/** The output shape shared by all of `eqn`'s outputs if it may join a fragment, else undefined. */
function fusableShape(eqn: Equation, canFuse: (eqn: Equation) => boolean): string | undefined {
  const keys = new Set(eqn.outputs.map((v) => v.aval.shape.join(',')));
  return keys.size === 1 && canFuse(eqn) ? [...keys][0] : undefined;
}

/**
 * Groups `ir`'s equations for the executor. The rule: an equation `canFuse` accepts (see
 * `FusionCompiler`) whose outputs all have one shape joins a group of that shape, preferring the
 * group of one of its operands, else the latest such group (siblings reading the same values
 * share one loop), unless an operand is made by another group that itself waits on the group
 * joined (the fragment would feed and wait for the same step); other equations stand alone.
 * Groups that only move values are dissolved, and fragments whose values nobody reads dropped.
 * Returns the steps in an order that respects every dependency, each a {@link Fragment} or a
 * single equation.
 */
export function partition(ir: IR, canFuse: (eqn: Equation) => boolean): (Fragment | Equation)[] {
  const producer = new Map<Var, Group>();
  const groups: Group[] = [];
  const latest = new Map<string, Group>();
  for (const eqn of ir.eqns) {
    const key = fusableShape(eqn, canFuse);
    const inputGroups = eqn.inputs.flatMap((v) => producer.get(v) ?? []);
    const joinable = (g: Group | undefined): g is Group =>
      g !== undefined && g.shapeKey === key && inputGroups.every((p) => p === g || !p.dependsOn(g));
    let group = key === undefined ? undefined : [...inputGroups, latest.get(key)].find(joinable);
    if (!group) {
      group = new Group(key);
      groups.push(group);
    }
    if (key !== undefined) latest.set(key, group);
    group.eqns.push(eqn);
    for (const p of inputGroups) if (p !== group) group.preds.add(p);
    for (const v of eqn.outputs) producer.set(v, group);
  }
  const ordered = dependenciesFirst(groups);
  const readOutside = readersOutside(ir, producer);
  return ordered.flatMap((g): (Fragment | Equation)[] => {
    if (g.shapeKey === undefined || g.eqns.every((e) => MOVES_ONLY.has(e.primitive.name))) return g.eqns;
    const fragment = fragmentOf(g, readOutside);
    // Primitives are pure: a fragment none of whose values is read is dead code.
    return fragment.outputs.length > 0 ? [fragment] : [];
  });
}

/**
 * `groups` in an order where each comes after the groups it reads, otherwise as given (a
 * depth-first post-order, kept iterative so long programs do not exhaust the stack).
 */
function dependenciesFirst(groups: readonly Group[]): Group[] {
  const ordered: Group[] = [];
  const state = new Map<Group, 'open' | 'placed'>();
  for (const root of groups) {
    const pending: Group[] = [root];
    for (let g = pending.at(-1); g !== undefined; g = pending.at(-1)) {
      if (state.get(g) === 'placed') {
        pending.pop();
      } else if (state.get(g) === 'open') {
        pending.pop();
        state.set(g, 'placed');
        ordered.push(g);
      } else {
        state.set(g, 'open');
        for (const p of g.preds) if (!state.has(p)) pending.push(p);
      }
    }
  }
  return ordered;
}

/** The variables read by a group other than their producer's, or returned by the program. */
function readersOutside(ir: IR, producer: ReadonlyMap<Var, Group>): Set<Var> {
  const outside = new Set<Var>(ir.outVars);
  for (const g of new Set(producer.values())) {
    for (const eqn of g.eqns) for (const v of eqn.inputs) if (producer.get(v) !== g) outside.add(v);
  }
  return outside;
}

function fragmentOf(group: Group, readOutside: ReadonlySet<Var>): Fragment {
  const made = new Set(group.eqns.flatMap((e) => e.outputs));
  const inputs = new Set(group.eqns.flatMap((e) => e.inputs.filter((v) => !made.has(v))));
  const outputs = [...made].filter((v) => readOutside.has(v));
  return new Fragment(new IR([...inputs], [], [], group.eqns, outputs));
}
