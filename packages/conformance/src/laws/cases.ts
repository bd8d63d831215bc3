import fc from 'fast-check';
import * as ax from '@addax/core';
import type { LawCase, LawTolerance } from './law-case.js';

const size = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min, max });

/** Two ways of computing one float32 function agree to about 100 float32 ulps. */
export const CLOSE: LawTolerance = { rtol: 1e-5, atol: 1e-5 };

/** Functions through long chains of transcendental primitives, each a few ulps from the reference. */
export const LOOSE: LawTolerance = { rtol: 1e-4, atol: 1e-5 };

/**
 * The composite functions every backend is held to under the transformation laws. Together they
 * run every primitive family through `vmap`, `jit`, `jvp`, `vjp` and `grad`: contractions with
 * broadcasting, convolutions with strides and padding, pooling, indexing with duplicate indices
 * (scattered back by the gradient), structural primitives, reductions, sorting and selection.
 */
export const LAW_CASES: readonly LawCase[] = [
  {
    name: 'dense-tanh',
    shapes: fc.tuple(size(1, 3), size(1, 4), size(1, 4)).map(([b, k, n]) => [[b, k], [k, n], [n]]),
    range: [-2, 2],
    fn: (x, w, bias) => ax.tanh(ax.add(ax.matmul(x!, w!), bias!)),
    smooth: true,
    tolerance: LOOSE,
  },
  {
    name: 'log-softmax',
    shapes: fc.tuple(size(1, 3), size(1, 5)).map(([b, c]) => [[b, c]]),
    range: [-4, 4],
    fn: (x) => ax.logSoftmax(x!, -1),
    smooth: true,
    tolerance: LOOSE,
  },
  {
    name: 'conv-sigmoid',
    shapes: fc
      .tuple(size(1, 2), size(1, 2), size(3, 5), size(3, 5), size(1, 2), size(1, 3), size(1, 3))
      .map(([n, c, h, w, o, kh, kw]) => [
        [n, c, h, w],
        [o, c, kh, kw],
      ]),
    range: [-1, 1],
    fn: (x, k) =>
      ax.sigmoid(
        ax.convGeneralDilated(
          x!,
          k!,
          [1, 2],
          [
            [1, 0],
            [0, 1],
          ],
        ),
      ),
    smooth: true,
    tolerance: LOOSE,
  },
  {
    name: 'pooling',
    shapes: fc.tuple(size(1, 2), size(2, 4), size(2, 4), size(1, 2)).map((s) => [s]),
    range: [-2, 2],
    fn: (x) =>
      ax.concatenate(
        [ax.ravel(ax.maxPool(x!, [2, 2], [1, 1], 'SAME')), ax.ravel(ax.avgPool(x!, [2, 2], [2, 1]))],
        0,
      ),
    smooth: false,
    tolerance: CLOSE,
  },
  {
    name: 'take-cumsum',
    shapes: fc.tuple(size(3, 4), size(1, 3)).map(([r, c]) => [[r, c]]),
    range: [-2, 2],
    // Row 2 is taken twice, so the gradient scatters two updates onto one row.
    fn: (x) => ax.cumsum(ax.take(x!, ax.array([2, 0, 2, 1], 'int32'), 0), 1),
    smooth: true,
    tolerance: CLOSE,
  },
  {
    name: 'elementwise',
    shapes: fc.array(size(1, 3), { maxLength: 2 }).map((s) => [s, s]),
    range: [-2, 2],
    fn: (x, y) => {
      const y2 = ax.square(y!);
      const wave = ax.multiply(ax.sin(x!), ax.exp(ax.negative(y2)));
      return ax.add(wave, ax.divide(ax.sqrt(ax.add(ax.square(x!), 1)), ax.add(y2, 1)));
    },
    smooth: true,
    tolerance: LOOSE,
  },
  {
    name: 'structural',
    shapes: fc.tuple(size(1, 3), size(1, 3), size(1, 3)).map((s) => [s]),
    range: [-2, 2],
    fn: (x) => {
      const t = ax.transpose(x!, [2, 0, 1]);
      const padded = ax.pad(t, [
        [1, 0],
        [0, 2],
        [0, 0],
      ]);
      return ax.concatenate([ax.ravel(padded), ax.ravel(ax.flip(x!, 1)), ax.ravel(ax.expandDims(x!, 0))], 0);
    },
    smooth: true,
    tolerance: CLOSE,
  },
  {
    name: 'reductions',
    shapes: fc.tuple(size(1, 3), size(1, 4)).map((s) => [s]),
    range: [-2, 2],
    fn: (x) => ax.concatenate([ax.mean(x!, 0), ax.logsumexp(x!, 1), ax.var(x!, 1), ax.prod(x!, 0)], 0),
    smooth: true,
    tolerance: LOOSE,
  },
  {
    name: 'sort-max',
    shapes: size(1, 6).map((n) => [[n]]),
    range: [-2, 2],
    fn: (x) => ax.add(ax.sort(x!), ax.max(x!)),
    smooth: false,
    tolerance: CLOSE,
  },
  {
    name: 'select-clip',
    shapes: fc.array(size(1, 3), { maxLength: 2 }).map((s) => [s]),
    range: [-2, 2],
    fn: (x) => ax.add(ax.where(ax.greater(x!, 0), ax.square(x!), ax.multiply(x!, 0.5)), ax.clip(x!, -1, 1)),
    smooth: false,
    tolerance: CLOSE,
  },
];
