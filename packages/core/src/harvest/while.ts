import type { Array } from '../array.js';
import { zeros } from '../creation.js';
import { stageOpenFn, withUnusedInputs, type OpenIR } from '../control/open-ir.js';
import { whileP, whileParts, type WhileParams } from '../control/while-primitive.js';
import { evalIR } from '../ir/eval-ir.js';
import { AddaxError } from '../errors.js';
import { bind } from '../interpreters.js';
import { unflatten } from '../tree/pytree.js';
import { atPaths, pathName, type HarvestContext } from './context.js';
import type { HarvestTrace } from './harvest-trace.js';
import { definePlantRule, plantWith, type PlantContext } from './plant.js';
import { reapProgram, sowsOf, type SowSpec } from './program.js';
import { defineReapRule, type ReapContext } from './reap.js';

/**
 * The body's sows of the harvest's tag, which must all be clobber: a while loop runs an unknown
 * number of times, so nothing can be stacked per iteration (as Oryx). The predicate must sow none.
 */
function bodySows(context: HarvestContext, p: WhileParams): SowSpec[] {
  const inCond = sowsOf(context, p.cond);
  if (inCond.length > 0) {
    throw new AddaxError(`whileLoop: condFn sows '${pathName(inCond[0]!.path)}'; sow in bodyFn instead`);
  }
  const specs = sowsOf(context, p.body);
  const other = specs.find((s) => s.mode !== 'clobber');
  if (other) throw new AddaxError(`Must use clobber mode for '${pathName(other.path)}' inside whileLoop`);
  return specs;
}

/** `whileLoop` bound below `trace` with a new body (and a cond taking the carry it adds). */
function rebind(
  trace: HarvestTrace,
  operands: readonly Array[],
  p: WhileParams,
  body: OpenIR,
  extraCarry: readonly Array[],
): Array[] {
  const [condConsts, bodyConsts, init] = whileParts(operands, p);
  return trace.below(() =>
    bind(whileP, [...condConsts, ...body.consts, ...bodyConsts, ...init, ...extraCarry], {
      cond: withUnusedInputs(
        p.cond,
        extraCarry.map((x) => x.aval),
      ),
      body: body.ir,
      numCondConsts: p.numCondConsts,
      numBodyConsts: body.consts.length + p.numBodyConsts,
    }),
  );
}

/** Reaps a while loop's clobber sows, threaded through the loop as extra carries (zeros if it never ran). */
function reapWhile(trace: HarvestTrace, operands: readonly Array[], p: WhileParams): Array[] {
  const context = trace.context as ReapContext;
  const specs = bodySows(context, p);
  const avals = specs.flatMap((s) => s.avals);
  const numIn = p.body.inAvals.length;
  const body = stageOpenFn(
    (...args) => {
      const [outs, sown] = reapProgram(context, p.body, args.slice(0, numIn));
      return [...outs, ...sown.flatMap((s) => s.leaves)];
    },
    [...p.body.inAvals, ...avals],
  );
  const init = trace.below(() => avals.map((a) => zeros(a.shape, a.dtype)));
  const outs = rebind(trace, operands, p, body, init);
  const numCarry = p.body.outAvals.length;
  let at = numCarry;
  for (const s of specs) {
    context.record(s.path, 'clobber', s.tree, {
      leaves: outs.slice(at, (at += s.avals.length)),
      stacked: false,
    });
  }
  return outs.slice(0, numCarry);
}

/** Plants a while loop's clobber sows: the planted value holds in every iteration. */
function plantWhile(trace: HarvestTrace, operands: readonly Array[], p: WhileParams): Array[] {
  const context = trace.context as PlantContext;
  const plants = atPaths(
    bodySows(context, p).flatMap((s) => {
      const leaves = context.plantedLeaves(s.path, s.tree);
      return leaves ? [[s.path, unflatten(s.tree, leaves)] as const] : [];
    }),
  );
  const body = stageOpenFn(
    (...args) => plantWith(context.options, plants, context.base, () => evalIR(p.body, args)),
    p.body.inAvals,
  );
  return rebind(trace, operands, p, body, []);
}

defineReapRule(whileP, reapWhile);
definePlantRule(whileP, plantWhile);
