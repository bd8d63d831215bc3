import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { expectClose, values } from '../close.js';
import {
  expectCallKeepsOnlyItsOutput,
  expectJitMatchesEager,
  F32,
  layerGradient,
  normalArray,
} from './layer-checks.js';

const f32 = (...shape: number[]): ax.ShapeDtype => new ax.ShapeDtype(shape, 'float32');

/** `x @ kernel + bias` in float64 from the arrays' values: x `[rows, dimIn]`. */
function affine(x: ax.Array, kernel: ax.Array, bias: ax.Array): number[] {
  const [dimIn, dimOut] = kernel.shape as [number, number];
  const xs = values(x);
  const w = values(kernel);
  const b = values(bias);
  const out: number[] = [];
  for (let r = 0; r < xs.length / dimIn; r++) {
    for (let j = 0; j < dimOut; j++) {
      let s = b[j]!;
      for (let i = 0; i < dimIn; i++) s += xs[r * dimIn + i]! * w[i * dimOut + j]!;
      out.push(s);
    }
  }
  return out;
}

describe('Dense', () => {
  it('maps the last axis: spec (5, 10) -> (5, 100), (10) -> (100), (2, 5, 10) -> (2, 5, 100)', () => {
    const dense = nn.Dense(100);
    expect(dense.spec(f32(5, 10)).shape).toEqual([5, 100]);
    expect(dense.spec(f32(10)).shape).toEqual([100]);
    expect(dense.spec(f32(2, 5, 10)).shape).toEqual([2, 5, 100]);
    expect(dense.spec(f32(5, 10)).dtype).toBe('float32');
  });

  it('draws the kernel [dimIn, dimOut] with glorotNormal from the first split key, the bias as zeros', () => {
    const key = ax.random.key(3);
    const layer = nn.Dense(7).init(key, f32(4));
    expect(layer).toBeInstanceOf(nn.Dense);
    expect(layer.dimIn).toBe(4);
    expect(layer.dimOut).toBe(7);
    const [kernelKey] = ax.random.unstackKeys(ax.random.split(key));
    expectClose(layer.params.kernel, nn.initializers.glorotNormal()(kernelKey!, [4, 7]), {
      rtol: 0,
      atol: 0,
    });
    expect(values(layer.params.bias)).toEqual(new globalThis.Array(7).fill(0));
    expect(String(layer)).toBe('Dense(7)');
  });

  it('uses the kernelInit and biasInit it is given', () => {
    const layer = nn
      .Dense(3, { kernelInit: nn.initializers.ones, biasInit: nn.initializers.constant(0.5) })
      .init(ax.random.key(0), f32(2));
    // [1, 2] @ ones(2, 3) + 0.5
    expectClose(layer.call(ax.array([1, 2])), [3.5, 3.5, 3.5], F32);
  });

  it('computes x @ kernel + bias for any leading axes (random shapes, normal inputs, float32 tolerance)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.nat(1000),
        (lead, dimIn, dimOut, seed) => {
          const layer = nn
            .Dense(dimOut, { biasInit: nn.initializers.normal(1) })
            .init(ax.random.key(seed), f32(dimIn));
          const x = normalArray(seed + 1, [...lead, dimIn]);
          const y = layer.call(x);
          expect(y.shape).toEqual([...lead, dimOut]);
          expectClose(y, affine(x, layer.params.kernel, layer.params.bias), F32);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('under vmap gives the rows of the batched call', () => {
    const layer = nn.Dense(5).init(ax.random.key(1), f32(3));
    const x = normalArray(2, [4, 3]);
    expectClose(ax.vmap((row: ax.Array) => layer.call(row))(x), layer.call(x), F32);
  });

  it('gives the same values jitted as eagerly', () => {
    const layer = nn.Dense(6).init(ax.random.key(4), f32(3));
    expectJitMatchesEager(layer, normalArray(5, [2, 3]));
  });

  it('frees what an eager call computes on the way', () => {
    expectCallKeepsOnlyItsOutput(nn.Dense(6).init(ax.random.key(4), f32(3)), normalArray(5, [2, 3]));
  });

  it('has a Dense-shaped gradient: kernel x^T g, bias the sum of g over rows', () => {
    const layer = nn.Dense(2).init(ax.random.key(0), f32(3));
    const x = ax.array([
      [1, 2, 3],
      [-1, 0, 2],
    ]);
    const g = ax.array([
      [1, -2],
      [0.5, 3],
    ]);
    const grad = layerGradient(layer, x, g);
    expectClose(
      grad.params.kernel,
      [1 * 1 + -1 * 0.5, 1 * -2 + -1 * 3, 2 * 1 + 0, 2 * -2 + 0, 3 * 1 + 2 * 0.5, 3 * -2 + 2 * 3],
      F32,
    );
    expectClose(grad.params.bias, [1.5, 1], F32);
  });

  it('rejects a bad dimOut, a non-float32 input, a scalar input and a wrong feature count', () => {
    expect(() => nn.Dense(0).spec(f32(3))).toThrow(/Dense: dimOut must be a positive integer, got 0/);
    expect(() => nn.Dense(1.5).init(ax.random.key(0), f32(3))).toThrow(/dimOut .* got 1.5/);
    expect(() => nn.Dense(2).spec(new ax.ShapeDtype([3], 'int32'))).toThrow(ax.DTypeError);
    expect(() => nn.Dense(2).spec(f32())).toThrow(/Dense: the input needs at least one axis/);
    const layer = nn.Dense(2).init(ax.random.key(0), f32(3));
    expect(() => layer.call(ax.ones([4]))).toThrow(
      /Dense: the input float32\[4\] has 4 features .* expects 3/,
    );
  });
});
