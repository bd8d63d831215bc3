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
import {
  convCase,
  convCases,
  expectKernelGradientMatchesDifferences,
  expectShapeOn28x28,
  f32,
  type ConvCase,
} from './conv-checks.js';
import { convReference } from './window-reference.js';

const key = ax.random.key(0);

// Inputs up to 5x5x3, kernels up to 4x4 (dilation up to 2); values N(0, 1): sums of <= 48
// products stay within F32 of the float64 loop.
const small = convCases(5, 4);

/** The transposed convolution's output size along one axis, as `lax.conv_transpose` documents it. */
function outSize(n: number, k: number, stride: number, s: ConvCase): number {
  const dilated = (k - 1) * s.d + 1;
  return s.padding === 'SAME' ? n * stride : n * stride + Math.max(dilated - stride, 0);
}

/** The forward convolution `Deconv` is the transpose of: the kernel flipped, its I and O swapped. */
function adjointConv(z: ax.Array, kernel: ax.Array, s: ConvCase): ax.Array {
  const flipped = ax.swapaxes(ax.flip(kernel, [0, 1]), 2, 3);
  const y = ax.convGeneralDilated(ax.expandDims(z, 0), flipped, [s.sh, s.sw], s.padding, {
    rhsDilation: [s.d, s.d],
    dimensionNumbers: ['NHWC', 'HWIO', 'NHWC'],
  });
  return ax.squeeze(y, 0);
}

describe('Deconv shapes', () => {
  it.each([
    [[3, 3], 1, 'SAME', [28, 28, 64]],
    [[5, 5], 1, 'VALID', [32, 32, 64]],
    [[3, 3], 1, 'VALID', [30, 30, 64]],
    [[2, 2], 2, 'VALID', [56, 56, 64]],
    [[3, 3], 2, 'VALID', [57, 57, 64]],
  ] as const)("Oryx's cases on 28x28x1: kernel %j, stride %i, %s -> %j", (kernel, stride, padding, out) => {
    expectShapeOn28x28(nn.Deconv, kernel, stride, padding, out);
  });

  it('output sizes: in * stride for SAME, in * stride + max(dilated kernel - stride, 0) for VALID', () => {
    fc.assert(
      fc.property(small, (s) => {
        const expected = [outSize(s.h, s.kh, s.sh, s), outSize(s.w, s.kw, s.sw, s), s.o];
        const { template, layer } = convCase(nn.Deconv, s);
        expect(template.spec(f32(s.h, s.w, s.c)).shape).toEqual(expected);
        expect(layer.call(ax.zeros([s.h, s.w, s.c])).shape).toEqual(expected);
      }),
      { numRuns: 80 },
    );
  });

  it('has an HWIO kernel [kh, kw, in, out] and a bias, as Conv', () => {
    const layer = nn.Deconv(8, 3, { strides: 2 }).init(key, f32(4, 4, 2));
    expect(layer).toBeInstanceOf(nn.Deconv);
    expect(layer).not.toBeInstanceOf(nn.Conv);
    expect(layer.params.kernel.shape).toEqual([3, 3, 2, 8]);
    expect(layer.params.bias!.shape).toEqual([8]);
    expect(layer.info.transpose).toBe(true);
    expect(String(layer)).toBe('Deconv(8, [3, 3])');
  });
});

describe('Deconv values', () => {
  it('a stride-2 1x1 kernel spreads the input with zeros between (hand-checked)', () => {
    const x = ax.array([
      [[1], [2]],
      [[3], [4]],
    ]);
    const layer = nn.Deconv(1, 1, {
      strides: 2,
      padding: 'SAME',
      kernelInit: nn.initializers.ones,
      useBias: false,
    });
    const y = layer.init(key, x).call(x);
    expect(y.shape).toEqual([4, 4, 1]);
    expect(values(y)).toEqual([1, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4, 0, 0, 0, 0, 0]);
  });

  it('equals a plain loop over the stride-dilated input padded as lax.conv_transpose pads it', () => {
    fc.assert(
      fc.property(small, (s) => {
        const { layer, x } = convCase(nn.Deconv, s, { useBias: false });
        // lax.conv_transpose: a total of k + s - 2 (VALID: plus max(k - s, 0)), k - 1 of it before
        // (SAME with s <= k - 1: the larger half before).
        const pad = (k: number, stride: number): [number, number] => {
          const dk = (k - 1) * s.d + 1;
          const total = s.padding === 'SAME' ? dk + stride - 2 : dk + stride - 2 + Math.max(dk - stride, 0);
          const low = s.padding === 'SAME' && stride <= dk - 1 ? Math.ceil(total / 2) : dk - 1;
          return [low, total - low];
        };
        const expected = convReference(
          values(x),
          x.shape,
          values(layer.params.kernel),
          layer.params.kernel.shape,
          {
            strides: [1, 1],
            pads: [pad(s.kh, s.sh), pad(s.kw, s.sw)],
            dilation: [s.d, s.d],
            inputDilation: [s.sh, s.sw],
          },
        );
        const y = layer.call(x);
        expect(y.shape).toEqual(expected.shape);
        expectClose(y, expected.values, F32);
      }),
      { numRuns: 60 },
    );
  });

  it('is the adjoint of the strided convolution with the flipped, I/O-swapped kernel: <Deconv x, z> = <x, Conv z>', () => {
    fc.assert(
      fc.property(small, (s) => {
        const { layer, x } = convCase(nn.Deconv, s, { useBias: false });
        const y = layer.call(x);
        const z = normalArray(s.seed + 2, y.shape);
        const conv = adjointConv(z, layer.params.kernel, s);
        expect(conv.shape).toEqual(x.shape);
        const lhs = y.mul(z).sum().dataSync()[0]!;
        const rhs = x.mul(conv).sum().dataSync()[0]!;
        expect(Math.abs(lhs - rhs)).toBeLessThan(1e-4 * Math.max(1, Math.abs(lhs)));
      }),
      { numRuns: 60 },
    );
  });
});

