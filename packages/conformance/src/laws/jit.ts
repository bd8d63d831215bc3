import * as ax from '@addax/core';
import type { RunSettings } from '../config.js';
import { runOn, upload } from '../host.js';
import type { Outcome } from '../outcome.js';
import { checkLaw } from './check-law.js';
import { expectClose } from './close.js';
import { describeArrays } from './describe.js';
import { argsArb, type LawCase } from './law-case.js';

/**
 * The `jit` law: `jit(f)` on the backend (its first, tracing call and its cached replay, through
 * the backend's fusion compiler if it has one) equals `f` run eagerly on the backend.
 */
export function jitLaw(c: LawCase, backend: string, settings: RunSettings): Promise<Outcome> {
  return checkLaw(
    `jit law, ${c.name}: jit(f) on backend '${backend}' differs from f`,
    c.shapes.chain((shapes) => argsArb(shapes, c.range)),
    async (args) => {
      const [first, cached, eager] = await runOn(backend, () => {
        const xs = args.map(upload);
        const jitted = ax.jit(c.fn);
        return [jitted(...xs), jitted(...xs), c.fn(...xs)];
      });
      expectClose(first!, eager!, c.tolerance, 'jit(f) (first call) vs f');
      expectClose(cached!, eager!, c.tolerance, 'jit(f) (cached call) vs f');
    },
    (args) => describeArrays('argument', args).join('\n'),
    settings,
  );
}
