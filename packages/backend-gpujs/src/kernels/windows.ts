import type { ConvParams, KernelArg, ReduceWindowParams, ShapeDtype } from '@addax/core';
import type { GpujsBuffer } from '../buffer.js';
import { indexFunction, lit, strides, windowTapFunction } from '../glsl.js';
import { FLOAT_OPS } from '../ops.js';
import type { Runtime } from '../runtime.js';
import { bodyFunction } from './elementwise.js';
import type { GpuKernels } from './kernel.js';

const product = (xs: readonly number[]): number => xs.reduce((p, d) => p * d, 1);
// A conv tap's term: padding and dilation holes are 0 times the kernel value, NaN for an infinite
// or NaN one as in XLA, spelled out because the shader compiler folds a literal 0.0 * w to 0.
const TAP_PRODUCT = bodyFunction(
  'tapProduct',
  3,
  'x0 < 0.0 ? (abs(x2) <= 3.4028234663852886e38 ? 0.0 : nan) : x1 * x2',
);
// Where a tap outside the operand reads instead (its value is then ignored).
const CLAMP_TAP = 'float clampTap(float tap) { return max(tap, 0.0); }';

/** A window reduction: each output element folds its window's in-range elements (padding is the identity). */
function reduceWindow(
  rt: Runtime,
  x: KernelArg<GpujsBuffer>,
  p: ReduceWindowParams,
  out: ShapeDtype,
  init: string,
  step: string,
): GpujsBuffer {
  const st = strides(x.shape);
  const tap = windowTapFunction(
    'tap',
    out.shape,
    p.windowDimensions,
    x.shape.map((size, a) => ({
      out: a,
      window: a,
      stride: p.windowStrides[a]!,
      padLow: p.padding[a]![0],
      baseDilation: p.baseDilation[a]!,
      windowDilation: p.windowDilation[a]!,
      size,
      inStride: st[a]!,
    })),
  );
  const main =
    `let acc = foldInit(NAN, INF); ` +
    `for (let j = 0; j < ${product(p.windowDimensions)}; j++) { const t = tap(i, j); ` +
    `acc = foldTap(acc, a0[clampTap(t)], t, NAN, INF); } return acc;`;
  const foldTap = bodyFunction('foldTap', 3, `x2 < 0.0 ? x0 : ${step}`);
  return rt.run({ main, natives: [tap, CLAMP_TAP, bodyFunction('foldInit', 0, init), foldTap] }, out.size, [
    rt.input(x),
  ]);
}

/**
 * conv: each output element sums its feature group's input features times the kernel over the
 * kernel's positions; padding and lhs-dilation holes read as 0 and are multiplied like any value,
 * as in XLA (so `0 * Infinity` is NaN there too: see TAP_PRODUCT).
 */
function conv(
  rt: Runtime,
  lhs: KernelArg<GpujsBuffer>,
  rhs: KernelArg<GpujsBuffer>,
  p: ConvParams,
  out: ShapeDtype,
): GpujsBuffer {
  const { lhsSpec, rhsSpec, outSpec } = p.dimensionNumbers;
  const ls = strides(lhs.shape);
  const rs = strides(rhs.shape);
  const groupIn = rhs.shape[rhsSpec[1]!]!;
  const groupOut = out.shape[outSpec[1]!]! / p.featureGroupCount;
  const kernelSpatial = rhsSpec.slice(2).map((a) => rhs.shape[a]!);
  // Window coordinates: k0 the group's input feature, k1... the kernel's spatial position.
  const windowShape = [groupIn, ...kernelSpatial];
  const tap = windowTapFunction(
    'tap',
    out.shape,
    windowShape,
    kernelSpatial.map((_, d) => ({
      out: outSpec[2 + d]!,
      window: 1 + d,
      stride: p.windowStrides[d]!,
      padLow: p.padding[d]![0],
      baseDilation: p.lhsDilation[d]!,
      windowDilation: p.rhsDilation[d]!,
      size: lhs.shape[lhsSpec[2 + d]!]!,
      inStride: ls[lhsSpec[2 + d]!]!,
    })),
  );
  const baseX = indexFunction(
    'baseX',
    out.shape,
    (c) =>
      `${c[outSpec[0]!]!} * ${lit(ls[lhsSpec[0]!]!)} + floor((${c[outSpec[1]!]!} + 0.5) / ${lit(groupOut)}) * ${lit(groupIn * ls[lhsSpec[1]!]!)}`,
  );
  const baseW = indexFunction('baseW', out.shape, (c) => `${c[outSpec[1]!]!} * ${lit(rs[rhsSpec[0]!]!)}`);
  const offW = indexFunction('offW', windowShape, (k) =>
    [
      `${k[0]!} * ${lit(rs[rhsSpec[1]!]!)}`,
      ...kernelSpatial.map((_, d) => `${k[1 + d]!} * ${lit(rs[rhsSpec[2 + d]!]!)}`),
    ].join(' + '),
  );
  const offX = indexFunction('offX', windowShape, (k) => `${k[0]!} * ${lit(ls[lhsSpec[1]!]!)}`);
  const main =
    `const bx = baseX(i); const bw = baseW(i); let acc = zero(NAN, INF); ` +
    `for (let j = 0; j < ${product(windowShape)}; j++) { const t = tap(i, j); ` +
    `acc += tapProduct(t, a0[bx + offX(j) + clampTap(t)], a1[bw + offW(j)], NAN, INF); } return acc;`;
  const zero = bodyFunction('zero', 0, '0.0');
  return rt.run({ main, natives: [tap, baseX, baseW, offW, offX, TAP_PRODUCT, CLAMP_TAP, zero] }, out.size, [
    rt.input(lhs),
    rt.input(rhs),
  ]);
}

/** conv and the window reductions, each output element one loop over its window. */
export const windowKernels: GpuKernels = {
  conv: { run: (rt, [lhs, rhs], p, [out]) => [conv(rt, lhs!, rhs!, p, out!)] },
  reduceWindowSum: { run: (rt, [x], p, [out]) => [reduceWindow(rt, x!, p, out!, '0.0', 'x0 + x1')] },
  reduceWindowMax: {
    run: (rt, [x], p, [out]) => [
      x!.dtype === 'bool'
        ? reduceWindow(rt, x!, p, out!, '0.0', 'max(x0, x1)')
        : reduceWindow(rt, x!, p, out!, '-inf', FLOAT_OPS.max!(['x0', 'x1'])),
    ],
  },
};
