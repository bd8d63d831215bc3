import * as ax from '@addax/core';
import { parseCliArgs, USAGE, type CliArgs } from './cli-args.js';
import { runSettings } from './config.js';
import { installedBackendPackages, moduleToImport } from './discover.js';
import { LAW_CASES } from './laws/cases.js';
import { lawsOf } from './laws/law-case.js';
import { NN_LAYER_CASES } from './layers/cases.js';
import { checkBackend, failureMessages, formatMatrix, type BackendReport } from './matrix.js';
import { PRIMITIVE_SPECS } from './primitives/index.js';
import { describeTolerance } from './tolerance.js';

/** Where the CLI runs and writes: the process's in the bin, a test's own in tests. */
export interface CliIO {
  readonly cwd: string;
  readonly log: (text: string) => void;
  readonly error: (text: string) => void;
}

const registered = (): string[] => ax.listBackends().map((b) => b.name);

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The backends each module imported so far registered: a module registers only on its first import. */
const registeredBy = new Map<string, string[]>();

/** The backends importing `spec` registers (a package, a package directory or a file). */
async function backendsOf(spec: string, cwd: string): Promise<string[]> {
  const { url, packageName } = moduleToImport(spec, cwd);
  const known = registeredBy.get(url);
  if (known) return known;
  const before = new Set(registered());
  await import(url);
  const added = registered().filter((n) => !before.has(n));
  registeredBy.set(url, added);
  if (added.length > 0) return added;
  // The suite imports @addax/backend-cpu itself (for its reference), so importing it again
  // registers nothing new; the backend it registers is 'cpu'.
  if (packageName === '@addax/backend-cpu') return ['cpu'];
  throw new Error(
    `importing '${spec}' registered no backend (a backend package calls ax.registerBackend on import)`,
  );
}

function printList(io: CliIO): void {
  for (const spec of PRIMITIVE_SPECS) {
    io.log(
      `${spec.name}\n  float32 tolerance: ${describeTolerance(spec.tolerance)}\n  domain: ${spec.domain}`,
    );
  }
  for (const c of [...LAW_CASES, ...NN_LAYER_CASES]) {
    io.log(
      `law case ${c.name}: laws ${lawsOf(c).join(', ')}; rtol ${c.tolerance.rtol}, atol ${c.tolerance.atol}`,
    );
  }
}

/** Checks every backend `spec` registers that can start, reporting to `io`; whether all went well. */
async function checkPackage(
  spec: string,
  args: CliArgs,
  io: CliIO,
  reports: BackendReport[],
): Promise<boolean> {
  let names: string[];
  try {
    names = await backendsOf(spec, io.cwd);
  } catch (e) {
    io.error(`${spec}: ${message(e)}`);
    return false;
  }
  let ok = true;
  for (const name of names) {
    try {
      ax.findBackend(name);
    } catch (e) {
      // A backend that cannot start here (no GPU, say) is reported; it fails the run only if asked for.
      io.error(`${spec}: backend '${name}' is unavailable: ${message(e)}`);
      ok &&= args.backends.length === 0;
      continue;
    }
    io.log(`checking backend '${name}' from ${spec} ...`);
    const { only, skip, laws } = args;
    const settings = runSettings(args);
    reports.push(
      await checkBackend({ backend: name, ...settings, laws, ...(only && { only }), ...(skip && { skip }) }),
    );
  }
  return ok;
}

/**
 * The `addax-conformance` command: parses `argv`, imports the backend packages, checks every
 * backend they register and prints the matrix and the failures. Resolves to the exit code: 1 if
 * anything failed (or a backend named with `--backend` could not start), else 0.
 *
 * @example
 * ```ts
 * const io = { cwd: process.cwd(), log: console.log, error: console.error };
 * process.exitCode = await runCli(['--backend', '.', '--only', 'add'], io);
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (e) {
    io.error(`addax-conformance: ${message(e)}\n\n${USAGE}`);
    return 1;
  }
  if (args.help) {
    io.log(USAGE);
    return 0;
  }
  if (args.list) {
    printList(io);
    return 0;
  }
  const packages = args.backends.length > 0 ? args.backends : installedBackendPackages(io.cwd);
  if (packages.length === 0) {
    io.error('addax-conformance: no @addax/backend-* package is installed here; name one with --backend');
    return 1;
  }
  const settings = runSettings(args);
  io.log(
    `addax-conformance: seed ${settings.seed}, ${settings.numRuns} runs per property, reference backend-cpu`,
  );
  const reports: BackendReport[] = [];
  let ok = true;
  for (const spec of packages) ok = (await checkPackage(spec, args, io, reports)) && ok;
  if (reports.length > 0) io.log(`\n${formatMatrix(reports)}`);
  const failures = reports.flatMap(failureMessages);
  if (failures.length > 0) io.log(`\nFailures:\n\n${failures.join('\n\n')}`);
  return ok && failures.length === 0 ? 0 : 1;
}