describe('Deconv gradients and transformations', () => {
  it('the input gradient is the adjoint convolution of the cotangent; the bias gradient sums it', () => {
    fc.assert(
      fc.property(small, (s) => {
        const { layer, x } = convCase(nn.Deconv, s);
        const ct = normalArray(s.seed + 2, layer.call(x).shape);
        const dx = ax.grad((xi: ax.Array) => layer.call(xi).mul(ct).sum())(x);
        expectClose(dx, adjointConv(ct, layer.params.kernel, s), F32);
        expectClose(layerGradient(layer, x, ct).params.bias!, ax.sum(ct, [0, 1]), F32);
      }),
      { numRuns: 30 },
    );
  });

  it('the kernel gradient matches central differences (the output is linear in the kernel)', () => {
    const layer = nn.Deconv(3, [3, 2], { strides: [2, 1], padding: 'VALID' }).init(key, f32(4, 3, 2));
    expectKernelGradientMatchesDifferences(layer, normalArray(8, [4, 3, 2]), 9);
  });

  it('under vmap, jit and jit(vmap) equals the per-example eager calls', () => {
    const layer = nn.Deconv(4, 3, { strides: 2, padding: 'SAME' }).init(key, f32(3, 4, 2));
    const xs = normalArray(3, [5, 3, 4, 2]);
    const run = (l: nn.DeconvLayer, batch: ax.Array): ax.Array =>
      ax.vmap((xi: ax.Array) => l.call(xi))(batch);
    const looped = ax.stack([0, 1, 2, 3, 4].map((i) => layer.call(ax.take(xs, i, 0))));
    expect(run(layer, xs).shape).toEqual([5, 6, 8, 4]);
    expectClose(run(layer, xs), looped, F32);
    expectClose(ax.jit(run)(layer, xs), looped, F32);
    expectJitMatchesEager(layer, ax.take(xs, 0, 0));
  });
});

describe('Deconv memory', () => {
  it('frees what an eager call computes on the way', () => {
    expectCallKeepsOnlyItsOutput(
      nn.Deconv(3, 2, { strides: 2, padding: 'SAME' }).init(key, f32(3, 3, 2)),
      normalArray(1, [3, 3, 2]),
    );
  });
});

describe('Deconv errors', () => {
  it('a batch given directly says to vmap; channel mismatch, padding and sizes are named', () => {
    expect(() => nn.Deconv(8, 2).spec(f32(10, 4, 4, 1))).toThrow(
      /Deconv: the input float32\[10, 4, 4, 1\] has 4 axes; the layer takes one example of 3 axes; to run a batch, vmap/,
    );
    const layer = nn.Deconv(8, 2).init(key, f32(4, 4, 1));
    expect(() => layer.call(ax.zeros([10, 4, 4, 1]))).toThrow(/Deconv: .* has 4 axes.*vmap/);
    expect(() => layer.call(ax.zeros([4, 4, 3]))).toThrow(
      /Deconv: the input float32\[1, 4, 4, 3\] has 3 channels \(its last axis\), the kernel float32\[2, 2, 1, 8\] expects 1/,
    );
    expect(() => nn.Deconv(8, 2, { padding: 'valid' as 'VALID' }).spec(f32(4, 4, 1))).toThrow(
      /Deconv: padding must be 'SAME' or 'VALID', got "valid"/,
    );
    expect(() => nn.Deconv(-1, 2).spec(f32(4, 4, 1))).toThrow(
      /Deconv: outChannels must be a positive integer, got -1/,
    );
    expect(() => nn.Deconv(8, 2, { strides: [2, 0] }).spec(f32(4, 4, 1))).toThrow(
      /Deconv: strides must be a positive integer, got 0/,
    );
  });
});
