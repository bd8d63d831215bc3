import { describe, it } from 'vitest';
import { resolveBackend } from './backends.js';
import { checkPrimitive } from './check-primitive.js';
import { runSettings } from './config.js';
import { LAWS } from './laws/index.js';
import { planChecks, type ConformanceOptions } from './options.js';
import { isFailure, type Outcome } from './outcome.js';
import { describeTolerance } from './tolerance.js';

function expectPass(outcome: Outcome): void {
  if (isFailure(outcome)) throw new Error(outcome.message ?? outcome.status);
}

/**
 * Registers the conformance suite as vitest `describe`/`it` blocks: one test per primitive (the
 * backend against backend-cpu over generated cases) and one per law and law case. Call it at the
 * top level of a test file. A failing test prints the seed, fast-check's path and the shrunk
 * counterexample; `ADDAX_CONFORMANCE_SEED` and `NUM_RUNS` set the seed and the cases per property.
 *
 * @example
 * ```ts
 * // my-backend/test/conformance.test.ts
 * import { runConformance } from '@addax/conformance';
 * import { createMyBackend } from '../src/index.js';
 * runConformance({ backend: createMyBackend, name: 'mine' });
 * ```
 */
export function runConformance<B>(options: ConformanceOptions<B>): void {
  const backend = resolveBackend(options.backend, options.name);
  const settings = runSettings(options);
  const plan = planChecks(options);
  // Generous, since NUM_RUNS=1000 on a slow device must not time out.
  const timeout = 60_000 + settings.numRuns * 1_000;
  describe(`conformance of backend '${backend}' (seed ${settings.seed}, ${settings.numRuns} runs per property)`, () => {
    describe('primitives against backend-cpu', () => {
      for (const spec of plan.primitives) {
        const tolerance = describeTolerance(spec.tolerance);
        it(
          `${spec.name} equals the reference (float32 ${tolerance}; integers and bool exact)`,
          async () => {
            expectPass(await checkPrimitive(spec, backend, settings));
          },
          timeout,
        );
      }
    });
    if (plan.laws.length === 0) return;
    describe('transformation laws', () => {
      for (const { lawCase, law } of plan.laws) {
        it(
          `${law} law holds for ${lawCase.name}`,
          async () => {
            expectPass(await LAWS[law](lawCase, backend, settings));
          },
          timeout,
        );
      }
    });
  });
}
