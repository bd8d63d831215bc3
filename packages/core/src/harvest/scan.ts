import type { Array } from '../array.js';
import { ShapeDtype } from '../aval.js';
import { zeros } from '../creation.js';
import { flags, splitList } from '../control/lists.js';
import { stageOpenFn } from '../control/open-ir.js';
import { scanP, type ScanParams } from '../control/scan-primitive.js';
import { evalIR } from '../ir/eval-ir.js';
import { bind } from '../interpreters.js';
import { reshape } from '../lax/shape.js';
import { unflatten } from '../tree/pytree.js';
import { atPaths, pathKey } from './context.js';
import type { HarvestTrace } from './harvest-trace.js';
import { definePlantRule, plantWith, type PlantContext } from './plant.js';
import { defineReapRule, type ReapContext } from './reap.js';
import { reapProgram, rejectStrict, sowsOf, type SowSpec } from './program.js';

/** `scan` bound below `trace` with a new body and extra operands (Oryx's `_reap_scan_rule` shape). */
function rebind(
  trace: HarvestTrace,
  params: ScanParams,
  body: { readonly ir: ScanParams['body']; readonly consts: Array[] },
  operands: { consts: readonly Array[]; carry: readonly Array[]; xs: readonly Array[] },
): Array[] {
  const { numConsts, numCarry } = params;
  const extraCarry = operands.carry.length - numCarry;
  const extraXs = operands.xs.length - (params.linear.length - numConsts - numCarry);
  return trace.below(() =>
    bind(scanP, [...body.consts, ...operands.consts, ...operands.carry, ...operands.xs], {
      ...params,
      body: body.ir,
      numConsts: body.consts.length + numConsts,
      numCarry: numCarry + extraCarry,
      linear: [
        ...flags(body.consts.length, false),
        ...params.linear.slice(0, numConsts + numCarry),
        ...flags(extraCarry, false),
        ...params.linear.slice(numConsts + numCarry),
        ...flags(extraXs, false),
      ],
    }),
  );
}

/**
 * Reaps the sows inside a scan body: a clobber name's last value is threaded through the loop as
 * an extra carry, an append name's values come out as extra ys, stacked per iteration.
 */
function reapScan(trace: HarvestTrace, operands: readonly Array[], params: ScanParams): Array[] {
  const context = trace.context as ReapContext;
  const { body, numConsts, numCarry, length } = params;
  const specs = sowsOf(context, body);
  rejectStrict(specs, 'scan');
  const clobbers = specs.filter((s) => s.mode === 'clobber');
  const appends = specs.filter((s) => s.mode === 'append');
  const clobberAvals = clobbers.flatMap((s) => s.avals);
  const [consts, carry, xs] = splitList(operands, [numConsts, numCarry, operands.length]);
  const inAvals = body.inAvals;
  const newBody = stageOpenFn(
    (...args) => {
      const [c, k, , x] = splitList(args, [numConsts, numCarry, clobberAvals.length, args.length]);
      const [outs, sown] = reapProgram(context, body, [...c!, ...k!, ...x!]);
      const byPath = new Map(sown.map((s) => [pathKey(s.path), s.leaves]));
      const leavesOf = (list: readonly SowSpec[]): Array[] =>
        list.flatMap((s) => byPath.get(pathKey(s.path))!);
      return [
        ...outs.slice(0, numCarry),
        ...leavesOf(clobbers),
        ...outs.slice(numCarry),
        ...leavesOf(appends),
      ];
    },
    [...inAvals.slice(0, numConsts + numCarry), ...clobberAvals, ...inAvals.slice(numConsts + numCarry)],
  );
  const init = trace.below(() => clobberAvals.map((a) => zeros(a.shape, a.dtype)));
  const outs = rebind(trace, params, newBody, { consts: consts!, carry: [...carry!, ...init], xs: xs! });
  const numYs = body.outAvals.length - numCarry;
  const [carryOut, clobberOut, ys, appendOut] = splitList(outs, [
    numCarry,
    clobberAvals.length,
    numYs,
    outs.length,
  ]);
  let at = 0;
  for (const s of clobbers) {
    const leaves = clobberOut!.slice(at, (at += s.avals.length));
    // A loop that never ran sowed nothing.
    if (length > 0) context.record(s.path, 'clobber', s.tree, { leaves, stacked: false });
  }
  at = 0;
  for (const s of appends) {
    const leaves = trace.below(() =>
      appendOut!
        .slice(at, (at += s.avals.length))
        .map((y) => reshape(y, [y.shape[0]! * y.shape[1]!, ...y.shape.slice(2)])),
    );
    context.record(s.path, 'append', s.tree, { leaves, stacked: true });
  }
  return [...carryOut!, ...ys!];
}

/**
 * Plants into a scan body: a clobber name's planted value is the same in every iteration, an
 * append name's planted stack is cut into one row per iteration and scanned over as extra xs.
 */
function plantScan(trace: HarvestTrace, operands: readonly Array[], params: ScanParams): Array[] {
  const context = trace.context as PlantContext;
  const { body, numConsts, numCarry, length } = params;
  const planted = sowsOf(context, body).flatMap((spec) => {
    const leaves = context.plantedLeaves(spec.path, spec.tree);
    return leaves ? [{ spec, leaves }] : [];
  });
  rejectStrict(
    planted.map((p) => p.spec),
    'scan',
  );
  const clobbers = planted.filter((p) => p.spec.mode === 'clobber');
  const appends = planted.filter((p) => p.spec.mode === 'append');
  // Each iteration sows an append name k times, so it takes k elements of the stack.
  const rows = trace.below(() =>
    appends.map(({ spec, leaves }) => {
      const k = spec.avals[0]?.shape[0] ?? 0;
      return context
        .take(spec.path, leaves, length * k)
        .map((x) => reshape(x, [length, k, ...x.shape.slice(1)]));
    }),
  );
  const rowXs = rows.flat();
  const [consts, carry, xs] = splitList(operands, [numConsts, numCarry, operands.length]);
  const newBody = stageOpenFn(
    (...args) => {
      let at = body.inAvals.length;
      const plants = atPaths([
        ...clobbers.map(({ spec, leaves }) => [spec.path, unflatten(spec.tree, leaves)] as const),
        ...appends.map(
          ({ spec }) => [spec.path, unflatten(spec.tree, args.slice(at, (at += spec.avals.length)))] as const,
        ),
      ]);
      return plantWith(context.options, plants, context.base, () =>
        evalIR(body, args.slice(0, body.inAvals.length)),
      );
    },
    [...body.inAvals, ...rowXs.map((x) => new ShapeDtype(x.shape.slice(1), x.dtype))],
  );
  return rebind(trace, params, newBody, { consts: consts!, carry: carry!, xs: [...xs!, ...rowXs] });
}

defineReapRule(scanP, reapScan);
definePlantRule(scanP, plantScan);
