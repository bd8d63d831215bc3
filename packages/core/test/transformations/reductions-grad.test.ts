import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { checkJit, checkVmap, expectClose, type Tolerance } from '../laws.js';
import {
  axesCase,
  axisCase,
  batchingArb,
  distinctArb,
  groupOf,
  positionAlong,
  valuesArb,
  withBatch,
} from './reductions-cases.js';

const RUNS = 60;
// Inputs are integers in [-3, 3] (sort's: distinct values in [-3, 3]) and weights integers in
// [-3, 3], so every gradient here is exact in float32 but for mean's division by the group size.
const TIGHT: Tolerance = { rtol: 1e-6, atol: 1e-6 };

/** A loss `sum(w * reduce(x))` on a case, and its gradient in plain JS from the elements of x and w. */
interface Loss<C> {
  readonly name: string;
  readonly cases: fc.Arbitrary<C & { readonly shape: number[] }>;
  /** The primal input of the case's shape. */
  readonly input: (shape: readonly number[]) => fc.Arbitrary<ax.Array>;
  readonly reduce: (x: ax.Array, c: C) => ax.Array;
  readonly gradient: (
    x: readonly number[],
    w: readonly number[],
    c: C & { readonly shape: number[] },
  ) => number[];
}

const ints = (shape: readonly number[]): fc.Arbitrary<ax.Array> => valuesArb(shape, 'float32');
const canonical = (axes: readonly number[], rank: number): number[] =>
  axes.map((a) => (a < 0 ? a + rank : a));
const withReverse = axisCase().chain((c) => fc.boolean().map((reverse) => ({ ...c, reverse })));

/** For each element, the indices of the elements in its reduction group (over `axes`). */
function members(shape: readonly number[], axes: readonly number[]): number[][] {
  const group = groupOf(shape, canonical(axes, shape.length));
  return group.map((g) => group.flatMap((h, j) => (h === g ? [j] : [])));
}

/** The gradient of `sum(w * ext(x))` for max or min: each `w` split evenly among its tied extremes. */
function chooserGradient(
  pick: (a: number, b: number) => number,
): (x: readonly number[], w: readonly number[], c: { shape: number[]; axes: number[] }) => number[] {
  return (
    x: readonly number[],
    w: readonly number[],
    { shape, axes }: { shape: number[]; axes: number[] },
  ): number[] => {
    const group = groupOf(shape, canonical(axes, shape.length));
    return members(shape, axes).map((m, i) => {
      const best = m.map((j) => x[j]!).reduce((a, b) => pick(a, b));
      const ties = m.filter((j) => x[j] === best).length;
      return x[i] === best ? w[group[i]!]! / ties : 0;
    });
  };
}

/** Within each line along `axis`, the positions of its elements, and the element at each position. */
function lines(
  shape: readonly number[],
  axis: number,
): { line: number[]; at: (line: number, p: number) => number } {
  const a = axis < 0 ? axis + shape.length : axis;
  const line = groupOf(shape, [a]);
  const position = positionAlong(shape, a);
  const index = new Map(line.map((l, i) => [`${l},${position[i]}`, i]));
  return { line, at: (l, p) => index.get(`${l},${p}`)! };
}

/** A case of a loss with its input and weights (small integers) of the reduced output's shape. */
function lossPoint<C>(loss: Loss<C>): fc.Arbitrary<{ c: C & { shape: number[] }; x: ax.Array; w: ax.Array }> {
  return loss.cases.chain((c) =>
    loss.input(c.shape).chain((x) => valuesArb(loss.reduce(x, c).shape, 'float32').map((w) => ({ c, x, w }))),
  );
}

/** The gradient of one loss against its reference, and under jit and vmap. */
function describeLoss<C>(loss: Loss<C>): void {
  describe(`grad of sum(w * ${loss.name}(x))`, () => {
    it('equals the analytic gradient, for random shapes, axes and weights', () => {
      fc.assert(
        fc.property(lossPoint(loss), ({ c, x, w }) =>
          ax.tidy(() => {
            const g = ax.grad((v: ax.Array) => ax.sum(w.mul(loss.reduce(v, c))))(x);
            const expected = loss.gradient(Array.from(x.dataSync()), Array.from(w.dataSync()), c);
            expectClose(g, ax.array(expected).reshape([...c.shape]), TIGHT, `grad of ${loss.name}`);
          }),
        ),
        { numRuns: RUNS },
      );
    });

    it('under jit equals the eager gradient', () => {
      fc.assert(
        fc.property(lossPoint(loss), ({ c, x, w }) =>
          ax.tidy(() =>
            checkJit(
              ax.grad((v: ax.Array) => ax.sum(w.mul(loss.reduce(v, c)))),
              [x],
              TIGHT,
            ),
          ),
        ),
        { numRuns: RUNS / 4 },
      );
    });

    it('under vmap equals a loop of gradients, for random batch axes of x and w (or w unmapped) and out axes', () => {
      const cases = lossPoint(loss).chain(({ c, w }) =>
        batchingArb(c.shape.length).chain((b) =>
          fc
            .option(fc.integer({ min: 0, max: w.ndim }), { nil: null })
            .chain((wAxis) =>
              fc
                .tuple(
                  loss.input(withBatch(c.shape, b.size, b.inAxis)),
                  wAxis === null ? fc.constant(w) : valuesArb(withBatch(w.shape, b.size, wAxis), 'float32'),
                )
                .map(([xb, wb]) => ({ c, b, xb, wb, wAxis })),
            ),
        ),
      );
      fc.assert(
        fc.property(cases, ({ c, b, xb, wb, wAxis }) =>
          ax.tidy(() => {
            const g = (v: ax.Array, w: ax.Array): ax.Array =>
              ax.grad((u: ax.Array) => ax.sum(w.mul(loss.reduce(u, c))))(v);
            checkVmap(g, [xb, wb], [b.inAxis, wAxis], b.outPick % (c.shape.length + 1), TIGHT);
          }),
        ),
        { numRuns: RUNS / 2 },
      );
    });
  });
}

