import type { Array } from '../array.js';
import { condP, type CondParams } from '../control/cond-primitive.js';
import { flags } from '../control/lists.js';
import { joinConsts, stageOpen, stageOpenFn, type OpenIR } from '../control/open-ir.js';
import { AddaxError } from '../errors.js';
import { evalIR } from '../ir/eval-ir.js';
import { bind } from '../interpreters.js';
import type { HarvestTrace } from './harvest-trace.js';
import { runHarvest } from './harvest-trace.js';
import { definePlantRule, type PlantContext } from './plant.js';
import { checkSameSows, reapProgram, specOf } from './program.js';
import { defineReapRule, type ReapContext } from './reap.js';

/** `cond` bound below `trace` on the same index and operands, with new branches. */
function rebind(
  trace: HarvestTrace,
  operands: readonly Array[],
  params: CondParams,
  branches: readonly OpenIR[],
): Array[] {
  const [index, ...rest] = operands;
  const { irs, consts } = joinConsts(branches);
  return trace.below(() =>
    bind(condP, [index!, ...consts, ...rest], {
      branches: irs,
      linear: [...flags(consts.length, false), ...params.linear],
    }),
  );
}

/**
 * Reaps the sows inside the branches of a cond: each branch also returns what it sowed, so the
 * branches must sow the same names alike, and the value reaped is the chosen branch's.
 */
function reapCond(trace: HarvestTrace, operands: readonly Array[], params: CondParams): Array[] {
  const context = trace.context as ReapContext;
  const staged = params.branches.map((branch) =>
    stageOpen((...args) => {
      const [outs, sown] = reapProgram(context, branch, args);
      return [[...outs, ...sown.flatMap((s) => s.leaves)], sown.map(specOf)];
    }, branch.inAvals),
  );
  const specs = staged[0]!.extra;
  checkSameSows(
    staged.map((s) => s.extra),
    context.tag,
    'cond',
  );
  const outs = rebind(trace, operands, params, staged);
  let at = params.branches[0]!.outAvals.length;
  for (const s of specs) {
    const leaves = outs.slice(at, (at += s.avals.length));
    context.record(s.path, s.mode, s.tree, { leaves, stacked: s.mode === 'append' });
  }
  return outs.slice(0, params.branches[0]!.outAvals.length);
}

/** Plants into every branch of a cond, which must use up the same plants whichever runs. */
function plantCond(trace: HarvestTrace, operands: readonly Array[], params: CondParams): Array[] {
  const context = trace.context as PlantContext;
  const forks = params.branches.map(() => context.fork());
  const staged = params.branches.map((branch, b) =>
    stageOpenFn((...args) => runHarvest(forks[b]!, () => evalIR(branch, args)), branch.inAvals),
  );
  forks.forEach((fork, b) => {
    if (fork.usage() !== forks[0]!.usage()) {
      throw new AddaxError(
        `cond: every branch must sow the planted names of tag '${context.tag}' alike, but branch 0 uses ` +
          `${forks[0]!.usage()} and branch ${b} ${fork.usage()}`,
      );
    }
  });
  context.join(forks[0]!);
  return rebind(trace, operands, params, staged);
}

defineReapRule(condP, reapCond);
definePlantRule(condP, plantCond);
