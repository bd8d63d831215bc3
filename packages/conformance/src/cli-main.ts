#!/usr/bin/env node
import * as ax from '@addax/core';
import { REFERENCE } from './backends.js';
import { parseCliArgs, USAGE, type CliArgs } from './cli-args.js';
import { runSettings } from './config.js';
import { installedBackendPackages, moduleToImport } from './discover.js';
import { LAW_CASES } from './laws/cases.js';
import { lawsOf } from './laws/law-case.js';
import { checkBackend, failureMessages, formatMatrix, type BackendReport } from './matrix.js';
import { PRIMITIVE_SPECS } from './primitives/index.js';
import { describeTolerance } from './tolerance.js';

const registered = (): string[] => ax.listBackends().map((b) => b.name);

// The suite itself imports @addax/backend-cpu (for its reference), so the backends that package
// registers are already there when the CLI starts and importing it again adds none.
const preloaded = registered().filter((n) => n !== REFERENCE);

/** The backends importing `spec` registers (a package, a package directory or a file). */
async function backendsOf(spec: string): Promise<string[]> {
  const { url, packageName } = moduleToImport(spec, process.cwd());
  const before = new Set(registered());
  await import(url);
  const added = registered().filter((n) => !before.has(n));
  if (added.length > 0) return added;
  if (packageName === '@addax/backend-cpu') return preloaded;
  throw new Error(
    `importing '${spec}' registered no backend (a backend package calls ax.registerBackend on import)`,
  );
}

function printList(): void {
  for (const spec of PRIMITIVE_SPECS) {
    console.log(
      `${spec.name}\n  float32 tolerance: ${describeTolerance(spec.tolerance)}\n  domain: ${spec.domain}`,
    );
  }
  for (const c of LAW_CASES) {
    console.log(
      `law case ${c.name}: laws ${lawsOf(c).join(', ')}; rtol ${c.tolerance.rtol}, atol ${c.tolerance.atol}`,
    );
  }
}

async function main(args: CliArgs): Promise<number> {
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.list) {
    printList();
    return 0;
  }
  const explicit = args.backends.length > 0;
  const packages = explicit ? args.backends : installedBackendPackages(process.cwd());
  if (packages.length === 0) {
    console.error(
      'addax-conformance: no @addax/backend-* package is installed here; name one with --backend',
    );
    return 1;
  }
  const settings = runSettings(args);
  console.log(
    `addax-conformance: seed ${settings.seed}, ${settings.numRuns} runs per property, reference backend-cpu`,
  );
  const reports: BackendReport[] = [];
  let failed = false;
  for (const spec of packages) {
    let names: string[];
    try {
      names = await backendsOf(spec);
    } catch (e) {
      console.error(`${spec}: ${e instanceof Error ? e.message : String(e)}`);
      failed = true;
      continue;
    }
    for (const name of names) {
      try {
        ax.findBackend(name);
      } catch (e) {
        // A backend that cannot start here (no GPU, say) is reported; it fails the run only if asked for.
        console.error(
          `${spec}: backend '${name}' is unavailable: ${e instanceof Error ? e.message : String(e)}`,
        );
        failed ||= explicit;
        continue;
      }
      console.log(`checking backend '${name}' from ${spec} ...`);
      const { only, skip, laws } = args;
      reports.push(
        await checkBackend({
          backend: name,
          ...settings,
          laws,
          ...(only && { only }),
          ...(skip && { skip }),
        }),
      );
    }
  }
  if (reports.length > 0) console.log(`\n${formatMatrix(reports)}`);
  const failures = reports.flatMap(failureMessages);
  if (failures.length > 0) console.log(`\nFailures:\n\n${failures.join('\n\n')}`);
  return failed || failures.length > 0 ? 1 : 0;
}

Promise.resolve()
  .then(() => main(parseCliArgs(process.argv.slice(2))))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(`addax-conformance: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
