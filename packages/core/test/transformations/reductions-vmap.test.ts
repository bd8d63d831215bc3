import { describe, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { checkJit, checkVmap, sliceAt } from '../laws.js';
import {
  axesCase,
  axisCase,
  batchedCase,
  valuedCase,
  valuesArb,
  withBatch,
  type Values,
} from './reductions-cases.js';

// Values are integers in [-3, 3] (int32: [-5, 5]), so ties are common and float32 sums are exact;
// products of up to 27 of them may round, and a batched or jitted kernel may multiply in another
// order, hence a relative tolerance of a few ulps and no absolute one.
const TOL = { rtol: 1e-6, atol: 0 };

const RUNS = 80;

type Reduce = (x: ax.Array, axes: number[]) => ax.Array;
type Along = (x: ax.Array, axis: number) => ax.Array;

const axesReductions: readonly [string, Reduce, readonly Values[]][] = [
  ['reduceSum', ax.lax.reduceSum, ['float32', 'int32']],
  ['reduceMax', ax.lax.reduceMax, ['float32', 'int32']],
  ['reduceMin', ax.lax.reduceMin, ['float32', 'int32']],
  ['reduceProd', ax.lax.reduceProd, ['float32', 'int32']],
  ['reduceAnd', ax.lax.reduceAnd, ['bool']],
  ['reduceOr', ax.lax.reduceOr, ['bool']],
];

describe.each(axesReductions)('%s', (_, reduce, dtypes) => {
  it('under vmap equals a loop over the batch, for random axes, batch axes and out axes', () => {
    fc.assert(
      fc.property(batchedCase(axesCase(), dtypes), ({ shape, axes, b, x }) =>
        ax.tidy(() => {
          const outAxis = b.outPick % (shape.length - axes.length + 1);
          checkVmap((y) => reduce(y, axes), [x], [b.inAxis], outAxis, TOL);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('under jit equals eager, on the tracing call and the cached one', () => {
    fc.assert(
      fc.property(valuedCase(axesCase(), dtypes), ({ axes, x }) =>
        ax.tidy(() => checkJit((y) => reduce(y, axes), [x], TOL)),
      ),
      { numRuns: RUNS },
    );
  });
});

// [name, function, rank the axis removes (1) or keeps (0)]
const alongAxis: readonly [string, Along, number][] = [
  ['argmax', (x, axis) => ax.lax.argmax(x, axis), 1],
  ['argmin', (x, axis) => ax.lax.argmin(x, axis), 1],
  ['cumsum', (x, axis) => ax.lax.cumsum(x, axis), 0],
  ['cumsum (reverse)', (x, axis) => ax.lax.cumsum(x, axis, true), 0],
  ['sort of one operand', (x, axis) => ax.lax.sort([x], axis)[0]!, 0],
];

describe.each(alongAxis)('%s', (_, f, removed) => {
  it('under vmap equals a loop over the batch, for random axes, batch axes and out axes', () => {
    fc.assert(
      fc.property(batchedCase(axisCase(), ['float32', 'int32']), ({ shape, axis, b, x }) =>
        ax.tidy(() =>
          checkVmap((y) => f(y, axis), [x], [b.inAxis], b.outPick % (shape.length - removed + 1), TOL),
        ),
      ),
      { numRuns: RUNS },
    );
  });

  it('under jit equals eager, on the tracing call and the cached one', () => {
    fc.assert(
      fc.property(valuedCase(axisCase(), ['float32', 'int32']), ({ axis, x }) =>
        ax.tidy(() => checkJit((y) => f(y, axis), [x], TOL)),
      ),
      { numRuns: RUNS },
    );
  });
});

/**
 * Two to three operands of one unbatched shape, each float32 or int32 and mapped along its own
 * axis or not at all (at least one mapped), sorted by the first `numKeys`; `pick` says which
 * output the law compares.
 */
const sortCase = axisCase().chain(({ shape, axis }) =>
  fc
    .array(
      fc.record({
        dtype: fc.constantFrom<Values>('float32', 'int32'),
        inAxis: fc.option(fc.integer({ min: 0, max: shape.length }), { nil: null }),
      }),
      { minLength: 2, maxLength: 3 },
    )
    .filter((ops) => ops.some((o) => o.inAxis !== null))
    .chain((ops) =>
      fc
        .record({
          size: fc.integer({ min: 1, max: 3 }),
          numKeys: fc.integer({ min: 1, max: ops.length }),
          pick: fc.integer({ min: 0, max: ops.length - 1 }),
          outAxis: fc.integer({ min: 0, max: shape.length }),
        })
        .chain((c) =>
          fc
            .tuple(
              ...ops.map((o) =>
                valuesArb(o.inAxis === null ? shape : withBatch(shape, c.size, o.inAxis), o.dtype),
              ),
            )
            .map((xs) => ({ ...c, axis, xs, inAxes: ops.map((o) => o.inAxis) })),
        ),
    ),
);

describe('sort of several operands', () => {
  it('under vmap equals a loop, with operands mapped along different axes or unmapped, ties kept stable', () => {
    fc.assert(
      fc.property(sortCase, ({ axis, numKeys, pick, outAxis, xs, inAxes }) =>
        ax.tidy(() => checkVmap((...ys) => ax.lax.sort(ys, axis, numKeys)[pick]!, xs, inAxes, outAxis, TOL)),
      ),
      { numRuns: RUNS },
    );
  });

  it('under jit equals eager', () => {
    fc.assert(
      fc.property(sortCase, ({ axis, numKeys, pick, xs, inAxes }) =>
        ax.tidy(() => {
          const unbatched = xs.map((x, i) => (inAxes[i] === null ? x : sliceAt(x, inAxes[i]!, 0)));
          checkJit((...ys) => ax.lax.sort(ys, axis, numKeys)[pick]!, unbatched, TOL);
        }),
      ),
      { numRuns: RUNS },
    );
  });
});
