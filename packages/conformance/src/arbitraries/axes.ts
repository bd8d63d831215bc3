import fc from 'fast-check';
import { range } from './shapes.js';

/**
 * An axis of a rank-`rank` array (`rank` at least 1).
 *
 * @example
 * ```ts
 * fc.sample(axisArb(3), 2); // e.g. [2, 0]
 * ```
 */
export function axisArb(rank: number): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: rank - 1 });
}

/**
 * A set of distinct axes of a rank-`rank` array, in increasing order (the empty set included).
 *
 * @example
 * ```ts
 * fc.sample(axesArb(3), 2); // e.g. [[0, 2], []]
 * ```
 */
export function axesArb(rank: number): fc.Arbitrary<number[]> {
  return fc.subarray(range(rank));
}

/**
 * A permutation of the axes of a rank-`rank` array.
 *
 * @example
 * ```ts
 * fc.sample(permutationArb(3), 1); // e.g. [[2, 0, 1]]
 * ```
 */
export function permutationArb(rank: number): fc.Arbitrary<number[]> {
  return fc.shuffledSubarray(range(rank), { minLength: rank, maxLength: rank });
}
