import type { Lane } from './types.js';

/** How long and how often to time a lane. */
export interface MeasureOptions {
  readonly warmup: number;
  readonly minRuns: number;
  /** Keep timing past `minRuns` until this much time has been spent (ms). */
  readonly minTimeMs: number;
  /**
   * The entry's lanes are timed in turn this many times, each round a share of `minRuns` and
   * `minTimeMs`, so that load from other processes falls on every lane alike.
   */
  readonly rounds: number;
}

/** At least 12 timed runs and 1.2 s per lane in 3 rounds, after 2 warm-up runs per round. */
export const DEFAULT_MEASURE: MeasureOptions = { warmup: 2, minRuns: 12, minTimeMs: 1200, rounds: 3 };

/**
 * The median of a non-empty list.
 *
 * @example
 * ```ts
 * median([3, 1, 2, 10]); // 2.5
 * ```
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Times a lane: its inputs prepared once, `warmup` untimed runs (JIT compilation, caches), then
 * runs until both `minRuns` and `minTimeMs` are reached. Returns every run's time in ms.
 *
 * @example
 * ```ts
 * median(measure(lane)); // ms per run
 * ```
 */
export function measure(lane: Lane, options: MeasureOptions = DEFAULT_MEASURE): number[] {
  const { run, dispose } = lane.prepare();
  try {
    for (let i = 0; i < options.warmup; i++) run();
    const times: number[] = [];
    let spent = 0;
    while (times.length < options.minRuns || spent < options.minTimeMs) {
      const start = performance.now();
      run();
      const elapsed = performance.now() - start;
      times.push(elapsed);
      spent += elapsed;
    }
    return times;
  } finally {
    dispose();
  }
}
