import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import {
  axesArb,
  broadcastInDimArb,
  broadcastPairArb,
  convArb,
  dotGeneralArb,
  dynamicSliceArb,
  elementArb,
  gatherArb,
  hostArrayArb,
  padConfigArb,
  permutationArb,
  reduceWindowArb,
  reshapeArb,
  scatterArb,
  shapeArb,
  sliceParamsArb,
} from '@addax/conformance';

const NUM_RUNS = 200;

/** The output avals the primitive computes for these operands and raw params (throws if invalid). */
function evaluate(name: string, operands: readonly ax.ShapeDtype[], raw: object): ax.ShapeDtype[] {
  const prim = ax.lookupPrimitive(name)! as unknown as ax.Primitive<object>;
  const params = prim.params ? prim.params(raw, operands) : raw;
  return prim.abstractEval(operands, params);
}

const f32 = (shape: readonly number[]): ax.ShapeDtype => new ax.ShapeDtype(shape, 'float32');
const i32 = (shape: readonly number[]): ax.ShapeDtype => new ax.ShapeDtype(shape, 'int32');

describe('the exported arbitraries', () => {
  it('shapeArb keeps to its rank and size bounds, with scalars, size-0 and square shapes', () => {
    const shapes = fc.sample(shapeArb({ maxRank: 3, maxSize: 4 }), { numRuns: 2000, seed: 1 });
    expect(
      shapes.every((s) => s.length <= 3 && s.every((d) => Number.isInteger(d) && d >= 0 && d <= 4)),
    ).toBe(true);
    expect(shapes.some((s) => s.length === 0)).toBe(true);
    expect(shapes.some((s) => s.includes(0))).toBe(true);
    expect(shapes.some((s) => s.length === 3 && s.every((d) => d === s[0] && d > 1))).toBe(true);
    const positive = fc.sample(shapeArb({ minRank: 2, zeroSize: 0 }), { numRuns: 500, seed: 2 });
    expect(positive.every((s) => s.length >= 2 && !s.includes(0))).toBe(true);
  });

  it('broadcastPairArb gives shapes that broadcast together', () => {
    fc.assert(
      fc.property(broadcastPairArb(), ([a, b]) => {
        expect(ax.broadcastShapes('broadcastPairArb', a, b).length).toBe(Math.max(a.length, b.length));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('axes, permutations, reshapes and broadcastInDim cases are valid for their primitives', () => {
    fc.assert(
      fc.property(
        shapeArb().chain((s) =>
          fc.tuple(fc.constant(s), axesArb(s.length), permutationArb(s.length), reshapeArb(s)),
        ),
        ([shape, axes, permutation, newSizes]) => {
          expect(axes).toEqual([...new Set(axes)].sort((a, b) => a - b));
          expect(evaluate('reduceSum', [f32(shape)], { axes })[0]!.ndim).toBe(shape.length - axes.length);
          expect(evaluate('transpose', [f32(shape)], { permutation })[0]!.shape).toEqual(
            permutation.map((p) => shape[p]),
          );
          expect(evaluate('reshape', [f32(shape)], { newSizes })[0]!.shape).toEqual(newSizes);
        },
      ),
      { numRuns: NUM_RUNS },
    );
    fc.assert(
      fc.property(broadcastInDimArb(), ({ operand, shape, broadcastDimensions }) => {
        expect(evaluate('broadcastInDim', [f32(operand)], { shape, broadcastDimensions })[0]!.shape).toEqual(
          shape,
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('slice, pad and dynamic slice parameters are valid for their primitives', () => {
    const cases = shapeArb().chain((s) =>
      fc.tuple(fc.constant(s), sliceParamsArb(s), padConfigArb(s), dynamicSliceArb(s)),
    );
    fc.assert(
      fc.property(cases, ([shape, slice, config, { sliceSizes, starts }]) => {
        evaluate('slice', [f32(shape)], slice);
        evaluate('pad', [f32(shape), f32([])], { config });
        const startAvals = starts.map(() => i32([]));
        expect(evaluate('dynamicSlice', [f32(shape), ...startAvals], { sliceSizes })[0]!.shape).toEqual(
          sliceSizes,
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('gather, scatter, dotGeneral, conv and reduceWindow cases are valid for their primitives', () => {
    fc.assert(
      fc.property(gatherArb(), (g) => {
        evaluate('gather', [f32(g.operandShape), i32(g.indicesShape)], { ...g.params, fillValue: 0 });
      }),
      { numRuns: NUM_RUNS },
    );
    fc.assert(
      fc.property(scatterArb(), (s) => {
        evaluate('scatterAdd', [f32(s.operandShape), i32(s.indicesShape), f32(s.updatesShape)], s.params);
      }),
      { numRuns: NUM_RUNS },
    );
    fc.assert(
      fc.property(dotGeneralArb(), (d) => {
        evaluate('dotGeneral', [f32(d.lhsShape), f32(d.rhsShape)], d.params);
      }),
      { numRuns: NUM_RUNS },
    );
    fc.assert(
      fc.property(convArb(), (c) => {
        evaluate('conv', [f32(c.lhsShape), f32(c.rhsShape)], c.params);
      }),
      { numRuns: NUM_RUNS },
    );
    fc.assert(
      fc.property(
        shapeArb().chain((s) => fc.tuple(fc.constant(s), reduceWindowArb(s))),
        ([shape, params]) => {
          evaluate('reduceWindowSum', [f32(shape)], params);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('values stay in their domain, with the edge values mixed in', () => {
    const logs = fc.sample(elementArb('float32', { min: 0, max: 10, edges: [0, -0, NaN] }), {
      numRuns: 1000,
      seed: 3,
    });
    expect(logs.every((v) => Number.isNaN(v) || (v >= 0 && v <= 10))).toBe(true);
    expect(logs.some(Number.isNaN)).toBe(true);
    expect(logs.some((v) => Object.is(v, -0))).toBe(true);
    expect(logs.some((v) => !Number.isInteger(v))).toBe(true);
    const all = fc.sample(elementArb('float32'), { numRuns: 2000, seed: 4 });
    for (const edge of [Infinity, -Infinity, 2 ** -149, 3.4028234663852886e38]) expect(all).toContain(edge);
    const ints = fc.sample(elementArb('uint32'), { numRuns: 500, seed: 5 });
    expect(ints.every((v) => Number.isInteger(v) && v >= 0 && v <= 2 ** 32 - 1)).toBe(true);
    expect(ints).toContain(2 ** 32 - 1);
  });

  it('hostArrayArb fills the shape with values of the dtype', () => {
    const [x] = fc.sample(hostArrayArb('int32', [2, 3]), { numRuns: 1, seed: 6 });
    expect(x!.shape).toEqual([2, 3]);
    expect(x!.data).toBeInstanceOf(Int32Array);
    expect(x!.data.length).toBe(6);
  });
});
