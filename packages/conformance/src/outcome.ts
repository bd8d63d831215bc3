/**
 * What checking one primitive on a backend found:
 * - `pass`: the backend's kernel agrees with the reference;
 * - `cpu fallback`: the backend's kernel agrees with the reference, and the backend declares that
 *   it runs on the CPU (`Backend.cpuFallbacks`);
 * - `decomposed`: the backend has no kernel, and the primitive's decomposition into other
 *   primitives, run on the backend, agrees with the reference;
 * - `fail`: a case where they disagree (or the backend threw), shrunk by fast-check;
 * - `not implemented`: no kernel and no decomposition, or a decomposition needing a primitive the
 *   backend lacks;
 * - `skipped`: left out on request.
 */
export type Status = 'pass' | 'cpu fallback' | 'decomposed' | 'fail' | 'not implemented' | 'skipped';

/** One cell of the matrix: the status, and for `fail` and `not implemented` why. */
export interface Outcome {
  readonly status: Status;
  readonly message?: string;
}

/** Whether an outcome fails a run (`fail` and `not implemented` do). */
export function isFailure(outcome: Outcome): boolean {
  return outcome.status === 'fail' || outcome.status === 'not implemented';
}
