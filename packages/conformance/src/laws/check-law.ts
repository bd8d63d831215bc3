import fc from 'fast-check';
import { ensureReference } from '../backends.js';
import type { RunSettings } from '../config.js';
import { failureReport } from '../failure.js';
import type { Outcome } from '../outcome.js';

/**
 * Runs one law as a fast-check property over `inputs` and reports the outcome: `pass`, or `fail`
 * with the seed, the path and the shrunk inputs as `describe` prints them.
 */
export async function checkLaw<I>(
  title: string,
  inputs: fc.Arbitrary<I>,
  check: (input: I) => Promise<void>,
  describe: (input: I) => string,
  settings: RunSettings,
): Promise<Outcome> {
  ensureReference();
  const details = await fc.check(fc.asyncProperty(inputs, check), {
    seed: settings.seed,
    numRuns: settings.numRuns,
  });
  if (!details.failed) return { status: 'pass' };
  return { status: 'fail', message: failureReport(title, details, settings, describe) };
}
