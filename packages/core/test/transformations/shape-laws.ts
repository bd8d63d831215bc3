/**
 * The four transformation laws (vmap, jit, jvp, vjp) for one application of a shape or indexing
 * primitive on random operands. Float operands are differentiated; index operands (int32) are
 * constants under jvp and vjp, and mapped like the others under vmap. Float values are small
 * integers, so every sum these linear maps form is exact and every law is checked exactly.
 */
import fc from 'fast-check';
import * as ax from '@addax/core';
import { checkJit, checkJvp, checkVjp, checkVmap, EXACT } from '../laws.js';

/** An int32 operand: its shape, and the range its values are drawn from. */
export interface IndexOperand {
  readonly shape: readonly number[];
  readonly min: number;
  readonly max: number;
}

/** One application of a primitive to float operands and index operands. */
export interface Case {
  /** What fast-check prints for a failing case. */
  readonly params: unknown;
  readonly floats: readonly (readonly number[])[];
  readonly indices: readonly IndexOperand[];
  readonly apply: (floats: readonly ax.Array[], indices: readonly ax.Array[]) => ax.Array;
}

/** A shape of rank in `[minRank, maxRank]` with sizes in `[minSize, maxSize]`. */
export function sizes(minRank: number, maxRank: number, minSize = 1, maxSize = 3): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: minSize, max: maxSize }), { minLength: minRank, maxLength: maxRank });
}

/** The axes `0..n-1` in a random order. */
export function permutation(n: number): fc.Arbitrary<number[]> {
  const axes = [...Array(n).keys()];
  return fc.shuffledSubarray(axes, { minLength: n, maxLength: n });
}

/** `k` distinct axes of `0..n-1`, increasing. */
export function sortedAxes(n: number, k: number): fc.Arbitrary<number[]> {
  return fc
    .shuffledSubarray([...Array(n).keys()], { minLength: k, maxLength: k })
    .map((axes) => axes.sort((a, b) => a - b));
}

/** A float32 array of `shape` holding integers in `[-3, 3]`. */
function intValued(shape: readonly number[]): fc.Arbitrary<ax.Array> {
  const n = shape.reduce((a, b) => a * b, 1);
  return fc
    .array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n })
    .map((v) => ax.array(v).reshape([...shape]));
}

function indexArray(shape: readonly number[], { min, max }: IndexOperand): fc.Arbitrary<ax.Array> {
  const n = shape.reduce((a, b) => a * b, 1);
  return fc
    .array(fc.integer({ min, max }), { minLength: n, maxLength: n })
    .map((v) => ax.array(v, 'int32').reshape([...shape]));
}

function floatsOf(shapes: readonly (readonly number[])[]): fc.Arbitrary<ax.Array[]> {
  return fc.tuple(...shapes.map((s) => intValued(s)));
}

function indicesOf(c: Case): fc.Arbitrary<ax.Array[]> {
  return fc.tuple(...c.indices.map((op) => indexArray(op.shape, op)));
}

/** The case as a function of all its operands, floats first. */
function flat(c: Case): (...args: ax.Array[]) => ax.Array {
  return (...args) => c.apply(args.slice(0, c.floats.length), args.slice(c.floats.length));
}

function outShape(c: Case): number[] {
  const avals = [
    ...c.floats.map((s) => new ax.ShapeDtype(s, 'float32')),
    ...c.indices.map((op) => new ax.ShapeDtype(op.shape, 'int32')),
  ];
  return [...ax.evalShape<ax.ShapeDtype>(flat(c))(...avals).shape];
}

const withBatchAxis = (shape: readonly number[], axis: number | null, size: number): number[] =>
  axis === null ? [...shape] : [...shape.slice(0, axis), size, ...shape.slice(axis)];

/** Where each operand is mapped (null: not; at least one is), the batch size and a pick for outAxes. */
interface BatchPlan {
  readonly inAxes: readonly (number | null)[];
  readonly size: number;
  readonly outPick: number;
}

