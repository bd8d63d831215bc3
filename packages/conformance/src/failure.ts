import type fc from 'fast-check';
import type { RunSettings } from './config.js';

/** A backend that has no kernel for a primitive a computation needed, and no decomposition. */
export function isMissingKernel(e: unknown): boolean {
  return e instanceof Error && /has no kernel for it and it has no decomposition/.test(e.message);
}

/** The message of whatever a failing property threw. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The report of a failed fast-check run: what failed, how to reproduce it (the seed, fast-check's
 * path to the shrunk case, and the settings), then the counterexample as `describe` prints it and
 * the error it raised.
 */
export function failureReport<T>(
  title: string,
  details: fc.RunDetails<[T]>,
  settings: RunSettings,
  describe: (counterexample: T) => string,
): string {
  const where =
    `seed ${details.seed}, path "${details.counterexamplePath ?? ''}", ` +
    `failed after ${details.numRuns} of ${settings.numRuns} runs, shrunk ${details.numShrinks} times`;
  const lines = [
    title,
    `  ${where}`,
    `  reproduce with ADDAX_CONFORMANCE_SEED=${details.seed} NUM_RUNS=${settings.numRuns}`,
  ];
  if (details.counterexample) lines.push(`  counterexample:\n${describe(details.counterexample[0])}`);
  lines.push(`  ${errorText(details.errorInstance)}`);
  return lines.join('\n');
}
