import type { Array } from '../array.js';

/**
 * Frees the carry an eager loop iteration replaced: each array of `old` that is neither part of
 * `next` (a body may return its input unchanged) nor in `kept`: the loop's operands (which belong
 * to the caller) and anything an iteration returned that the loop still holds (a y that is also a
 * carry). Without this a long loop would hold every iteration's carry until it returned.
 */
export function releaseCarry(old: readonly Array[], next: readonly Array[], kept: ReadonlySet<Array>): void {
  for (const a of old) if (!next.includes(a) && !kept.has(a)) a.dispose();
}
