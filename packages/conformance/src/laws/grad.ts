import * as ax from '@addax/core';
import { REFERENCE } from '../backends.js';
import type { RunSettings } from '../config.js';
import { runOn, upload, type HostArray } from '../host.js';
import type { Outcome } from '../outcome.js';
import { againstReference, flushSubnormals } from '../subnormals.js';
import { checkLaw } from './check-law.js';
import { expectClose } from './close.js';
import { describeArrays } from './describe.js';
import { argsArb, outShapeOf, type LawCase } from './law-case.js';

/** The gradient of `sum(f(...args) * weights)` with respect to every argument, on `backend`. */
function gradients(
  backend: string,
  c: LawCase,
  args: readonly HostArray[],
  weights: HostArray,
): Promise<HostArray[]> {
  return runOn(backend, () => {
    const w = upload(weights);
    const loss = (...xs: ax.Array[]): ax.Array => ax.sum(ax.multiply(c.fn(...xs), w));
    const argnums = args.map((_, i) => i);
    return ax.grad<ax.Array[], ax.Array[]>(loss, { argnums })(...args.map(upload));
  });
}

/**
 * The `grad` law: the gradient of `sum(f(x) * w)` (random weights `w`, so every output counts
 * differently) with respect to every argument, computed on the backend, equals the same gradient
 * computed on the reference.
 */
export function gradLaw(c: LawCase, backend: string, settings: RunSettings): Promise<Outcome> {
  const inputs = c.shapes.chain((shapes) =>
    argsArb([...shapes, outShapeOf(c, shapes)], c.range).map((xs) => ({
      args: xs.slice(0, -1),
      weights: xs.at(-1)!,
    })),
  );
  return checkLaw(
    `grad law, ${c.name}: grad on backend '${backend}' differs from grad on the reference`,
    inputs,
    async ({ args, weights }) => {
      const got = await gradients(backend, c, args, weights);
      await againstReference(
        backend,
        args,
        (xs) => xs.map(flushSubnormals),
        async (xs) => {
          const expected = await gradients(REFERENCE, c, xs, weights);
          expected.forEach((e, i) =>
            expectClose(got[i]!, e, c.tolerance, `the gradient with respect to argument ${i}`),
          );
        },
      );
    },
    ({ args, weights }) =>
      [...describeArrays('argument', args), ...describeArrays('weights', [weights])].join('\n'),
    settings,
  );
}
