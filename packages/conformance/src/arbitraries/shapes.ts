import fc from 'fast-check';

/** Bounds of generated shapes. */
export interface ShapeOptions {
  /** Default 0: scalars included. */
  readonly minRank?: number;
  /** Default 3. */
  readonly maxRank?: number;
  /** The largest size of an axis; default 5. */
  readonly maxSize?: number;
  /** The share of axes of size 0, from 0 (none) to 1; default 0.1. */
  readonly zeroSize?: number;
}

/**
 * The size of one axis: 1 to `maxSize`, and 0 for a share `zeroSize` of axes.
 *
 * @example
 * ```ts
 * fc.sample(dimArb(3, 0.5), 4); // e.g. [0, 2, 0, 3]
 * ```
 */
export function dimArb(maxSize = 5, zeroSize = 0.1): fc.Arbitrary<number> {
  const positive = fc.integer({ min: 1, max: maxSize });
  const zeroWeight = Math.round(zeroSize * 100);
  if (zeroWeight === 0) return positive;
  return fc.oneof(
    { arbitrary: positive, weight: 100 - zeroWeight },
    { arbitrary: fc.constant(0), weight: zeroWeight },
  );
}

/** A size from 0 to `max`, 0 one time in six (when `max` is positive). */
export function sizeUpTo(max: number): fc.Arbitrary<number> {
  if (max === 0) return fc.constant(0);
  return fc.oneof(
    { arbitrary: fc.integer({ min: 1, max }), weight: 5 },
    { arbitrary: fc.constant(0), weight: 1 },
  );
}

/**
 * A shape: scalars (rank 0) and zero-size arrays included unless the options exclude them. The
 * rank is the larger of two uniform draws, so higher ranks (more elements, more edge values per
 * case) come up more often than scalars; one shape in four is square (every axis of one size, 2
 * or more), where any permutation or remapping of axes is shape-correct, so only the values
 * reveal an axis mixed up.
 *
 * @example
 * ```ts
 * fc.sample(shapeArb({ maxRank: 2 }), 3); // e.g. [[], [3, 1], [0]]
 * ```
 */
export function shapeArb(options: ShapeOptions = {}): fc.Arbitrary<number[]> {
  const { minRank = 0, maxRank = 3, maxSize = 5, zeroSize = 0.1 } = options;
  const rank = fc
    .tuple(fc.integer({ min: minRank, max: maxRank }), fc.integer({ min: minRank, max: maxRank }))
    .map(([a, b]) => Math.max(a, b));
  const general = rank.chain((r) => fc.array(dimArb(maxSize, zeroSize), { minLength: r, maxLength: r }));
  if (maxSize < 2) return general;
  const square = fc
    .tuple(rank, fc.integer({ min: 2, max: maxSize }))
    .map(([r, d]) => Array.from({ length: r }, () => d));
  return fc.oneof({ arbitrary: general, weight: 3 }, { arbitrary: square, weight: 1 });
}

/**
 * Two shapes that broadcast together as numpy does: trailing axes aligned, each pair equal or one
 * of them 1, the shorter one padded with leading axes.
 *
 * @example
 * ```ts
 * fc.sample(broadcastPairArb(), 1); // e.g. [[2, 1, 3], [4, 3]]
 * ```
 */
export function broadcastPairArb(options: ShapeOptions = {}): fc.Arbitrary<[number[], number[]]> {
  const operand = (out: readonly number[]): fc.Arbitrary<number[]> =>
    fc
      .tuple(
        fc.integer({ min: 0, max: out.length }),
        fc.array(fc.boolean(), { minLength: out.length, maxLength: out.length }),
      )
      .map(([drop, ones]) => out.map((d, i) => (ones[i] ? 1 : d)).slice(drop));
  return shapeArb(options).chain((out) => fc.tuple(operand(out), operand(out)));
}

/** An operand shape and the `broadcastInDim` that maps it into `shape`. */
export interface BroadcastInDimCase {
  readonly operand: number[];
  readonly shape: number[];
  readonly broadcastDimensions: number[];
}

/**
 * A `broadcastInDim`: the output shape, a strictly increasing choice of output axes for the
 * operand's axes, and an operand whose axes are (one time in four) 1 or the output's size there.
 *
 * @example
 * ```ts
 * fc.sample(broadcastInDimArb(), 1); // e.g. { operand: [1, 3], shape: [2, 2, 3], broadcastDimensions: [0, 2] }
 * ```
 */
export function broadcastInDimArb(options: ShapeOptions = {}): fc.Arbitrary<BroadcastInDimCase> {
  return shapeArb(options).chain((shape) =>
    fc
      .tuple(
        fc.subarray(range(shape.length)),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: shape.length, maxLength: shape.length }),
      )
      .map(([broadcastDimensions, ones]) => ({
        operand: broadcastDimensions.map((d) => (ones[d] === 0 ? 1 : shape[d]!)),
        shape,
        broadcastDimensions,
      })),
  );
}

/**
 * Another shape with as many elements as `shape`: its axes shuffled, neighbours merged, and axes
 * of size 1 inserted.
 *
 * @example
 * ```ts
 * fc.sample(reshapeArb([2, 3]), 2); // e.g. [[6], [3, 1, 2]]
 * ```
 */
export function reshapeArb(shape: readonly number[]): fc.Arbitrary<number[]> {
  const n = shape.length;
  return fc
    .tuple(
      fc.shuffledSubarray([...shape], { minLength: n, maxLength: n }),
      fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 0, max: n }), { maxLength: 2 }),
    )
    .map(([dims, merge, ones]) => {
      const out: number[] = [];
      dims.forEach((d, i) => {
        if (merge[i] && out.length > 0) out[out.length - 1]! *= d;
        else out.push(d);
      });
      for (const at of ones) out.splice(Math.min(at, out.length), 0, 1);
      return out;
    });
}

/** `[0, 1, ..., n - 1]`. */
export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
