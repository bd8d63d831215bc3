import type { Array } from '../array.js';
import type { ShapeDtype } from '../aval.js';
import { AddaxError, ShapeError } from '../errors.js';
import { stageOpen } from '../control/open-ir.js';
import { evalIR } from '../ir/eval-ir.js';
import type { IR } from '../ir/ir.js';
import type { TreeDef } from '../tree/pytree.js';
import { pathKey, pathName, type HarvestContext } from './context.js';
import { reapSown, type Sown } from './reap.js';
import type { SowMode } from './sow.js';

/** What one name sown inside a program is, without its values. */
export interface SowSpec {
  readonly path: readonly string[];
  readonly mode: SowMode;
  readonly tree: TreeDef;
  /** One run's leaves: an append-mode name's stacked along its sows in the run. */
  readonly avals: readonly ShapeDtype[];
}

/** The description of what a reap collected under one name. */
export function specOf({ path, mode, tree, leaves }: Sown): SowSpec {
  return { path, mode, tree, avals: leaves.map((x) => x.aval) };
}

/**
 * Runs `ir` on `args` under a reap of `context`'s settings and scope base, so a harvest's rule for
 * a primitive holding `ir` sees the program's sows as the harvest would; what was reaped comes in a
 * fixed order (by name), so programs that sow alike lay it out alike. Rules run held programs with
 * `evalIR` (which frees nothing) while tracing: evalIR would free a planted value handed in.
 */
export function reapProgram(context: HarvestContext, ir: IR, args: readonly Array[]): [Array[], Sown[]] {
  const [outs, sown] = reapSown(context.options, context.base, () => evalIR(ir, args));
  return [outs, sown.sort((a, b) => (pathKey(a.path) < pathKey(b.path) ? -1 : 1))];
}

/** The names of `context`'s tag that running `ir` sows, found by staging it. */
export function sowsOf(context: HarvestContext, ir: IR): SowSpec[] {
  return stageOpen((...args) => {
    const [outs, sown] = reapProgram(context, ir, args);
    return [outs, sown.map(specOf)];
  }, ir.inAvals).extra;
}

/** Loops run a body many times, so a strict name there would be sown more than once. */
export function rejectStrict(specs: readonly SowSpec[], where: string): void {
  const strict = specs.find((s) => s.mode === 'strict');
  if (strict) throw new AddaxError(`Cannot use strict mode for '${pathName(strict.path)}' inside ${where}`);
}

const describe = (s: SowSpec): string =>
  `${s.mode} ${s.tree.toString()} (${s.avals.map((a) => a.describe()).join(', ')})`;

/** The branches of a choice must sow alike, or the harvest's result would depend on the branch. */
export function checkSameSows(specs: readonly (readonly SowSpec[])[], tag: string, where: string): void {
  const names = (list: readonly SowSpec[]): string => `[${list.map((s) => pathName(s.path)).join(', ')}]`;
  const first = specs[0]!;
  specs.forEach((list, b) => {
    if (names(list) !== names(first)) {
      throw new AddaxError(
        `${where}: every branch must sow the same names of tag '${tag}', but branch 0 sows ${names(first)} ` +
          `and branch ${b} sows ${names(list)}`,
      );
    }
    list.forEach((s, i) => {
      if (describe(s) !== describe(first[i]!)) {
        throw new ShapeError(
          `${where}: the branches sow '${pathName(s.path)}' differently: ${describe(first[i]!)} in branch 0, ` +
            `${describe(s)} in branch ${b}`,
        );
      }
    });
  });
}
