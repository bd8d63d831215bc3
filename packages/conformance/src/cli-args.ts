import { parseArgs } from 'node:util';

/** What the command line asked for. */
export interface CliArgs {
  readonly backends: readonly string[];
  readonly only?: readonly string[];
  readonly skip?: readonly string[];
  readonly seed?: number;
  readonly numRuns?: number;
  readonly laws: boolean;
  readonly list: boolean;
  readonly help: boolean;
}

export const USAGE = `usage: addax-conformance [--backend <package or dir>]... [options]

Checks Addax backends against backend-cpu, primitive by primitive and law by law, and prints the
matrix of primitive x backend (pass, decomposed, FAIL, not implemented). Exits 1 on any failure.

  --backend <p>     a package name (resolved from the current directory), a package directory
                    (e.g. .) or a JavaScript file; importing it registers the backends to check.
                    Repeatable. Default: every installed @addax/backend-* package.
  --only <a,b>      check only these primitives and law cases
  --skip <a,b>      leave these out (listed as skipped)
  --seed <n>        fast-check seed (default ADDAX_CONFORMANCE_SEED, else a fixed seed)
  --num-runs <n>    cases per property (default NUM_RUNS, else 50; 1000 for nightly runs)
  --no-laws         check primitives only
  --list            print each primitive's tolerance and input domain, and the law cases
  --help            print this`;

function integer(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n)) throw new Error(`${flag} ${text}: expected an integer`);
  return n;
}

const list = (text: string | undefined): string[] | undefined => text?.split(',').filter((s) => s !== '');

/**
 * The command line parsed; an Error naming the flag for anything it does not understand.
 *
 * @example
 * ```ts
 * parseCliArgs(['--backend', '.', '--only', 'add,slice']).only; // ['add', 'slice']
 * ```
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      backend: { type: 'string', multiple: true },
      only: { type: 'string' },
      skip: { type: 'string' },
      seed: { type: 'string' },
      'num-runs': { type: 'string' },
      'no-laws': { type: 'boolean' },
      list: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  const only = list(values.only);
  const skip = list(values.skip);
  const seed = integer('--seed', values.seed);
  const numRuns = integer('--num-runs', values['num-runs']);
  return {
    backends: values.backend ?? [],
    ...(only && { only }),
    ...(skip && { skip }),
    ...(seed !== undefined && { seed }),
    ...(numRuns !== undefined && { numRuns }),
    laws: !values['no-laws'],
    list: values.list ?? false,
    help: values.help ?? false,
  };
}
