import { expect } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import * as nn from '@addax/nn';
import { layerGradient, normalArray } from './layer-checks.js';

export const f32 = (...shape: number[]): ax.ShapeDtype => new ax.ShapeDtype(shape, 'float32');

/** A small 2-D convolution: an `h x w x c` example, `o` output channels, kernel, strides, dilation. */
export interface ConvCase {
  readonly h: number;
  readonly w: number;
  readonly c: number;
  readonly o: number;
  readonly kh: number;
  readonly kw: number;
  readonly sh: number;
  readonly sw: number;
  readonly d: number;
  readonly padding: 'SAME' | 'VALID';
  readonly seed: number;
}

/**
 * Cases with inputs up to `maxInput` per spatial axis, up to 3 channels in and out, kernels up to
 * `maxKernel` with dilation up to 2, strides up to 3, both paddings.
 */
export function convCases(maxInput: number, maxKernel: number): fc.Arbitrary<ConvCase> {
  const upTo = (max: number): fc.Arbitrary<number> => fc.integer({ min: 1, max });
  return fc.record({
    h: upTo(maxInput),
    w: upTo(maxInput),
    c: upTo(3),
    o: upTo(3),
    kh: upTo(maxKernel),
    kw: upTo(maxKernel),
    sh: upTo(3),
    sw: upTo(3),
    d: upTo(2),
    padding: fc.constantFrom('SAME' as const, 'VALID' as const),
    seed: fc.nat(1000),
  });
}

type ConvFactory = typeof nn.Conv | typeof nn.Deconv;

/** The template of case `s` (`options` added), its layer drawn from the case's seed, and an input. */
export function convCase<F extends ConvFactory>(
  factory: F,
  s: ConvCase,
  options: nn.ConvOptions = {},
): { template: ReturnType<F>; layer: InstanceType<F['layer']>; x: ax.Array } {
  const template = factory(s.o, [s.kh, s.kw], {
    strides: [s.sh, s.sw],
    padding: s.padding,
    dilation: s.d,
    ...options,
  }) as ReturnType<F>;
  const layer = template.init(ax.random.key(s.seed), f32(s.h, s.w, s.c)) as InstanceType<F['layer']>;
  return { template, layer, x: normalArray(s.seed + 1, [s.h, s.w, s.c]) };
}

/** Oryx's shape checks on a 28x28x1 example: the spec and the call's output both have shape `out`. */
export function expectShapeOn28x28(
  factory: ConvFactory,
  kernel: readonly number[],
  stride: number,
  padding: 'SAME' | 'VALID',
  out: readonly number[],
): void {
  const template = factory(64, kernel, { strides: stride, padding });
  expect(template.spec(f32(28, 28, 1)).shape).toEqual(out);
  const layer = template.init(ax.random.key(0), f32(28, 28, 1));
  expect(layer.call(normalArray(1, [28, 28, 1])).shape).toEqual(out);
}

/**
 * Asserts that the kernel gradient of `sum(layer(x) * ct)` along a random direction matches the
 * central difference. The output is linear in the kernel, so the quotient is exact but for float32
 * rounding of sums of order 10: 1e-4 relative.
 */
export function expectKernelGradientMatchesDifferences(
  layer: nn.ConvolutionLayer,
  x: ax.Array,
  seed: number,
): void {
  const ct = normalArray(seed, layer.call(x).shape);
  const direction = normalArray(seed + 1, layer.params.kernel.shape);
  const loss = (k: ax.Array): number =>
    layer
      .replace({ params: { ...layer.params, kernel: k } })
      .call(x)
      .mul(ct)
      .sum()
      .dataSync()[0]!;
  const eps = 0.5;
  const k = layer.params.kernel;
  const numeric = (loss(k.add(direction.mul(eps))) - loss(k.sub(direction.mul(eps)))) / (2 * eps);
  const analytic = layerGradient(layer, x, ct).params.kernel.mul(direction).sum().dataSync()[0]!;
  expect(Math.abs(numeric - analytic)).toBeLessThan(1e-4 * Math.max(1, Math.abs(analytic)));
}
