/**
 * Inputs for the linalg family's law tests. Values are small integers held as float32, so every
 * sum of products these tests form is exact: batched, jitted, differentiated and transposed
 * programs must agree with their references exactly, whatever order they sum in.
 */
import fc from 'fast-check';
import * as ax from '@addax/core';

/** A float32 array of `shape` holding integers in `[-bound, bound]`. */
export function intValued(shape: readonly number[], bound = 3): fc.Arbitrary<ax.Array> {
  const n = shape.reduce((a, b) => a * b, 1);
  return fc
    .array(fc.integer({ min: -bound, max: bound }), { minLength: n, maxLength: n })
    .map((v) => ax.array(v).reshape([...shape]));
}

/** A float32 array of `shape` holding distinct integers (no ties, so max is differentiable). */
export function distinctValued(shape: readonly number[]): fc.Arbitrary<ax.Array> {
  const n = shape.reduce((a, b) => a * b, 1);
  return fc
    .uniqueArray(fc.integer({ min: -4 * n, max: 4 * n }), { minLength: n, maxLength: n })
    .map((v) => ax.array(v).reshape([...shape]));
}

/** A permutation of `0..n-1`. */
export function permutationArb(n: number): fc.Arbitrary<number[]> {
  const axes = [...Array(n).keys()];
  return fc.shuffledSubarray(axes, { minLength: n, maxLength: n });
}

/** Where vmap maps each operand (null: unmapped; at least one mapped), the batch size, and a pick for outAxes. */
export interface BatchPlan {
  readonly inAxes: (number | null)[];
  readonly size: number;
  readonly outPick: number;
}

/** A {@link BatchPlan} for operands of ranks `ranks`: each operand mapped or not with even odds. */
export function batchPlanArb(ranks: readonly number[]): fc.Arbitrary<BatchPlan> {
  return fc
    .record({
      picks: fc.tuple(...ranks.map((r) => fc.option(fc.integer({ min: 0, max: r }), { nil: null, freq: 1 }))),
      first: fc.nat(),
      size: fc.integer({ min: 1, max: 3 }),
      outPick: fc.nat(),
    })
    .map(({ picks, first, size, outPick }) => {
      const inAxes: (number | null)[] = [...picks];
      const i = first % ranks.length;
      if (!inAxes.some((a) => a !== null)) inAxes[i] = first % (ranks[i]! + 1);
      return { inAxes, size, outPick };
    });
}

/** `shapes` with the batch axis of `plan` inserted where it maps them. */
export function batchedShapes(shapes: readonly (readonly number[])[], plan: BatchPlan): number[][] {
  return shapes.map((s, i) => {
    const a = plan.inAxes[i];
    return a === null || a === undefined ? [...s] : [...s.slice(0, a), plan.size, ...s.slice(a)];
  });
}

/** Integer-valued operands of `shapes`. */
export function operandsOf(shapes: readonly (readonly number[])[]): fc.Arbitrary<ax.Array[]> {
  return fc.tuple(...shapes.map((s) => intValued(s)));
}

/** The output shape of `f` on float32 operands of `shapes`, by abstract evaluation. */
export function outShapeOf(
  f: (...args: ax.Array[]) => ax.Array,
  shapes: readonly (readonly number[])[],
): number[] {
  const avals = shapes.map((s) => new ax.ShapeDtype(s, 'float32'));
  return [...ax.evalShape<ax.ShapeDtype>(f)(...avals).shape];
}

/** One axis of a windowed operation (conv's spatial axis, or a window reduction's). */
export interface WindowAxisCase {
  readonly size: number;
  readonly window: number;
  readonly stride: number;
  /** `[low, high]`; -1 crops. */
  readonly padding: [number, number];
  readonly baseDilation: number;
  readonly windowDilation: number;
}

/** The number of window positions along `a` (XLA's rule, written out independently). */
function windowCount(a: WindowAxisCase): number {
  const padded = (a.size - 1) * a.baseDilation + 1 + a.padding[0] + a.padding[1];
  const span = (a.window - 1) * a.windowDilation + 1;
  return padded < span ? 0 : Math.floor((padded - span) / a.stride) + 1;
}

/** An integer in `[1, max]`. */
export const upTo = (max: number): fc.Arbitrary<number> => fc.integer({ min: 1, max });

/**
 * `minRank` to `maxRank` window axes, each with at least one window position: sizes up to 4,
 * windows up to 3, strides and both dilations up to 2, padding in [-1, 2] on each side.
 */
export function windowAxesArb(minRank: number, maxRank: number): fc.Arbitrary<WindowAxisCase[]> {
  const axis: fc.Arbitrary<WindowAxisCase> = fc.record({
    size: upTo(4),
    window: upTo(3),
    stride: upTo(2),
    padding: fc.tuple(fc.integer({ min: -1, max: 2 }), fc.integer({ min: -1, max: 2 })),
    baseDilation: upTo(2),
    windowDilation: upTo(2),
  });
  return fc
    .array(axis, { minLength: minRank, maxLength: maxRank })
    .filter((axes) => axes.every((a) => windowCount(a) > 0));
}
