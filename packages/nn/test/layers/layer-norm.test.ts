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

// Normalising divides by a float32 standard deviation computed from float32 sums.
const NORM = { rtol: 1e-4, atol: 1e-4 };
const f32 = (...shape: number[]): ax.ShapeDtype => new ax.ShapeDtype(shape, 'float32');

/**
 * Layer normalisation of a row-major `[groups..., normalised...]` layout by hand in float64: the
 * example is `outer` groups of `inner` contiguous elements, each normalised on its own, then
 * multiplied by `scale` and shifted by `bias` (both `inner` long).
 */
function layerNorm(xs: number[], inner: number, epsilon: number, scale: number[], bias: number[]): number[] {
  const out: number[] = [];
  for (let start = 0; start < xs.length; start += inner) {
    const group = xs.slice(start, start + inner);
    const mean = group.reduce((s, v) => s + v, 0) / inner;
    const variance = group.reduce((s, v) => s + (v - mean) ** 2, 0) / inner;
    group.forEach((v, i) => out.push(((v - mean) / Math.sqrt(variance + epsilon)) * scale[i]! + bias[i]!));
  }
  return out;
}

describe('LayerNorm', () => {
  it('has scale (ones) and bias (zeros) of the normalised axes, each optional', () => {
    const layer = nn.LayerNorm().init(ax.random.key(0), f32(3, 4));
    expect(values(layer.params.scale!)).toEqual([1, 1, 1, 1]);
    expect(values(layer.params.bias!)).toEqual([0, 0, 0, 0]);
    expect(layer.info).toEqual({ epsilon: 1e-6, axes: [1] });
    expect(Object.keys(nn.LayerNorm({ useScale: false }).init(ax.random.key(0), f32(4)).params)).toEqual([
      'bias',
    ]);
    expect(Object.keys(nn.LayerNorm({ useBias: false }).init(ax.random.key(0), f32(4)).params)).toEqual([
      'scale',
    ]);
    const both = nn.LayerNorm({ axis: [-2, -1] }).init(ax.random.key(0), f32(2, 3, 4));
    expect(both.params.scale!.shape).toEqual([3, 4]);
    expect(nn.LayerNorm().spec(f32(2, 3)).shape).toEqual([2, 3]);
  });

  it('computes the hand-checked value of [1, 2, 3, 4]: (x - 2.5) / sqrt(1.25 + 1e-6)', () => {
    const layer = nn.LayerNorm().init(ax.random.key(0), f32(4));
    const s = Math.sqrt(1.25 + 1e-6);
    expectClose(layer.call(ax.array([1, 2, 3, 4])), [-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s], F32);
  });

  it('adds epsilon to the variance: [0, 2] with epsilon 3 gives [-1/2, 1/2]', () => {
    const layer = nn.LayerNorm({ epsilon: 3 }).init(ax.random.key(0), f32(2));
    expectClose(layer.call(ax.array([0, 2])), [-0.5, 0.5], F32);
  });

  it('matches the formula with learned scale and bias (random example shapes and trailing axes, inputs N(offset, s^2) with |offset| <= 5, s in [0.1, 10])', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
        fc.nat(),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.nat(1000),
        (shape, pick, offset, s, seed) => {
          // The trailing `count` axes are normalised together.
          const count = 1 + (pick % shape.length);
          const axis = [...globalThis.Array(count).keys()].map((i) => i - count);
          const layer = nn
            .LayerNorm({
              axis,
              scaleInit: nn.initializers.normal(1),
              biasInit: nn.initializers.normal(1),
            })
            .init(ax.random.key(seed), f32(...shape));
          const x = normalArray(seed + 1, shape)
            .mul(s)
            .add(offset);
          const inner = shape.slice(-count).reduce((p, d) => p * d, 1);
          const expected = layerNorm(
            values(x),
            inner,
            1e-6,
            values(layer.params.scale!),
            values(layer.params.bias!),
          );
          expectClose(layer.call(x), expected, NORM);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('normalises a leading axis when told: axis 0 of a [3, 2] example normalises each column', () => {
    const layer = nn
      .LayerNorm({ axis: 0, useScale: false, useBias: false })
      .init(ax.random.key(0), f32(3, 2));
    const x = ax.array([
      [1, 10],
      [2, 20],
      [3, 60],
    ]);
    const columns = layerNorm([1, 2, 3, 10, 20, 60], 3, 1e-6, [1, 1, 1], [0, 0, 0]);
    expectClose(
      layer.call(x),
      [0, 3, 1, 4, 2, 5].map((i) => columns[i]!),
      NORM,
    );
  });

  it('under vmap normalises each example on its own', () => {
    const layer = nn
      .LayerNorm({ scaleInit: nn.initializers.normal(1), biasInit: nn.initializers.normal(1) })
      .init(ax.random.key(2), f32(5));
    const x = normalArray(3, [4, 5]).mul(3).add(1);
    const expected = layerNorm(values(x), 5, 1e-6, values(layer.params.scale!), values(layer.params.bias!));
    expectClose(ax.vmap((e: ax.Array) => layer.call(e))(x), expected, NORM);
  });

  it('has a LayerNorm-shaped gradient: bias gets g, scale gets g times the normalised x', () => {
    const layer = nn.LayerNorm().init(ax.random.key(0), f32(4));
    const x = ax.array([1, 2, 3, 4]);
    const g = ax.array([0.5, -1, 2, 1]);
    const grad = layerGradient(layer, x, g);
    const normalised = layerNorm([1, 2, 3, 4], 4, 1e-6, [1, 1, 1, 1], [0, 0, 0, 0]);
    expectClose(grad.params.bias!, [0.5, -1, 2, 1], F32);
    expectClose(
      grad.params.scale!,
      normalised.map((v, i) => v * [0.5, -1, 2, 1][i]!),
      F32,
    );
  });

  it('gives the same values jitted as eagerly', () => {
    const layer = nn.LayerNorm({ biasInit: nn.initializers.normal(1) }).init(ax.random.key(1), f32(2, 3));
    expectJitMatchesEager(layer, normalArray(5, [2, 3]));
  });

  it('frees what an eager call computes on the way', () => {
    expectCallKeepsOnlyItsOutput(nn.LayerNorm().init(ax.random.key(1), f32(2, 3)), normalArray(5, [2, 3]));
  });

  it('rejects a non-float input, bad axes, a bad epsilon and an example that does not fit its parameters', () => {
    expect(() => nn.LayerNorm().spec(new ax.ShapeDtype([3], 'int32'))).toThrow(
      /LayerNorm: the input must be float32/,
    );
    expect(() => nn.LayerNorm({ axis: 2 }).spec(f32(3, 4))).toThrow(
      /LayerNorm: axis 2 is out of range for an example of rank 2/,
    );
    expect(() => nn.LayerNorm({ axis: [1, -1] }).spec(f32(3, 4))).toThrow(/distinct axes/);
    expect(() => nn.LayerNorm({ axis: [] }).spec(f32(3))).toThrow(/one or more distinct axes/);
    expect(() => nn.LayerNorm({ epsilon: -1 }).init(ax.random.key(0), f32(3))).toThrow(/epsilon .* got -1/);
    const layer = nn.LayerNorm().init(ax.random.key(0), f32(4));
    expect(() => layer.call(ax.ones([5]))).toThrow(
      /LayerNorm: scale float32\[4\] does not fit axes \[0\] of float32\[5\]/,
    );
  });
});
