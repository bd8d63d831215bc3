import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { expectClose, expectTreeClose, values } from '../close.js';
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
import { convReference, windowPadding } from './window-reference.js';

const key = ax.random.key(0);

// Inputs up to 6x6x3, kernels up to 3x3 (dilation up to 2); values N(0, 1): a dot of <= 27
// products plus a bias stays within F32 of the float64 loop.
const small = convCases(6, 3);

/** Whether a VALID kernel (dilated) fits the input; SAME always does. */
function fits({ h, w, kh, kw, d, padding }: ConvCase): boolean {
  return padding === 'SAME' || (h >= (kh - 1) * d + 1 && w >= (kw - 1) * d + 1);
}

/** The core's own NHWC convolution of one example, as the layer should compute it. */
function coreConv(x: ax.Array, kernel: ax.Array, bias: ax.Array, s: ConvCase): ax.Array {
  const y = ax.convGeneralDilated(ax.expandDims(x, 0), kernel, [s.sh, s.sw], s.padding, {
    rhsDilation: [s.d, s.d],
    dimensionNumbers: ['NHWC', 'HWIO', 'NHWC'],
  });
  return ax.squeeze(y, 0).add(bias);
}

describe('Conv shapes', () => {
  it.each([
    [[3, 3], 1, 'SAME', [28, 28, 64]],
    [[5, 5], 1, 'VALID', [24, 24, 64]],
    [[3, 3], 1, 'VALID', [26, 26, 64]],
    [[2, 2], 2, 'VALID', [14, 14, 64]],
    [[3, 3], 2, 'VALID', [13, 13, 64]],
  ] as const)("Oryx's cases on 28x28x1: kernel %j, stride %i, %s -> %j", (kernel, stride, padding, out) => {
    expectShapeOn28x28(nn.Conv, kernel, stride, padding, out);
  });

  it('output sizes: ceil(in / stride) for SAME, floor((in - dilated kernel) / stride) + 1 for VALID', () => {
    fc.assert(
      fc.property(small, (s) => {
        fc.pre(fits(s));
        const size = (n: number, k: number, st: number): number =>
          s.padding === 'SAME' ? Math.ceil(n / st) : Math.floor((n - ((k - 1) * s.d + 1)) / st) + 1;
        const expected = [size(s.h, s.kh, s.sh), size(s.w, s.kw, s.sw), s.o];
        const { template, layer } = convCase(nn.Conv, s);
        expect(template.spec(f32(s.h, s.w, s.c)).shape).toEqual(expected);
        expect(layer.call(ax.zeros([s.h, s.w, s.c])).shape).toEqual(expected);
      }),
      { numRuns: 80 },
    );
  });

  it('draws an HWIO kernel with glorotNormal and a [out] bias with normal(1e-6) from split keys, as Oryx', () => {
    const layer = nn.Conv(8, 3).init(key, f32(6, 6, 2));
    expect(layer).toBeInstanceOf(nn.Conv);
    expect(layer).not.toBeInstanceOf(nn.Deconv);
    expect(layer.params.kernel.shape).toEqual([3, 3, 2, 8]);
    expect(layer.params.bias!.shape).toEqual([8]);
    const [kernelKey, biasKey] = ax.random.unstackKeys(ax.random.split(key));
    expectClose(layer.params.kernel, nn.initializers.glorotNormal()(kernelKey!, [3, 3, 2, 8]), F32);
    expectClose(layer.params.bias!, nn.initializers.normal(1e-6)(biasKey!, [8]), F32);
    expect(layer.info).toEqual({
      strides: [1, 1],
      padding: 'VALID',
      dilation: [1, 1],
      useBias: true,
      transpose: false,
    });
    expect(layer.inChannels).toBe(2);
    expect(layer.outChannels).toBe(8);
    expect(String(layer)).toBe('Conv(8, [3, 3])');
  });

  it('useBias: false has only a kernel, and kernelInit/biasInit are used', () => {
    const plain = nn.Conv(4, 2, { useBias: false, kernelInit: nn.initializers.ones }).init(key, f32(3, 3, 1));
    expect(Object.keys(plain.params)).toEqual(['kernel']);
    expect(values(plain.call(ax.ones([3, 3, 1])))).toEqual(new globalThis.Array(16).fill(4));
    const shifted = nn.Conv(1, 1, { biasInit: nn.initializers.constant(2) }).init(key, f32(1, 1, 1));
    expect(values(shifted.params.bias!)).toEqual([2]);
  });
});