function batchPlan(ranks: readonly number[]): fc.Arbitrary<BatchPlan> {
  const axis = (r: number): fc.Arbitrary<number | null> =>
    fc.option(fc.integer({ min: 0, max: r }), { nil: null });
  return fc
    .record({
      picks: fc.tuple<(number | null)[]>(...ranks.map(axis)),
      forced: fc.nat(),
      size: fc.integer({ min: 1, max: 3 }),
      outPick: fc.nat(),
    })
    .map(({ picks, forced, size, outPick }) => {
      const inAxes = [...picks];
      const i = forced % ranks.length;
      if (!inAxes.some((a) => a !== null)) inAxes[i] = forced % (ranks[i]! + 1);
      return { inAxes, size, outPick };
    });
}

/** `vmap(f)` with random inAxes (null included) and outAxes equals `f` on each slice, stacked. */
export function vmapLaw(cases: fc.Arbitrary<Case>, numRuns: number): void {
  const planned = cases.chain((c) => {
    const shapes = [...c.floats, ...c.indices.map((op) => op.shape)];
    return batchPlan(shapes.map((s) => s.length)).chain((plan) => {
      const batched = shapes.map((s, i) => withBatchAxis(s, plan.inAxes[i]!, plan.size));
      const args = fc.tuple(
        floatsOf(batched.slice(0, c.floats.length)),
        fc.tuple(...c.indices.map((op, i) => indexArray(batched[c.floats.length + i]!, op))),
      );
      return fc.record({ c: fc.constant(c), plan: fc.constant(plan), args });
    });
  });
  fc.assert(
    fc.property(planned, ({ c, plan, args: [floats, indices] }) => {
      const outAxis = plan.outPick % (outShape(c).length + 1);
      checkVmap(flat(c), [...floats, ...indices], plan.inAxes, outAxis, EXACT);
    }),
    { numRuns },
  );
}

/** `jit(f)` equals `f`. */
export function jitLaw(cases: fc.Arbitrary<Case>, numRuns: number): void {
  const withArgs = cases.chain((c) =>
    fc.record({ c: fc.constant(c), floats: floatsOf(c.floats), indices: indicesOf(c) }),
  );
  fc.assert(
    fc.property(withArgs, ({ c, floats, indices }) => checkJit(flat(c), [...floats, ...indices], EXACT)),
    { numRuns },
  );
}

/**
 * `jvp` along random tangents equals central differences with eps 1, exactly: the maps are linear
 * in the floats and every value is a small integer.
 */
export function jvpLaw(cases: fc.Arbitrary<Case>, numRuns: number): void {
  const withArgs = cases.chain((c) =>
    fc.record({
      c: fc.constant(c),
      primals: floatsOf(c.floats),
      tangents: floatsOf(c.floats),
      indices: indicesOf(c),
    }),
  );
  fc.assert(
    fc.property(withArgs, ({ c, primals, tangents, indices }) =>
      checkJvp((...xs) => c.apply(xs, indices), primals, tangents, 1, EXACT),
    ),
    { numRuns },
  );
}

/** `<ct, J v> == <J^T ct, v>` exactly (integer values): the transpose rules transpose the jvp. */
export function vjpLaw(cases: fc.Arbitrary<Case>, numRuns: number): void {
  const withArgs = cases.chain((c) =>
    fc.record({
      c: fc.constant(c),
      primals: floatsOf(c.floats),
      tangents: floatsOf(c.floats),
      cotangent: intValued(outShape(c)),
      indices: indicesOf(c),
    }),
  );
  fc.assert(
    fc.property(withArgs, ({ c, primals, tangents, cotangent, indices }) =>
      checkVjp((...xs) => c.apply(xs, indices), primals, tangents, cotangent, EXACT),
    ),
    { numRuns },
  );
}

/**
 * `vmap` of the pullback equals a loop of it, with primals, cotangents and index operands mapped at
 * random: the transpose rules compose with vmap (through the batch rules of what they bind).
 */
export function vmapOfVjpLaw(cases: fc.Arbitrary<Case>, numRuns: number): void {
  const withCotangent = cases.map((c): Case => ({
    params: c.params,
    floats: [...c.floats, outShape(c)],
    indices: c.indices,
    apply: (floats, indices) => {
      const primals = floats.slice(0, -1);
      const [, pullback] = ax.vjp((...xs: ax.Array[]) => c.apply(xs, indices), ...primals);
      const cts = pullback(floats.at(-1)!) as ax.Array[];
      return ax.concatenate(cts.map((g) => g.reshape([-1])));
    },
  }));
  vmapLaw(withCotangent, numRuns);
}