describeLoss({
  name: 'sum',
  cases: axesCase(),
  input: ints,
  reduce: (x, { axes }) => ax.sum(x, axes),
  gradient: (_, w, { shape, axes }) => groupOf(shape, canonical(axes, shape.length)).map((g) => w[g]!),
});

describeLoss({
  name: 'mean',
  cases: axesCase(),
  input: ints,
  reduce: (x, { axes }) => ax.mean(x, axes),
  gradient: (_, w, { shape, axes }) => {
    const n = canonical(axes, shape.length).reduce((k, a) => k * shape[a]!, 1);
    return groupOf(shape, canonical(axes, shape.length)).map((g) => Math.fround(w[g]! / n));
  },
});

describeLoss({
  name: 'max (ties share the gradient)',
  cases: axesCase(),
  input: ints,
  reduce: (x, { axes }) => ax.max(x, axes),
  gradient: chooserGradient(Math.max),
});

describeLoss({
  name: 'min (ties share the gradient)',
  cases: axesCase(),
  input: ints,
  reduce: (x, { axes }) => ax.min(x, axes),
  gradient: chooserGradient(Math.min),
});

describeLoss({
  name: 'prod (with zeros: one zero keeps its cofactor, two zero everything)',
  cases: axesCase(3, 3).filter(({ shape }) => shape.reduce((a, b) => a * b, 1) <= 12),
  input: ints,
  reduce: (x, { axes }) => ax.prod(x, axes),
  gradient: (x, w, { shape, axes }) => {
    const group = groupOf(shape, canonical(axes, shape.length));
    return members(shape, axes).map(
      (m, i) => w[group[i]!]! * m.filter((j) => j !== i).reduce((p, j) => p * x[j]!, 1),
    );
  },
});

describeLoss({
  name: 'cumsum (both directions)',
  cases: withReverse,
  input: ints,
  reduce: (x, { axis, reverse }) => ax.lax.cumsum(x, axis, reverse),
  gradient: (_, w, { shape, axis, reverse }) => {
    const { line } = lines(shape, axis);
    const position = positionAlong(shape, axis < 0 ? axis + shape.length : axis);
    return line.map((l, i) =>
      line.reduce((s, m, j) => {
        const reads = reverse ? position[j]! <= position[i]! : position[j]! >= position[i]!;
        return m === l && reads ? s + w[j]! : s;
      }, 0),
    );
  },
});

describeLoss({
  name: 'sort (distinct values: each element gets the weight of the place it sorts to)',
  cases: axisCase(),
  input: distinctArb,
  reduce: (x, { axis }) => ax.sort(x, axis),
  gradient: (x, w, { shape, axis }) => {
    const { line, at } = lines(shape, axis);
    return line.map((l, i) => w[at(l, line.filter((m, j) => m === l && x[j]! < x[i]!).length)]!);
  },
});

describe('second derivatives', () => {
  it('hessian of prod is the product of all but the two elements, with zeros on the diagonal', () => {
    const x = ax.array([2, 0, 3, 5]);
    const h = ax.hessian((v: ax.Array) => ax.prod(v))(x) as ax.Array;
    expect(h.arraySync()).toEqual([
      [0, 15, 0, 0],
      [15, 0, 10, 6],
      [0, 10, 0, 0],
      [0, 6, 0, 0],
    ]);
  });

  it('hessian of max(x)^2 is 2 at the maximum and 0 elsewhere', () => {
    const h = ax.hessian((v: ax.Array) => ax.max(v).mul(ax.max(v)))(ax.array([1, 4, 2])) as ax.Array;
    expect(h.arraySync()).toEqual([
      [0, 0, 0],
      [0, 2, 0],
      [0, 0, 0],
    ]);
  });
});