describe('Conv values', () => {
  it('equals a plain loop over the (dilated, padded) windows, plus the bias', () => {
    fc.assert(
      fc.property(small, (s) => {
        fc.pre(fits(s));
        const { layer, x } = convCase(nn.Conv, s, { biasInit: nn.initializers.normal(1) });
        const expected = convReference(
          values(x),
          x.shape,
          values(layer.params.kernel),
          layer.params.kernel.shape,
          {
            strides: [s.sh, s.sw],
            pads: [
              windowPadding(s.padding, s.h, (s.kh - 1) * s.d + 1, s.sh),
              windowPadding(s.padding, s.w, (s.kw - 1) * s.d + 1, s.sw),
            ],
            dilation: [s.d, s.d],
            inputDilation: [1, 1],
          },
        );
        const bias = values(layer.params.bias!);
        const y = layer.call(x);
        expect(y.shape).toEqual(expected.shape);
        expectClose(
          y,
          expected.values.map((v, i) => v + bias[i % s.o]!),
          F32,
        );
      }),
      { numRuns: 60 },
    );
  });

  it('a 1-D kernel on [L, C] equals the 2-D convolution of the same data as a [1, L, C] image', () => {
    const x = normalArray(2, [9, 3]);
    const conv1d = nn.Conv(4, [3], { strides: 2, padding: 'SAME' }).init(key, x);
    const conv2d = nn.Conv(4, [1, 3], { strides: [1, 2], padding: 'SAME' }).init(key, f32(1, 9, 3));
    const same2d = conv2d.replace({
      params: { kernel: conv1d.params.kernel.reshape([1, 3, 3, 4]), bias: conv1d.params.bias! },
    });
    expect(conv1d.params.kernel.shape).toEqual([3, 3, 4]);
    expectClose(conv1d.call(x), same2d.call(x.reshape([1, 9, 3])).reshape([5, 4]), F32);
  });
});

describe('Conv gradients and transformations', () => {
  it("the gradient with respect to the layer and the input equals the core conv's vjp", () => {
    fc.assert(
      fc.property(small, (s) => {
        fc.pre(fits(s));
        const { layer, x } = convCase(nn.Conv, s, { biasInit: nn.initializers.normal(1) });
        const { kernel, bias } = layer.params;
        const [y, pullback] = ax.vjp(
          (xi: ax.Array, k: ax.Array, b: ax.Array) => coreConv(xi, k, b, s),
          x,
          kernel,
          bias!,
        );
        const ct = normalArray(s.seed + 2, y.shape);
        const [dx, dk, db] = pullback(ct) as ax.Array[];
        const g = layerGradient(layer, x, ct);
        expectTreeClose(g.params, { kernel: dk, bias: db }, F32);
        expectClose(ax.grad((xi: ax.Array) => layer.call(xi).mul(ct).sum())(x), dx!, F32);
      }),
      { numRuns: 30 },
    );
  });

  it('the kernel gradient matches central differences (the output is linear in the kernel)', () => {
    const layer = nn.Conv(3, [3, 2], { strides: [2, 1], padding: 'SAME' }).init(key, f32(5, 4, 2));
    expectKernelGradientMatchesDifferences(layer, normalArray(8, [5, 4, 2]), 9);
  });

  it('under vmap an NHWC batch gives the per-example results, and the gradient sums over it', () => {
    const layer = nn.Conv(5, [3, 2], { strides: [1, 2], padding: 'SAME' }).init(key, f32(6, 5, 3));
    const xs = normalArray(3, [4, 6, 5, 3]);
    const batched = ax.vmap((x: ax.Array) => layer.call(x))(xs);
    expect(batched.shape).toEqual([4, 6, 3, 5]);
    const each = [0, 1, 2, 3].map((i) => ax.take(xs, i, 0));
    expectClose(batched, ax.stack(each.map((x) => layer.call(x))), F32);
    const ct = normalArray(4, [6, 3, 5]);
    const g = ax.grad((l: nn.ConvLayer) =>
      ax
        .vmap((x: ax.Array) => l.call(x))(xs)
        .mul(ct)
        .sum(),
    )(layer);
    const perExample = each.map((x) => layerGradient(layer, x, ct).params);
    const total = (part: (p: nn.ConvParams) => ax.Array): ax.Array =>
      ax.sum(ax.stack(perExample.map(part)), 0);
    expectTreeClose(g.params, { kernel: total((p) => p.kernel), bias: total((p) => p.bias!) }, F32);
  });

  it('under jit and jit(vmap) equals the eager call', () => {
    const layer = nn.Conv(3, 3, { strides: 2, padding: 'SAME' }).init(key, f32(7, 7, 2));
    const x = normalArray(5, [7, 7, 2]);
    expectJitMatchesEager(layer, x);
    const xs = normalArray(6, [3, 7, 7, 2]);
    const run = (l: nn.ConvLayer, batch: ax.Array): ax.Array => ax.vmap((xi: ax.Array) => l.call(xi))(batch);
    expectClose(ax.jit(run)(layer, xs), run(layer, xs), F32);
  });
});

