import { measure, median, type MeasureOptions } from './measure.js';
import type { Entry, EntryResult, LaneResult } from './types.js';

/**
 * Measures every lane of an entry and relates each to the entry's baseline lane.
 *
 * @example
 * ```ts
 * runEntry(matmulEntries([128])[0]!).lanes; // [{ lane: 'addax-cpu', ratio: ... }, { lane: 'tfjs-cpu', ratio: 1 }]
 * ```
 */
export function runEntry(entry: Entry, options?: MeasureOptions): EntryResult {
  const timed = entry.lanes.map((lane) => {
    const times = measure(lane, options);
    const medianMs = median(times);
    return {
      lane: lane.name,
      medianMs,
      minMs: Math.min(...times),
      runs: times.length,
      gflops: entry.flops / medianMs / 1e6,
    };
  });
  const base = timed.find((t) => t.lane === entry.baseline);
  const lanes: LaneResult[] = timed.map((t) => ({ ...t, ratio: base ? t.gflops / base.gflops : NaN }));
  return { suite: entry.suite, name: entry.name, flops: entry.flops, baseline: entry.baseline, lanes };
}
