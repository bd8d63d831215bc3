import { mkdirSync, writeFileSync } from 'node:fs';
import type { Environment } from './environment.js';
import type { EntryResult } from './types.js';

const fixed = (v: number, digits: number): string => (Number.isFinite(v) ? v.toFixed(digits) : '-');

/**
 * The results as a text table: one row per entry, per lane its median time and GFLOP/s, and each
 * non-baseline lane's ratio over the baseline.
 *
 * @example
 * ```ts
 * console.log(formatTable(results));
 * ```
 */
export function formatTable(results: readonly EntryResult[]): string {
  const rows: string[][] = [];
  for (const r of results) {
    const base = r.lanes.find((l) => l.lane === r.baseline);
    for (const l of r.lanes) {
      rows.push([
        r.suite,
        r.name,
        l.lane,
        fixed(l.medianMs, 2),
        fixed(l.gflops, 2),
        l.lane === r.baseline ? '' : `${fixed(l.ratio, 2)}x vs ${base?.lane ?? r.baseline}`,
      ]);
    }
  }
  const header = ['suite', 'entry', 'lane', 'median ms', 'GFLOP/s', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * Writes `<dir>/<suite>.json` with the environment, one file per suite; returns the paths.
 *
 * @example
 * ```ts
 * writeResults(new URL('../results/', import.meta.url), env, results); // ['.../matmul.json']
 * ```
 */
export function writeResults(dir: URL, env: Environment, results: readonly EntryResult[]): string[] {
  mkdirSync(dir, { recursive: true });
  const suites = [...new Set(results.map((r) => r.suite))];
  return suites.map((suite) => {
    const file = new URL(`${suite}.json`, dir);
    const entries = results.filter((r) => r.suite === suite);
    writeFileSync(file, `${JSON.stringify({ suite, environment: env, entries }, null, 2)}\n`);
    return file.pathname;
  });
}
