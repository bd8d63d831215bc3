/**
 * The transformation laws for reduceWindowSum and reduceWindowMax over random windows, strides,
 * padding (negative crops), base and window dilations of rank-1 to rank-3 operands: vmap equals a
 * loop for random inAxes and outAxes, jit equals eager, jvp matches central differences, vjp is
 * jvp's transpose, and vmap of the vjp equals a loop of vjps. Operands and tangents are integers
 * held as float32, so every side is exact (tolerance 0). For max's finite differences the
 * operand's integers are distinct and the tangents in [-1, 1] with eps 0.25, so no perturbation
 * changes which element is a window's max.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { checkJit, checkJvp, checkVjp, checkVmap, EXACT } from '../laws.js';
import {
  batchedShapes,
  batchPlanArb,
  distinctValued,
  intValued,
  operandsOf,
  outShapeOf,
  upTo,
  windowAxesArb,
} from './linalg-cases.js';

const RUNS = 50;

interface WindowCase {
  readonly shape: number[];
  readonly options: Required<ax.lax.ReduceWindowOptions>;
}

const caseArb: fc.Arbitrary<WindowCase> = windowAxesArb(1, 3).map((axes) => ({
  shape: axes.map((a) => a.size),
  options: {
    windowDimensions: axes.map((a) => a.window),
    windowStrides: axes.map((a) => a.stride),
    padding: axes.map((a) => a.padding),
    baseDilation: axes.map((a) => a.baseDilation),
    windowDilation: axes.map((a) => a.windowDilation),
  },
}));

type Reduce = (x: ax.Array, options: ax.lax.ReduceWindowOptions) => ax.Array;

const reductions: readonly [string, Reduce][] = [
  ['reduceWindowSum', ax.lax.reduceWindowSum],
  ['reduceWindowMax', ax.lax.reduceWindowMax],
];

describe.each(reductions)('%s', (name, reduce) => {
  const reduceOf =
    (c: WindowCase) =>
    (x: ax.Array): ax.Array =>
      reduce(x, c.options);

  it('under vmap equals a loop, for random inAxes and outAxes', () => {
    const vmapArb = caseArb.chain((c) =>
      fc
        .record({ inAxis: fc.integer({ min: 0, max: c.shape.length }), size: upTo(3), outPick: fc.nat() })
        .chain((p) => {
          const batched = [...c.shape.slice(0, p.inAxis), p.size, ...c.shape.slice(p.inAxis)];
          return intValued(batched).map((x) => ({ c, x, ...p }));
        }),
    );
    fc.assert(
      fc.property(vmapArb, ({ c, x, inAxis, outPick }) =>
        ax.tidy(() => checkVmap(reduceOf(c), [x], [inAxis], outPick % (c.shape.length + 1), EXACT)),
      ),
      { numRuns: RUNS },
    );
  });

  it('under jit equals eager', () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) => intValued(c.shape).map((x) => ({ c, x }))),
        ({ c, x }) => ax.tidy(() => checkJit(reduceOf(c), [x], EXACT)),
      ),
      { numRuns: RUNS },
    );
  });

  it('has a jvp equal to central differences', () => {
    // Max's windows that hold only padding or holes are -Infinity, where differences are NaN.
    const primalArb = name === 'reduceWindowMax' ? distinctValued : intValued;
    const jvpArb = caseArb.chain((c) =>
      fc.record({ c: fc.constant(c), x: primalArb(c.shape), t: intValued(c.shape, 1) }),
    );
    fc.assert(
      fc.property(jvpArb, ({ c, x, t }) =>
        ax.tidy(() => {
          fc.pre(ax.all(ax.isFinite(reduceOf(c)(x))).item() === true);
          checkJvp(reduceOf(c), [x], [t], 0.25, EXACT);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('has a vjp that is the transpose of its jvp (ties included)', () => {
    const vjpArb = caseArb.chain((c) =>
      fc.record({
        c: fc.constant(c),
        x: intValued(c.shape),
        t: intValued(c.shape),
        ct: intValued(outShapeOf(reduceOf(c), [c.shape])),
      }),
    );
    fc.assert(
      fc.property(vjpArb, ({ c, x, t, ct }) => ax.tidy(() => checkVjp(reduceOf(c), [x], [t], ct, EXACT))),
      { numRuns: RUNS },
    );
  });
  it('under vmap, has a vjp equal to a loop of vjps (the transpose batches too)', () => {
    const composedArb = caseArb.chain((c) => {
      const shapes = [c.shape, outShapeOf(reduceOf(c), [c.shape])];
      return batchPlanArb(shapes.map((s) => s.length)).chain((plan) =>
        operandsOf(batchedShapes(shapes, plan)).map((args) => ({ c, plan, args })),
      );
    });
    fc.assert(
      fc.property(composedArb, ({ c, plan, args }) =>
        ax.tidy(() => {
          const cotangentOf = (x: ax.Array, ct: ax.Array): ax.Array =>
            (ax.vjp(reduceOf(c), x)[1](ct) as ax.Array[])[0]!;
          checkVmap(cotangentOf, args, plan.inAxes, plan.outPick % (c.shape.length + 1), EXACT);
        }),
      ),
      { numRuns: RUNS },
    );
  });
});

describe('window reduction gradients', () => {
  const x = ax.array([1, 3, 3, 2]);
  const ct = ax.array([1, 10, 100]);
  const grad = (reduce: Reduce): number[] => {
    const [, pullback] = ax.vjp((y: ax.Array) => reduce(y, { windowDimensions: [2] }), x);
    return Array.from((pullback(ct) as ax.Array[])[0]!.dataSync());
  };

  it('reduceWindowSum sends each window cotangent to every element of the window', () => {
    expect(grad(ax.lax.reduceWindowSum)).toEqual([1, 11, 110, 100]);
  });

  it('reduceWindowMax sends each window cotangent to the first element holding the max', () => {
    // Windows [1, 3], [3, 3] (a tie: the first 3 wins) and [3, 2].
    expect(grad(ax.lax.reduceWindowMax)).toEqual([0, 11, 100, 0]);
  });
});
