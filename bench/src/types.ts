import type { MeasureOptions } from './measure.js';

/** What a lane's `prepare` returns: the timed function and the clean-up of what `prepare` made. */
export interface Prepared {
  readonly run: () => void;
  readonly dispose: () => void;
}

/**
 * One way of running a benchmark entry (a library and backend), prepared outside the timed region.
 * `setup` selects the lane's backend (once, before `prepare`); `prepare` makes the inputs and returns
 * the function that is timed, which must finish its work (read the result back) before returning.
 * A lane that `requires` a package runs only if that package resolves; otherwise it is reported as
 * not installed.
 */
export interface Lane {
  readonly name: string;
  readonly requires?: string;
  setup?(): Promise<void>;
  prepare(): Prepared;
}

/** One benchmark: a named workload at one size and its lanes. */
export interface Entry {
  readonly suite: string;
  readonly name: string;
  /** Floating-point operations per run, for GFLOP/s. */
  readonly flops?: number;
  /** Operations per run, for microseconds per operation. */
  readonly opsPerRun?: number;
  /** The lane others are compared against (its ratio is 1). */
  readonly baseline: string;
  readonly lanes: readonly Lane[];
  /** Overrides of the default timing, for entries whose runs take seconds. */
  readonly measure?: Partial<MeasureOptions>;
}

/** Whether a lane ran: `not installed` when its package does not resolve, `failed` when it threw. */
export type LaneStatus = 'ok' | 'not installed' | 'failed';

/** A lane's measurement of one entry (NaN figures when it did not run). */
export interface LaneResult {
  readonly lane: string;
  readonly status: LaneStatus;
  /** Why a lane did not run: the missing package or the error. */
  readonly note?: string;
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
  /** GFLOP/s at the median, when the entry counts flops. */
  readonly gflops?: number;
  /** Microseconds per operation at the median, when the entry counts operations. */
  readonly usPerOp?: number;
  /** The baseline's median time over this lane's (above 1 is faster). */
  readonly ratio: number;
}

export interface EntryResult {
  readonly suite: string;
  readonly name: string;
  readonly flops?: number;
  readonly opsPerRun?: number;
  readonly baseline: string;
  readonly lanes: readonly LaneResult[];
}
