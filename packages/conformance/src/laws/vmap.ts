import fc from 'fast-check';
import * as ax from '@addax/core';
import type { RunSettings } from '../config.js';
import { formatValue } from '../format.js';
import type { HostArray } from '../host.js';
import type { Outcome } from '../outcome.js';
import { checkLaw } from './check-law.js';
import { expectClose } from './close.js';
import { describeArrays } from './describe.js';
import { hostSlice, hostStack } from './host-ops.js';
import { argsArb, outShapeOf, type LawCase } from './law-case.js';
import { evaluate } from './reference.js';

interface VmapInput {
  /** The arguments, each with the batch axis at its `inAxes` entry (none where that is null). */
  readonly args: readonly HostArray[];
  readonly inAxes: readonly (number | null)[];
  readonly outAxis: number;
  readonly size: number;
}

function vmapInputs(c: LawCase): fc.Arbitrary<VmapInput> {
  return c.shapes.chain((shapes) =>
    fc
      .record({
        size: fc.integer({ min: 1, max: 3 }),
        inAxes: fc
          .tuple(...shapes.map((s) => fc.option(fc.integer({ min: 0, max: s.length }), { nil: null })))
          .filter((axes) => axes.some((a) => a !== null)),
        outPick: fc.nat(),
      })
      .chain(({ size, inAxes, outPick }) => {
        const batched = shapes.map((s, k) => {
          const a = inAxes[k];
          return a === null || a === undefined ? s : [...s.slice(0, a), size, ...s.slice(a)];
        });
        const outAxis = outPick % (outShapeOf(c, shapes).length + 1);
        return argsArb(batched, c.range).map((args) => ({ args, inAxes, outAxis, size }));
      }),
  );
}

/**
 * The `vmap` law: `vmap(f, {inAxes, outAxes})` on the backend equals `f` applied on the backend
 * to each slice of the arguments, stacked along `outAxes` (random in and out axes, some arguments
 * unmapped).
 */
export function vmapLaw(c: LawCase, backend: string, settings: RunSettings): Promise<Outcome> {
  return checkLaw(
    `vmap law, ${c.name}: vmap(f) on backend '${backend}' differs from a loop of f`,
    vmapInputs(c),
    async ({ args, inAxes, outAxis, size }) => {
      const mapped = ax.vmap(c.fn, { inAxes: [...inAxes], outAxes: outAxis });
      const batched = await evaluate(backend, mapped, args);
      const rows: HostArray[] = [];
      for (let b = 0; b < size; b++) {
        const slices = args.map((x, k) => {
          const a = inAxes[k];
          return a === null || a === undefined ? x : hostSlice(x, a, b);
        });
        rows.push(await evaluate(backend, c.fn, slices));
      }
      expectClose(batched, hostStack(rows, outAxis), c.tolerance, 'vmap(f) vs f on each slice, stacked');
    },
    ({ args, inAxes, outAxis }) =>
      [`    inAxes ${formatValue(inAxes)}, outAxes ${outAxis}`, ...describeArrays('argument', args)].join(
        '\n',
      ),
    settings,
  );
}
