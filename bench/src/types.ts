/**
 * One way of running a benchmark entry (a library and backend), prepared outside the timed region.
 * `prepare` makes the inputs and returns the function that is timed, which must finish its work
 * (read the result back) before returning; `dispose` frees what `prepare` made.
 */
export interface Lane {
  readonly name: string;
  prepare(): { run: () => void; dispose: () => void };
}

/** One benchmark: a named workload at one size, its floating-point operation count and its lanes. */
export interface Entry {
  readonly suite: string;
  readonly name: string;
  /** Floating-point operations per run, for GFLOP/s. */
  readonly flops: number;
  /** The lane others are compared against (its ratio is 1). */
  readonly baseline: string;
  readonly lanes: readonly Lane[];
}

/** A lane's measurement of one entry. */
export interface LaneResult {
  readonly lane: string;
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
  readonly gflops: number;
  /** This lane's speed over the baseline's (GFLOP/s ratio; above 1 is faster). */
  readonly ratio: number;
}

export interface EntryResult {
  readonly suite: string;
  readonly name: string;
  readonly flops: number;
  readonly baseline: string;
  readonly lanes: readonly LaneResult[];
}
