import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { expectClose, values } from '../close.js';
import { expectJitMatchesEager, layerGradient, normalArray } from './layer-checks.js';

const EXACT = { rtol: 0, atol: 0 };
const f32 = (...shape: number[]): ax.ShapeDtype => new ax.ShapeDtype(shape, 'float32');

describe('Flatten', () => {
  it('flattens the whole example: (5, 100) -> (500), (10, 10) -> (100), (1, 2, 5, 10) -> (100)', () => {
    expect(nn.Flatten().spec(f32(5, 100)).shape).toEqual([500]);
    expect(nn.Flatten().spec(f32(10, 10)).shape).toEqual([100]);
    expect(nn.Flatten().spec(f32(1, 2, 5, 10)).shape).toEqual([100]);
    expect(nn.Flatten().spec(new ax.ShapeDtype([2, 3], 'int32')).dtype).toBe('int32');
  });

  it('keeps the elements in row-major order', () => {
    const layer = nn.Flatten().init(ax.random.key(0), f32(2, 3));
    const x = ax.array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expectClose(layer.call(x), [1, 2, 3, 4, 5, 6], EXACT);
    expect(String(layer)).toBe('Flatten()');
  });

  it('under vmap gives [batch, features]: (1, 10, 10) -> (1, 100), (5, 20, 5) -> (5, 100)', () => {
    const layer = nn.Flatten().init(ax.random.key(0), f32(10, 10));
    const run = (x: ax.Array): ax.Array => ax.vmap((e: ax.Array) => layer.call(e))(x);
    expect(run(ax.zeros([1, 10, 10])).shape).toEqual([1, 100]);
    const x = normalArray(1, [5, 20, 5]);
    const y = run(x);
    expect(y.shape).toEqual([5, 100]);
    expectClose(y, values(x), EXACT);
  });

  it('is jittable and differentiable: the gradient of sum(flatten(x) * g) is g reshaped', () => {
    const layer = nn.Flatten().init(ax.random.key(0), f32(2, 2));
    const x = normalArray(2, [2, 2]);
    expectJitMatchesEager(layer, x);
    const g = ax.array([1, -2, 3, 0.5]);
    expectClose(ax.grad((y: ax.Array) => layer.call(y).mul(g).sum())(x), ax.reshape(g, [2, 2]), EXACT);
    layerGradient(layer, x, g);
  });
});

describe('Reshape', () => {
  it('gives each example the requested shape: (100), (10, 10), (2, 5, 10) -> (10, 10)', () => {
    const reshape = nn.Reshape([10, 10]);
    expect(reshape.spec(f32(100)).shape).toEqual([10, 10]);
    expect(reshape.spec(f32(10, 10)).shape).toEqual([10, 10]);
    expect(reshape.spec(f32(2, 5, 10)).shape).toEqual([10, 10]);
    expect(nn.Reshape(6).spec(f32(2, 3)).shape).toEqual([6]);
  });

  it('infers one -1 from the element count, as numpy', () => {
    expect(nn.Reshape([-1, 10]).spec(f32(100)).shape).toEqual([10, 10]);
    expect(nn.Reshape([2, -1, 5]).spec(f32(4, 5)).shape).toEqual([2, 2, 5]);
    expect(nn.Reshape([-1]).spec(f32(3, 4)).shape).toEqual([12]);
  });

  it('agrees with ax.reshape on random shapes with a -1 (up to 3 axes of size 1..4 in, the same elements out)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
        fc.nat(),
        (inShape, pick) => {
          const size = inShape.reduce((p, d) => p * d, 1);
          const divisors = [...globalThis.Array(size).keys()].map((i) => i + 1).filter((d) => size % d === 0);
          const d = divisors[pick % divisors.length]!;
          const layer = nn.Reshape([d, -1]).init(ax.random.key(0), f32(...inShape));
          const x = normalArray(pick, inShape);
          const y = layer.call(x);
          expect(y.shape).toEqual([d, size / d]);
          expectClose(y, ax.reshape(x, [d, -1]), EXACT);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('under vmap gives [batch, ...shape]: (1, 100) -> (1, 10, 10), (5, 20, 5) -> (5, 10, 10)', () => {
    const first = nn.Reshape([10, 10]).init(ax.random.key(0), f32(100));
    expect(ax.vmap((e: ax.Array) => first.call(e))(ax.zeros([1, 100])).shape).toEqual([1, 10, 10]);
    const second = nn.Reshape([10, -1]).init(ax.random.key(0), f32(20, 5));
    const x = normalArray(3, [5, 20, 5]);
    const y = ax.vmap((e: ax.Array) => second.call(e))(x);
    expect(y.shape).toEqual([5, 10, 10]);
    expectClose(y, values(x), EXACT);
  });

  it('is jittable and has a layer-shaped gradient', () => {
    const layer = nn.Reshape([3, 2]).init(ax.random.key(0), f32(6));
    const x = normalArray(4, [6]);
    expectJitMatchesEager(layer, x);
    layerGradient(layer, x, ax.ones([3, 2]));
    expect(String(layer)).toBe('Reshape([3, 2])');
  });

  it('rejects impossible shapes and bad entries with errors naming both shapes', () => {
    expect(() => nn.Reshape([3, -1]).spec(f32(2, 5))).toThrow(
      /Reshape: cannot reshape an example of shape \[2, 5\] \(10 elements\) into \[3, -1\]/,
    );
    expect(() => nn.Reshape([4, 4]).init(ax.random.key(0), f32(10))).toThrow(ax.ShapeError);
    expect(() => nn.Reshape([0, -1]).spec(f32(0))).toThrow(ax.ShapeError);
    expect(() => nn.Reshape([-1, -1]).spec(f32(4))).toThrow(/Reshape: invalid shape \[-1, -1\]/);
    expect(() => nn.Reshape([2.5, 2]).spec(f32(5))).toThrow(ax.ParameterError);
    const layer = nn.Reshape([2, 3]).init(ax.random.key(0), f32(6));
    expect(() => layer.call(ax.zeros([7]))).toThrow(/cannot reshape an example of shape \[7\]/);
  });
});
