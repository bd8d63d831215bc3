import { ParameterError } from '@addax/core';

/** The seed every property starts from unless `ADDAX_CONFORMANCE_SEED` or `seed` says otherwise. */
export const DEFAULT_SEED = 0x5eed;

/**
 * Cases per property unless `NUM_RUNS` or `numRuns` says otherwise: enough that each of the
 * purpose-broken backends in the suite's tests is caught under at least 99 of 100 seeds, few enough
 * that a backend's whole suite runs in seconds in CI. Nightly runs set `NUM_RUNS=1000`.
 */
export const DEFAULT_NUM_RUNS = 50;

/** How a run is reproduced: fast-check's seed and the number of cases per property. */
export interface RunSettings {
  readonly seed: number;
  readonly numRuns: number;
}

/** Environment variables by name, as `process.env` and vitest's `import.meta.env` hold them. */
export type Env = Readonly<Record<string, string | undefined>>;

function fromEnv(
  env: Env | undefined,
  variable: string,
  valid: (n: number) => boolean,
  what: string,
): number | undefined {
  const text = env?.[variable];
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!valid(n)) throw new ParameterError(`${variable}=${text}: expected ${what}`);
  return n;
}

const isSeed = (n: number): boolean => Number.isInteger(n) && Math.abs(n) < 2 ** 31;
const isRunCount = (n: number): boolean => Number.isInteger(n) && n >= 1;

/**
 * The settings a run uses: those given, else `ADDAX_CONFORMANCE_SEED` and `NUM_RUNS` from `env`
 * (default `process.env`), else {@link DEFAULT_SEED} and {@link DEFAULT_NUM_RUNS}.
 *
 * @example
 * ```ts
 * runSettings({ numRuns: 100 }); // { seed: 24301, numRuns: 100 } with no ADDAX_CONFORMANCE_SEED set
 * ```
 */
export function runSettings(
  given: { readonly seed?: number; readonly numRuns?: number; readonly env?: Env } = {},
): RunSettings {
  const env =
    given.env ?? (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  if (given.seed !== undefined && !isSeed(given.seed)) {
    throw new ParameterError(`seed ${given.seed}: expected a 32-bit integer`);
  }
  if (given.numRuns !== undefined && !isRunCount(given.numRuns)) {
    throw new ParameterError(`numRuns ${given.numRuns}: expected a positive integer`);
  }
  return {
    seed: given.seed ?? fromEnv(env, 'ADDAX_CONFORMANCE_SEED', isSeed, 'a 32-bit integer') ?? DEFAULT_SEED,
    numRuns: given.numRuns ?? fromEnv(env, 'NUM_RUNS', isRunCount, 'a positive integer') ?? DEFAULT_NUM_RUNS,
  };
}
