import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { expectClose, values } from '../close.js';
import { expectCallKeepsOnlyItsOutput, expectJitMatchesEager, F32, normalArray } from './layer-checks.js';
import { maxOf, meanOf, poolReference, sumOf, windowPadding, type Geometry } from './window-reference.js';

const f32 = (...shape: number[]): ax.ShapeDtype => new ax.ShapeDtype(shape, 'float32');
const key = ax.random.key(0);

const POOLS = [
  { name: 'MaxPooling', factory: nn.MaxPooling, reduce: maxOf },
  { name: 'SumPooling', factory: nn.SumPooling, reduce: sumOf },
  { name: 'AvgPooling', factory: nn.AvgPooling, reduce: meanOf },
] as const;

/** An image [H, W, 1] from rows of numbers. */
function image(rows: number[][]): ax.Array {
  return ax.array(rows.map((r) => r.map((v) => [v])));
}

describe('pooling values (hand-checked)', () => {
  const cross = image([
    [-1, 0, -1],
    [0, 1, 0],
    [-1, 0, -1],
  ]);

  it("Oryx's cases: a 2x2 window over a 3x3 cross gives max 1, sum 0, and mean 1 with a 5 in the middle", () => {
    const max = nn.MaxPooling([2, 2]).init(key, cross);
    expect(values(max.call(cross))).toEqual([1, 1, 1, 1]);
    expect(max.call(cross).shape).toEqual([2, 2, 1]);
    expect(values(nn.SumPooling([2, 2]).init(key, cross).call(cross))).toEqual([0, 0, 0, 0]);
    const five = image([
      [-1, 0, -1],
      [0, 5, 0],
      [-1, 0, -1],
    ]);
    expect(values(nn.AvgPooling([2, 2]).init(key, five).call(five))).toEqual([1, 1, 1, 1]);
  });

  it('a strided 2x2 max over 0..15 picks the bottom-right of each block', () => {
    const x = ax.arange(16).astype('float32').reshape([4, 4, 1]);
    const y = nn.MaxPooling(2, { strides: 2 }).init(key, x).call(x);
    expect(y.shape).toEqual([2, 2, 1]);
    expect(values(y)).toEqual([5, 7, 13, 15]);
  });

  it('SAME padding: sums count padding as 0 and averages divide by the covered elements, as stax', () => {
    const x = image([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    // One padded row and column after the input: the last windows cover 2 or 1 elements.
    const sum = nn.SumPooling(2, { padding: 'SAME' }).init(key, x).call(x);
    expect(values(sum)).toEqual([12, 16, 9, 24, 28, 15, 15, 17, 9]);
    const avg = nn.AvgPooling(2, { padding: 'SAME' }).init(key, x).call(x);
    expect(values(avg)).toEqual([3, 4, 4.5, 6, 7, 7.5, 7.5, 8.5, 9]);
    const max = nn.MaxPooling(2, { padding: 'SAME' }).init(key, x.neg()).call(x.neg());
    expect(values(max)).toEqual([-1, -2, -3, -4, -5, -6, -7, -8, -9]);
  });

  it('1-D windows pool [L, C] inputs, each channel on its own', () => {
    const x = ax.array([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    expect(values(nn.SumPooling([2]).init(key, x).call(x))).toEqual([3, 30, 5, 50]);
    expect(values(nn.AvgPooling([2], { padding: 'SAME' }).init(key, x).call(x))).toEqual([
      1.5, 15, 2.5, 25, 3, 30,
    ]);
  });

  it('MaxPooling and SumPooling keep an int32 dtype; AvgPooling gives float32', () => {
    const x = ax.array(
      [
        [[1], [2]],
        [[3], [4]],
      ],
      { dtype: 'int32' },
    );
    const max = nn.MaxPooling(2).init(key, x);
    expect(max.call(x).dtype).toBe('int32');
    expect(nn.MaxPooling(2).spec(x).dtype).toBe('int32');
    expect(values(nn.SumPooling(2).init(key, x).call(x))).toEqual([10]);
    expect(nn.AvgPooling(2).spec(x).dtype).toBe('float32');
    expect(values(nn.AvgPooling(2).init(key, x).call(x))).toEqual([2.5]);
  });
});

describe('pooling against a plain loop', () => {
  // Inputs up to 7x7x3, windows up to 3, strides up to 3: every window position, padding side
  // and partial window occurs. Values are N(0, 1) floats; sums of <= 9 of them are within F32.
  const config = fc.record({
    h: fc.integer({ min: 1, max: 7 }),
    w: fc.integer({ min: 1, max: 7 }),
    c: fc.integer({ min: 1, max: 3 }),
    kh: fc.integer({ min: 1, max: 3 }),
    kw: fc.integer({ min: 1, max: 3 }),
    sh: fc.integer({ min: 1, max: 3 }),
    sw: fc.integer({ min: 1, max: 3 }),
    padding: fc.constantFrom('SAME' as const, 'VALID' as const),
    pool: fc.integer({ min: 0, max: 2 }),
    seed: fc.nat(1000),
  });

  type PoolCase = typeof config extends fc.Arbitrary<infer T> ? T : never;

  /** The reference's geometry of a case: strides, XLA's padding, no dilation. */
  const poolGeometry = ({ h, w, kh, kw, sh, sw, padding }: PoolCase): Geometry => ({
    strides: [sh, sw],
    pads: [windowPadding(padding, h, kh, sh), windowPadding(padding, w, kw, sw)],
    dilation: [1, 1],
    inputDilation: [1, 1],
  });

  it('output sizes are ceil(in / stride) for SAME and floor((in - window) / stride) + 1 for VALID', () => {
    fc.assert(
      fc.property(config, ({ h, w, c, kh, kw, sh, sw, padding, pool }) => {
        const size = (n: number, k: number, s: number): number =>
          padding === 'SAME' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1;
        fc.pre(padding === 'SAME' || (h >= kh && w >= kw));
        const template = POOLS[pool]!.factory([kh, kw], { strides: [sh, sw], padding });
        const expected = [size(h, kh, sh), size(w, kw, sw), c];
        expect(template.spec(f32(h, w, c)).shape).toEqual(expected);
        const layer = template.init(key, f32(h, w, c));
        expect(layer.call(ax.zeros([h, w, c])).shape).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('each output is the max / sum / mean of the input elements its window covers', () => {
    fc.assert(
      fc.property(config, (p) => {
        const { h, w, c, kh, kw, sh, sw, padding, pool, seed } = p;
        fc.pre(padding === 'SAME' || (h >= kh && w >= kw));
        const { factory, reduce } = POOLS[pool]!;
        const x = normalArray(seed, [h, w, c]);
        const g = poolGeometry(p);
        const expected = poolReference(values(x), [h, w, c], [kh, kw], g, reduce);
        const y = factory([kh, kw], { strides: [sh, sw], padding })
          .init(key, x)
          .call(x);
        expect(y.shape).toEqual(expected.shape);
        expectClose(y, expected.values, F32);
      }),
      { numRuns: 60 },
    );
  });

  it("max pooling's gradient routes each output's cotangent to its window's argmax", () => {
    // Windows overlap when the stride is below the window: the cotangents then add up.
    fc.assert(
      fc.property(config, (p) => {
        const { h, w, c, kh, kw, sh, sw, padding, seed } = p;
        fc.pre(padding === 'SAME' || (h >= kh && w >= kw));
        const x = normalArray(seed, [h, w, c]);
        const layer = nn.MaxPooling([kh, kw], { strides: [sh, sw], padding }).init(key, x);
        const g = poolGeometry(p);
        const { argmax, shape } = poolReference(values(x), [h, w, c], [kh, kw], g, maxOf);
        const ct = normalArray(seed + 1, shape);
        const dx = ax.grad((xi: ax.Array) => layer.call(xi).mul(ct).sum())(x);
        const expected = new globalThis.Array<number>(h * w * c).fill(0);
        values(ct).forEach((v, i) => {
          expected[argmax[i]!]! += v;
        });
        expectClose(dx, expected, F32);
      }),
      { numRuns: 40 },
    );
  });
});

describe('pooling under transformations', () => {
  it.each(POOLS)('$name under vmap equals the per-example calls, whatever axis is mapped', ({ factory }) => {
    const xs = normalArray(1, [5, 6, 4, 2]);
    const layer = factory([2, 3], { strides: [2, 1], padding: 'SAME' }).init(key, f32(6, 4, 2));
    const batched = ax.vmap((x: ax.Array) => layer.call(x))(xs);
    const looped = ax.stack([0, 1, 2, 3, 4].map((i) => layer.call(ax.take(xs, i, 0))));
    expect(batched.shape).toEqual([5, 3, 4, 2]);
    expectClose(batched, looped, F32);
    const onAxis2 = ax.vmap((x: ax.Array) => layer.call(x), { inAxes: 2 })(ax.moveaxis(xs, 0, 2));
    expectClose(onAxis2, looped, F32);
  });

  it.each(POOLS)('$name under jit equals the eager call', ({ factory }) => {
    const x = normalArray(2, [5, 5, 3]);
    expectJitMatchesEager(factory(3, { strides: 2, padding: 'SAME' }).init(key, x), x);
  });

  it.each(POOLS)('$name frees what an eager call computes on the way', ({ factory }) => {
    expectCallKeepsOnlyItsOutput(
      factory(2, { padding: 'SAME' }).init(key, f32(3, 3, 2)),
      normalArray(3, [3, 3, 2]),
    );
  });

  it('has no parameters or state, and its gradient is empty', () => {
    const layer = nn.AvgPooling(2).init(key, f32(4, 4, 1));
    expect(layer.variables()).toEqual({ params: {}, state: {} });
    expect(ax.tree.leaves(layer)).toEqual([]);
    expect(layer).toBeInstanceOf(nn.AvgPooling);
    expect(layer).not.toBeInstanceOf(nn.MaxPooling);
    expect(String(layer)).toBe('AvgPooling([2, 2])');
  });
});

describe('pooling errors', () => {
  it('a batch given directly (rank windowShape + 2) says to vmap', () => {
    expect(() => nn.MaxPooling(2).spec(f32(10, 3, 3, 1))).toThrow(
      /MaxPooling: the input float32\[10, 3, 3, 1\] has 4 axes; the layer takes one example of 3 axes; to run a batch, vmap/,
    );
    const layer = nn.MaxPooling(2).init(key, f32(3, 3, 1));
    expect(() => layer.call(ax.zeros([10, 3, 3, 1]))).toThrow(/has 4 axes.*vmap/);
    expect(() => nn.SumPooling([2]).spec(f32(4))).toThrow(
      /SumPooling: the input float32\[4\] has 1 axes; the layer takes one example of 2 axes/,
    );
  });

  it('names a bad padding string, non-positive sizes and a window that does not fit', () => {
    const s = f32(4, 4, 1);
    expect(() => nn.MaxPooling(2, { padding: 'same' as 'SAME' }).spec(s)).toThrow(
      /MaxPooling: padding must be 'SAME' or 'VALID', got "same"/,
    );
    expect(() => nn.SumPooling([2, 0]).spec(s)).toThrow(
      /SumPooling: windowShape must be a positive integer, got 0/,
    );
    expect(() => nn.AvgPooling(2, { strides: [1, -1] }).init(key, s)).toThrow(
      /AvgPooling: strides must be a positive integer, got -1/,
    );
    expect(() => nn.AvgPooling(2, { strides: [1, 1, 1] }).spec(s)).toThrow(
      /strides must be a positive integer or 2 of them/,
    );
    expect(() => nn.MaxPooling([]).spec(s)).toThrow(
      /MaxPooling: windowShape must be a positive integer or a non-empty list/,
    );
    expect(() => nn.MaxPooling(5).spec(s)).toThrow(
      /MaxPooling: the window \[5, 5\] does not fit the input float32\[4, 4, 1\] with padding VALID/,
    );
    expect(() => nn.MaxPooling(2).spec(new ax.ShapeDtype([2, 2, 1], 'bool'))).toThrow(
      /MaxPooling: .* is bool/,
    );
  });
});
