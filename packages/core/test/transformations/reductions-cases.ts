/**
 * Inputs for the reduction family's law tests: shapes with the axes a primitive reduces, scans or
 * sorts, where vmap puts the batch axis, values of each dtype (integer-valued floats, so ties are
 * common), and plain-JS references of each reduction's gradient.
 */
import fc from 'fast-check';
import * as ax from '@addax/core';

export type Values = 'float32' | 'int32' | 'bool';

/** Row-major coordinates of flat index `i` in `shape`. */
function unravel(i: number, shape: readonly number[]): number[] {
  const coords = shape.map(() => 0);
  for (let a = shape.length - 1; a >= 0; a--) {
    coords[a] = i % shape[a]!;
    i = Math.floor(i / shape[a]!);
  }
  return coords;
}

/** Row-major flat index of `coords` in `shape`. */
function ravel(coords: readonly number[], shape: readonly number[]): number {
  return coords.reduce((flat, c, a) => flat * shape[a]! + c, 0);
}

/** For each element of an array of `shape`, the flat index of its slot in a reduction over `axes`. */
export function groupOf(shape: readonly number[], axes: readonly number[]): number[] {
  const kept = shape.map((_, a) => a).filter((a) => !axes.includes(a));
  const keptShape = kept.map((a) => shape[a]!);
  const size = shape.reduce((n, d) => n * d, 1);
  return [...Array(size).keys()].map((i) => {
    const coords = unravel(i, shape);
    return ravel(
      kept.map((a) => coords[a]!),
      keptShape,
    );
  });
}

/** Position of each element of an array of `shape` along `axis`. */
export function positionAlong(shape: readonly number[], axis: number): number[] {
  const size = shape.reduce((n, d) => n * d, 1);
  return [...Array(size).keys()].map((i) => unravel(i, shape)[axis]!);
}

/** An array of `shape`: integer-valued floats in [-3, 3] (many ties), int32 in [-5, 5], or bools. */
export function valuesArb(shape: readonly number[], dtype: Values): fc.Arbitrary<ax.Array> {
  const n = shape.reduce((a, b) => a * b, 1);
  const element: fc.Arbitrary<number | boolean> =
    dtype === 'bool'
      ? fc.boolean()
      : fc.integer({ min: dtype === 'int32' ? -5 : -3, max: dtype === 'int32' ? 5 : 3 });
  return fc.array(element, { minLength: n, maxLength: n }).map((v) => ax.array(v, dtype).reshape([...shape]));
}

/**
 * A float32 array of `shape` with no ties: distinct multiples of `3 / m` in [-3, 3], where
 * `m = max(60, size)` leaves room for the draw (0.05 apart for up to 60 elements).
 */
export function distinctArb(shape: readonly number[]): fc.Arbitrary<ax.Array> {
  const n = shape.reduce((a, b) => a * b, 1);
  const m = Math.max(60, n);
  return fc
    .uniqueArray(fc.integer({ min: -m, max: m }), { minLength: n, maxLength: n })
    .map((v) => ax.array(v.map((k) => (3 * k) / m)).reshape([...shape]));
}

/** A shape of rank in `[minRank, maxRank]`, sizes in `[1, maxSize]`. */
export function shapeOf(minRank: number, maxRank: number, maxSize: number): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 1, max: maxSize }), { minLength: minRank, maxLength: maxRank });
}

/** A shape and a subset of its axes in any order, some written negative (the lax API accepts both). */
export function axesCase(maxRank = 3, maxSize = 3): fc.Arbitrary<{ shape: number[]; axes: number[] }> {
  return shapeOf(0, maxRank, maxSize).chain((shape) =>
    fc
      .subarray(
        shape.map((_, a) => a),
        { minLength: 0 },
      )
      .chain((axes) => fc.shuffledSubarray(axes, { minLength: axes.length, maxLength: axes.length }))
      .chain((axes) =>
        fc.array(fc.boolean(), { minLength: axes.length, maxLength: axes.length }).map((negative) => ({
          shape,
          axes: axes.map((a, i) => (negative[i] ? a - shape.length : a)),
        })),
      ),
  );
}

/** A shape of rank >= 1 and one of its axes, possibly written negative. */
export function axisCase(maxRank = 3, maxSize = 4): fc.Arbitrary<{ shape: number[]; axis: number }> {
  return shapeOf(1, maxRank, maxSize).chain((shape) =>
    fc.integer({ min: -shape.length, max: shape.length - 1 }).map((axis) => ({ shape, axis })),
  );
}

/** Where vmap maps: batch size, the batch axis of an operand of rank `rank`, and a pick for outAxes. */
export interface Batching {
  readonly size: number;
  readonly inAxis: number;
  /** Reduced modulo (output rank + 1) to give outAxes. */
  readonly outPick: number;
}

export function batchingArb(rank: number): fc.Arbitrary<Batching> {
  return fc.record({
    size: fc.integer({ min: 1, max: 3 }),
    inAxis: fc.integer({ min: 0, max: rank }),
    outPick: fc.nat(12),
  });
}

/** `shape` with a batch axis of `size` inserted at `axis`. */
export function withBatch(shape: readonly number[], size: number, axis: number): number[] {
  return [...shape.slice(0, axis), size, ...shape.slice(axis)];
}

/** A case of unbatched `shape`, where vmap maps, and the batched operand of one of `dtypes`. */
export function batchedCase<C extends { readonly shape: readonly number[] }>(
  cases: fc.Arbitrary<C>,
  dtypes: readonly Values[],
): fc.Arbitrary<C & { b: Batching; x: ax.Array }> {
  return fc
    .tuple(cases, fc.constantFrom(...dtypes))
    .chain(([c, dtype]) =>
      batchingArb(c.shape.length).chain((b) =>
        valuesArb(withBatch(c.shape, b.size, b.inAxis), dtype).map((x) => ({ ...c, b, x })),
      ),
    );
}

/** A case of `shape` with an operand of one of `dtypes`. */
export function valuedCase<C extends { readonly shape: readonly number[] }>(
  cases: fc.Arbitrary<C>,
  dtypes: readonly Values[],
): fc.Arbitrary<C & { x: ax.Array }> {
  return fc
    .tuple(cases, fc.constantFrom(...dtypes))
    .chain(([c, dtype]) => valuesArb(c.shape, dtype).map((x) => ({ ...c, x })));
}

/**
 * A float32 array of `shape` in `[0.7, 1.3]` or `[-1.3, -0.7]`, with exact zeros about one element
 * in four, so products stay near 1 in magnitude and the product rule is tested where `prod / x` fails.
 */
export function withZerosArb(shape: readonly number[]): fc.Arbitrary<ax.Array> {
  const n = shape.reduce((a, b) => a * b, 1);
  const magnitude = fc.float({ min: Math.fround(0.7), max: Math.fround(1.3), noNaN: true });
  const element = fc.oneof(
    { arbitrary: fc.constant(0), weight: 1 },
    { arbitrary: magnitude, weight: 3 },
    { arbitrary: magnitude.map((v) => -v), weight: 3 },
  );
  return fc.array(element, { minLength: n, maxLength: n }).map((v) => ax.array(v).reshape([...shape]));
}
