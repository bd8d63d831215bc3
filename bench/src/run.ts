import { DEFAULT_MEASURE, measure, median, type MeasureOptions } from './measure.js';
import type { Entry, EntryResult, Lane, LaneResult } from './types.js';

type Timed = Omit<LaneResult, 'ratio'>;

const notRun = (lane: string, status: LaneResult['status'], note: string): Timed => ({
  lane,
  status,
  note,
  medianMs: NaN,
  minMs: NaN,
  runs: 0,
});

/** Whether `name` resolves (and loads) from the bench package; cached per package. */
const resolved = new Map<string, Promise<boolean>>();
function installed(name: string): Promise<boolean> {
  let found = resolved.get(name);
  if (!found) {
    found = import(name).then(
      () => true,
      () => false,
    );
    resolved.set(name, found);
  }
  return found;
}

/** One round of a lane: its times, or why it cannot run. */
async function timeRound(lane: Lane, options: MeasureOptions): Promise<number[] | Timed> {
  if (lane.requires && !(await installed(lane.requires))) {
    return notRun(lane.name, 'not installed', lane.requires);
  }
  try {
    await lane.setup?.();
    return measure(lane, options);
  } catch (error) {
    // A backend that lacks a kernel (or a GPU one that cannot start in Node) is that lane's result.
    return notRun(lane.name, 'failed', error instanceof Error ? error.message : String(error));
  }
}

function summary(entry: Entry, lane: Lane, times: number[]): Timed {
  const medianMs = median(times);
  return {
    lane: lane.name,
    status: 'ok',
    medianMs,
    minMs: Math.min(...times),
    runs: times.length,
    ...(entry.flops ? { gflops: entry.flops / medianMs / 1e6 } : {}),
    ...(entry.opsPerRun ? { usPerOp: (medianMs * 1000) / entry.opsPerRun } : {}),
  };
}

/**
 * Measures every lane of an entry and relates each to the entry's baseline lane.
 *
 * @example
 * ```ts
 * (await runEntry(matmulEntries([128])[0]!)).lanes; // [{ lane: 'addax-cpu', ratio: ... }, { lane: 'tfjs-cpu', ratio: 1 }, ...]
 * ```
 */
export async function runEntry(entry: Entry): Promise<EntryResult> {
  const options = { ...DEFAULT_MEASURE, ...entry.measure };
  const { rounds } = options;
  const round = {
    ...options,
    minRuns: Math.ceil(options.minRuns / rounds),
    minTimeMs: options.minTimeMs / rounds,
  };
  const times = entry.lanes.map((): number[] => []);
  const stopped = new Map<number, Timed>();
  for (let r = 0; r < rounds; r++) {
    for (const [i, lane] of entry.lanes.entries()) {
      if (stopped.has(i)) continue;
      const got = await timeRound(lane, round);
      if (globalThis.Array.isArray(got)) times[i]!.push(...got);
      else stopped.set(i, got);
    }
  }
  const timed = entry.lanes.map((lane, i) => stopped.get(i) ?? summary(entry, lane, times[i]!));
  const base = timed.find((t) => t.lane === entry.baseline);
  const lanes = timed.map((t) => ({ ...t, ratio: base ? base.medianMs / t.medianMs : NaN }));
  const { suite, name, flops, opsPerRun, baseline } = entry;
  return { suite, name, flops, opsPerRun, baseline, lanes };
}
