import type { Array } from '../array.js';

/**
 * Frees the carry an eager loop iteration replaced: each array of `old` that is neither part of
 * `next` (a body may return its input unchanged) nor one of the loop's `operands` (which belong
 * to the caller). Without this a long loop would hold every iteration's carry until it returned.
 */
export function releaseCarry(
  old: readonly Array[],
  next: readonly Array[],
  operands: readonly Array[],
): void {
  for (const a of old) if (!next.includes(a) && !operands.includes(a)) a.dispose();
}
