import { mkdirSync, writeFileSync } from 'node:fs';
import type { Environment } from './environment.js';
import type { TargetResult } from './targets.js';
import type { EntryResult, LaneResult } from './types.js';

const fixed = (v: number, digits: number): string => (Number.isFinite(v) ? v.toFixed(digits) : '-');

/** Cells as aligned columns under `header`, with a rule under it. */
function columns(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function rate(l: LaneResult): string {
  if (l.gflops !== undefined) return `${fixed(l.gflops, 2)} GFLOP/s`;
  if (l.usPerOp !== undefined) return `${fixed(l.usPerOp, 2)} us/op`;
  return '';
}

/**
 * The results as a text table: one row per lane of every entry, its median time and rate (GFLOP/s
 * or microseconds per op), and each non-baseline lane's speed over the baseline. Lanes that did not
 * run say why.
 *
 * @example
 * ```ts
 * console.log(formatTable(results));
 * ```
 */
export function formatTable(results: readonly EntryResult[]): string {
  const rows = results.flatMap((r) =>
    r.lanes.map((l) => [
      r.suite,
      r.name,
      l.lane,
      l.status === 'ok' ? fixed(l.medianMs, 3) : `${l.status} (${l.note ?? ''})`,
      rate(l),
      l.lane === r.baseline || !Number.isFinite(l.ratio) ? '' : `${fixed(l.ratio, 2)}x vs ${r.baseline}`,
    ]),
  );
  return columns(['suite', 'entry', 'lane', 'median ms', 'rate', 'speed'], rows);
}

/**
 * The targets as a table: each with PASS or MISS (or `-` when its suite did not run) and the ratio.
 *
 * @example
 * ```ts
 * console.log(formatTargets(checkTargets(results)));
 * ```
 */
export function formatTargets(targets: readonly TargetResult[]): string {
  const rows = targets.map((t) => [
    t.verdict,
    t.label,
    t.goal,
    Number.isFinite(t.ratio) ? `${fixed(t.ratio, 2)}x` : 'not run',
  ]);
  return columns(['verdict', 'target', 'goal', 'measured'], rows);
}

/**
 * Writes `<dir>/<suite>.json` with the environment, one file per suite, and `<dir>/targets.json`;
 * returns the paths.
 *
 * @example
 * ```ts
 * writeResults(new URL('../results/', import.meta.url), env, results, targets); // ['.../matmul.json', ...]
 * ```
 */
export function writeResults(
  dir: URL,
  env: Environment,
  results: readonly EntryResult[],
  targets: readonly TargetResult[],
): string[] {
  mkdirSync(dir, { recursive: true });
  const write = (name: string, body: object): string => {
    const file = new URL(`${name}.json`, dir);
    writeFileSync(file, `${JSON.stringify({ ...body, environment: env }, null, 2)}\n`);
    return file.pathname;
  };
  const suites = [...new Set(results.map((r) => r.suite))];
  return [
    ...suites.map((suite) => write(suite, { suite, entries: results.filter((r) => r.suite === suite) })),
    write('targets', { targets: targets.filter((t) => t.verdict !== '-') }),
  ];
}
