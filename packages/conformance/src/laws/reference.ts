import type * as ax from '@addax/core';
import { REFERENCE } from '../backends.js';
import type { RunSettings } from '../config.js';
import { runOn, upload, type HostArray } from '../host.js';
import type { Outcome } from '../outcome.js';
import { againstReference, flushSubnormals } from '../subnormals.js';
import { checkLaw } from './check-law.js';
import { expectClose } from './close.js';
import { describeArrays } from './describe.js';
import { argsArb, type LawCase } from './law-case.js';

/** `fn(...args)` on `backend`, read back. */
export async function evaluate(
  backend: string,
  fn: (...xs: ax.Array[]) => ax.Array,
  args: readonly HostArray[],
): Promise<HostArray> {
  const [out] = await runOn(backend, () => [fn(...args.map(upload))]);
  return out!;
}

/** The `reference` law: `f` computed on the backend equals `f` computed on the reference. */
export function referenceLaw(c: LawCase, backend: string, settings: RunSettings): Promise<Outcome> {
  return checkLaw(
    `reference law, ${c.name}: f on backend '${backend}' differs from f on the reference`,
    c.shapes.chain((shapes) => argsArb(shapes, c.range)),
    async (args) => {
      const got = await evaluate(backend, c.fn, args);
      await againstReference(
        backend,
        args,
        (xs) => xs.map(flushSubnormals),
        async (xs) =>
          expectClose(
            got,
            await evaluate(REFERENCE, c.fn, xs),
            c.tolerance,
            'f on the backend vs on the reference',
          ),
      );
    },
    (args) => describeArrays('argument', args).join('\n'),
    settings,
  );
}