describe('Conv memory', () => {
  it('frees what an eager call computes on the way', () => {
    expectCallKeepsOnlyItsOutput(
      nn.Conv(3, 2, { strides: 2, padding: 'SAME' }).init(key, f32(5, 5, 2)),
      normalArray(1, [5, 5, 2]),
    );
  });
});

describe('Conv errors', () => {
  it('a batch given directly says to vmap, at spec, init and call', () => {
    const message =
      /Conv: the input float32\[10, 28, 28, 1\] has 4 axes; the layer takes one example of 3 axes; to run a batch, vmap/;
    expect(() => nn.Conv(8, 3).spec(f32(10, 28, 28, 1))).toThrow(message);
    expect(() => nn.Conv(8, 3).init(key, f32(10, 28, 28, 1))).toThrow(message);
    const layer = nn.Conv(8, 3).init(key, f32(28, 28, 1));
    expect(() => layer.call(ax.zeros([10, 28, 28, 1]))).toThrow(message);
    expect(() => layer.call(ax.zeros([28, 28]))).toThrow(
      /Conv: the input float32\[28, 28\] has 2 axes; the layer takes one example of 3 axes$/,
    );
  });

  it('names a channel mismatch between the input and the kernel', () => {
    const layer = nn.Conv(8, 3).init(key, f32(6, 6, 3));
    expect(() => layer.call(ax.zeros([6, 6, 2]))).toThrow(
      /Conv: the input float32\[1, 6, 6, 2\] has 2 channels \(its last axis\), the kernel float32\[3, 3, 3, 8\] expects 3/,
    );
  });

  it('names bad padding, non-positive sizes, a kernel that does not fit and a non-float input', () => {
    const s = f32(4, 4, 1);
    expect(() => nn.Conv(8, 3, { padding: 'FULL' as 'SAME' }).spec(s)).toThrow(
      /Conv: padding must be 'SAME' or 'VALID', got "FULL"/,
    );
    expect(() => nn.Conv(0, 3).spec(s)).toThrow(/Conv: outChannels must be a positive integer, got 0/);
    expect(() => nn.Conv(2.5, 3).spec(s)).toThrow(/Conv: outChannels must be a positive integer, got 2.5/);
    expect(() => nn.Conv(8, [3, 0]).spec(s)).toThrow(/Conv: kernelSize must be a positive integer, got 0/);
    expect(() => nn.Conv(8, []).spec(s)).toThrow(
      /Conv: kernelSize must be a positive integer or a non-empty list/,
    );
    expect(() => nn.Conv(8, 3, { strides: 0 }).spec(s)).toThrow(
      /Conv: strides must be a positive integer, got 0/,
    );
    expect(() => nn.Conv(8, 3, { dilation: [1, 2, 3] }).spec(s)).toThrow(
      /Conv: dilation must be a positive integer or 2 of them/,
    );
    expect(() => nn.Conv(8, 3, { dilation: 2 }).spec(s)).toThrow(
      /Conv: the kernel \[3, 3\] \(dilation \[2, 2\]\) does not fit the input float32\[4, 4, 1\] with padding VALID/,
    );
    expect(() => nn.Conv(8, 3).spec(new ax.ShapeDtype([4, 4, 1], 'int32'))).toThrow(
      /Conv: the input must be float32/,
    );
  });
});
