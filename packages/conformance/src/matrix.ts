import * as ax from '@addax/core';
import { resolveBackend } from './backends.js';
import { checkPrimitive } from './check-primitive.js';
import { runSettings, type RunSettings } from './config.js';
import { LAWS } from './laws/index.js';
import type { LawName } from './laws/law-case.js';
import { planChecks, type ConformanceOptions } from './options.js';
import { isFailure, type Outcome } from './outcome.js';

/** Everything one backend's run found. */
export interface BackendReport {
  readonly backend: string;
  readonly description?: string;
  readonly settings: RunSettings;
  readonly primitives: readonly { readonly name: string; readonly outcome: Outcome }[];
  readonly laws: readonly { readonly lawCase: string; readonly law: LawName; readonly outcome: Outcome }[];
  /** Primitives and law cases left out on request. */
  readonly skipped: readonly string[];
  readonly seconds: number;
}

/**
 * Runs every check `options` select on one backend, outside any test runner: the CLI's engine,
 * and what tests use to check a backend programmatically.
 *
 * @example
 * ```ts
 * const report = await checkBackend({ backend: createMyBackend, name: 'mine' });
 * report.primitives.filter((p) => p.outcome.status === 'fail');
 * ```
 */
export async function checkBackend<B>(options: ConformanceOptions<B>): Promise<BackendReport> {
  const start = performance.now();
  const backend = resolveBackend(options.backend, options.name);
  const settings = runSettings(options);
  const plan = planChecks(options);
  const primitives = [];
  for (const spec of plan.primitives) {
    primitives.push({ name: spec.name, outcome: await checkPrimitive(spec, backend, settings) });
  }
  const laws = [];
  for (const { lawCase, law } of plan.laws) {
    laws.push({ lawCase: lawCase.name, law, outcome: await LAWS[law](lawCase, backend, settings) });
  }
  const { description } = ax.findBackend(backend);
  return {
    backend,
    ...(description !== undefined && { description }),
    settings,
    primitives,
    laws,
    skipped: plan.skipped,
    seconds: (performance.now() - start) / 1000,
  };
}

/** Every failing outcome's message in a report. */
export function failureMessages(report: BackendReport): string[] {
  return [...report.primitives.map((p) => p.outcome), ...report.laws.map((l) => l.outcome)]
    .filter(isFailure)
    .map((o) => o.message ?? o.status);
}

const CELL: Record<Outcome['status'], string> = {
  pass: 'pass',
  'cpu fallback': 'cpu fallback',
  decomposed: 'decomposed',
  fail: 'FAIL',
  'not implemented': 'not implemented',
  skipped: 'skipped',
};

/** One law case's cell: `pass`, or `FAIL` with the laws that failed. */
function lawCell(outcomes: readonly { law: LawName; outcome: Outcome }[]): string {
  const failed = outcomes.filter((o) => isFailure(o.outcome)).map((o) => o.law);
  return failed.length === 0 ? 'pass' : `FAIL (${failed.join(', ')})`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * The matrix of primitive (then law case) by backend, one column per report, with a summary line
 * per backend: what the CLI prints.
 *
 * @example
 * ```ts
 * console.log(formatMatrix([await checkBackend({ backend: 'cpu' })]));
 * ```
 */
export function formatMatrix(reports: readonly BackendReport[]): string {
  const names = reports.map((r) => r.backend);
  const primitiveNames = [
    ...new Set(reports.flatMap((r) => [...r.primitives.map((p) => p.name), ...r.skipped])),
  ];
  const primitiveRows = primitiveNames
    .filter((n) => reports.some((r) => r.primitives.some((p) => p.name === n)))
    .map((n) => [
      n,
      ...reports.map((r) => {
        const found = r.primitives.find((p) => p.name === n);
        return found ? CELL[found.outcome.status] : 'skipped';
      }),
    ]);
  const caseNames = [...new Set(reports.flatMap((r) => r.laws.map((l) => l.lawCase)))];
  const lawRows = caseNames.map((n) => [
    n,
    ...reports.map((r) => lawCell(r.laws.filter((l) => l.lawCase === n))),
  ]);
  const summary = reports.map((r) => {
    const counts = new Map<string, number>();
    for (const { outcome } of [...r.primitives, ...r.laws])
      counts.set(outcome.status, (counts.get(outcome.status) ?? 0) + 1);
    const parts = [...counts].map(([status, n]) => `${n} ${status}`);
    if (r.skipped.length) parts.push(`${r.skipped.length} skipped (${r.skipped.join(', ')})`);
    const about = r.description === undefined ? '' : ` (${r.description})`;
    return `${r.backend}${about}: ${parts.join(', ')}; ${r.seconds.toFixed(1)} s`;
  });
  const sections = [table(['primitive', ...names], primitiveRows)];
  if (lawRows.length) sections.push(table(['law case', ...names], lawRows));
  return [...sections, summary.join('\n')].join('\n\n');
}
