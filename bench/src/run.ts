import { DEFAULT_MEASURE, measure, median } from './measure.js';
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

async function timeLane(entry: Entry, lane: Lane): Promise<Timed> {
  if (lane.requires && !(await installed(lane.requires))) {
    return notRun(lane.name, 'not installed', lane.requires);
  }
  try {
    await lane.setup?.();
    const times = measure(lane, { ...DEFAULT_MEASURE, ...entry.measure });
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
  } catch (error) {
    // A backend that lacks a kernel (or a GPU one that cannot start in Node) is that lane's result.
    return notRun(lane.name, 'failed', error instanceof Error ? error.message : String(error));
  }
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
  const timed: Timed[] = [];
  for (const lane of entry.lanes) timed.push(await timeLane(entry, lane));
  const base = timed.find((t) => t.lane === entry.baseline);
  const lanes = timed.map((t) => ({ ...t, ratio: base ? base.medianMs / t.medianMs : NaN }));
  const { suite, name, flops, opsPerRun, baseline } = entry;
  return { suite, name, flops, opsPerRun, baseline, lanes };
}
