import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { expectClose, EXACT } from '../laws.js';
import {
  jitLaw,
  jvpLaw,
  permutation,
  sizes,
  sortedAxes,
  vjpLaw,
  vmapLaw,
  vmapOfVjpLaw,
  type Case,
} from './shape-laws.js';

const one = (params: unknown, shape: readonly number[], apply: (x: ax.Array) => ax.Array): Case => ({
  params,
  floats: [shape],
  indices: [],
  apply: ([x]) => apply(x!),
});

// Operand shapes have rank 0-3 and sizes 1-3 (0-4 where a size 0 is meaningful); parameters are
// drawn over their whole valid range.
const reshapeCase = sizes(0, 3).chain((shape) =>
  fc
    .record({
      order: permutation(shape.length),
      merges: fc.array(fc.boolean(), { minLength: shape.length, maxLength: shape.length }),
      ones: fc.array(fc.nat(), { maxLength: 2 }),
    })
    .map(({ order, merges, ones }) => {
      const newSizes: number[] = [];
      order.forEach((a, i) => {
        if (merges[i] && newSizes.length > 0) newSizes[newSizes.length - 1]! *= shape[a]!;
        else newSizes.push(shape[a]!);
      });
      for (const p of ones) newSizes.splice(p % (newSizes.length + 1), 0, 1);
      return one({ shape, newSizes }, shape, (x) => ax.lax.reshape(x, newSizes));
    }),
);

const broadcastCase = fc
  .record({ shape: sizes(0, 2), extra: fc.integer({ min: 0, max: 2 }), grown: sizes(4, 4) })
  .chain(({ shape, extra, grown }) =>
    sortedAxes(shape.length + extra, shape.length).map((dims) => {
      const out = grown.slice(0, shape.length + extra);
      dims.forEach((d, i) => {
        if (shape[i] !== 1) out[d] = shape[i]!;
      });
      return one({ shape, out, dims }, shape, (x) => ax.lax.broadcastInDim(x, out, dims));
    }),
  );

const transposeCase = sizes(0, 4).chain((shape) =>
  permutation(shape.length).map((perm) => one({ shape, perm }, shape, (x) => ax.lax.transpose(x, perm))),
);

/** `[start, limit, stride]` on an axis of size `d`. */
const sliceAxis = (d: number): fc.Arbitrary<[number, number, number]> =>
  fc
    .integer({ min: 0, max: d })
    .chain((start) =>
      fc.tuple(fc.constant(start), fc.integer({ min: start, max: d }), fc.integer({ min: 1, max: 3 })),
    );

const sliceCase = sizes(0, 3, 0, 5).chain((shape) =>
  fc.tuple(...shape.map(sliceAxis)).map((axes) => {
    const [starts, limits, strides] = [0, 1, 2].map((k) => axes.map((axis) => axis[k]!));
    return one({ shape, starts, limits, strides }, shape, (x) => ax.lax.slice(x, starts!, limits!, strides));
  }),
);

const padding = fc.tuple(
  fc.integer({ min: -2, max: 2 }),
  fc.integer({ min: -2, max: 2 }),
  fc.integer({ min: 0, max: 2 }),
);
const padCase = sizes(0, 3, 0, 3).chain((shape) =>
  fc
    .tuple(...shape.map(() => padding))
    .filter((config) =>
      config.every(
        ([lo, hi, interior], a) => lo + hi + shape[a]! + Math.max(shape[a]! - 1, 0) * interior >= 0,
      ),
    )
    .map((config): Case => ({
      params: { shape, config },
      floats: [shape, []],
      indices: [],
      apply: ([x, value]) => ax.lax.pad(x!, value!, config),
    })),
);

const concatenateCase = sizes(1, 3)
  .chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      dimension: fc.integer({ min: 0, max: shape.length - 1 }),
      lengths: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
    }),
  )
  .map(({ shape, dimension, lengths }): Case => ({
    params: { shape, dimension, lengths },
    floats: lengths.map((n) => shape.map((d, a) => (a === dimension ? n : d))),
    indices: [],
    apply: (xs) => ax.lax.concatenate(xs, dimension),
  }));

const revCase = sizes(0, 3).chain((shape) =>
  fc.subarray([...shape.keys()]).map((dims) => one({ shape, dims }, shape, (x) => ax.lax.rev(x, dims))),
);

const families: [string, fc.Arbitrary<Case>][] = [
  ['reshape', reshapeCase],
  ['broadcastInDim', broadcastCase],
  ['transpose', transposeCase],
  ['slice', sliceCase],
  ['pad', padCase],
  ['concatenate', concatenateCase],
  ['rev', revCase],
];

describe.each(families)('%s under transformations', (_, cases) => {
  it('vmap with random inAxes and outAxes equals a loop over the batch', () => vmapLaw(cases, 100));
  it('jit equals eager', () => jitLaw(cases, 20));
  it('jvp equals central differences (exact on integer values)', () => jvpLaw(cases, 50));
  it('vjp transposes jvp: <ct, J v> == <J^T ct, v> exactly', () => vjpLaw(cases, 100));
  it('vmap of the vjp equals a loop of it (transposes compose with vmap)', () => vmapOfVjpLaw(cases, 50));
});

describe('pad with one linear operand', () => {
  const x = ax.array([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  const config = [
    [1, -1, 1],
    [-1, 2, 0],
  ] as const;
  // Rows: [pad, x0, interior], x1 cropped; columns: x[:, 1], x[:, 2], pad, pad (x[:, 0] cropped).
  const ct = ax.arange(12, undefined, 1, 'float32').reshape([3, 4]);

  it('pulls the cotangent of the padding positions back to a constant-operand padding value', () => {
    const [, pullback] = ax.vjp((v: ax.Array) => ax.lax.pad(x, v, config), ax.scalar(0));
    const [g] = pullback(ct) as ax.Array[];
    // Everything but ct[1, 0] and ct[1, 1], where x[0, 1] and x[0, 2] landed.
    expectClose(g!, ax.scalar(66 - 4 - 5), EXACT, 'padding value cotangent');
  });

  it('pulls the operand positions back to the operand when the padding value is constant', () => {
    const [, pullback] = ax.vjp((y: ax.Array) => ax.lax.pad(y, ax.scalar(9), config), x);
    const [g] = pullback(ct) as ax.Array[];
    expectClose(
      g!,
      ax.array([
        [0, 4, 5],
        [0, 0, 0],
      ]),
      EXACT,
      'operand cotangent',
    );
  });
});

describe('iota under transformations', () => {
  it('has a zero tangent and stays unmapped under vmap', () => {
    const f = (x: ax.Array): ax.Array => ax.lax.concatenate([x, ax.lax.iota('float32', [2], 0)], 0);
    const [, t] = ax.jvp(f, [ax.array([5, 6])], [ax.array([1, 1])]);
    expectClose(t, ax.array([1, 1, 0, 0]), EXACT, 'tangent');
    const mapped = ax.vmap(f)(
      ax.array([
        [5, 6],
        [7, 8],
      ]),
    );
    expectClose(
      mapped,
      ax.array([
        [5, 6, 0, 1],
        [7, 8, 0, 1],
      ]),
      EXACT,
      'vmap',
    );
    const unmapped = ax.vmap(() => ax.lax.iota('int32', [3], 0), { outAxes: null, axisSize: 2 })();
    expect(unmapped.shape).toEqual([3]);
  });
});
