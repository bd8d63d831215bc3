import { ShapeDtype, type ConvParams } from '@addax/core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { getKernel, type TensorInfo } from '@tensorflow/tfjs-core';
import type { GpuKernel, GpuOperand } from './gpu-kernel.js';
import { shapeKernels } from './shape.js';

/** `x` with its axes in `permutation` order (the same texture when that is the identity). */
function permuted(tf: MathBackendWebGL, x: GpuOperand, permutation: readonly number[]): GpuOperand {
  if (permutation.every((a, i) => a === i)) return x;
  const shape = permutation.map((a) => x.shape[a]!);
  const [info] = shapeKernels.transpose!(tf, [x], { permutation } as never, [
    new ShapeDtype(shape, 'float32'),
  ])!;
  return { info: info!, shape, dtype: x.dtype };
}

/**
 * 2-D convolution (one feature group) as tfjs-backend-webgl's Conv2D in NHWC/HWIO: the operands
 * transposed into that layout, XLA's padding (negative too) and lhs dilation (interior padding)
 * applied by our pad shader, then a VALID conv with the strides and rhs dilation, and the result
 * transposed to `outSpec`. Other ranks and grouped convs return undefined (the CPU fallback).
 */
export const conv: GpuKernel = (tf, [lhs, rhs], params, [out]) => {
  const { windowStrides, padding, lhsDilation, rhsDilation, dimensionNumbers, featureGroupCount } =
    params as ConvParams;
  if (windowStrides.length !== 2 || featureGroupCount !== 1) return undefined;
  const { lhsSpec, rhsSpec, outSpec } = dimensionNumbers;
  const temporary: TensorInfo[] = [];
  const keep = (x: GpuOperand, from: GpuOperand): GpuOperand => {
    if (x.info !== from.info) temporary.push(x.info);
    return x;
  };
  const nhwc = keep(permuted(tf, lhs!, [lhsSpec[0]!, lhsSpec[2]!, lhsSpec[3]!, lhsSpec[1]!]), lhs!);
  const config: [number, number, number][] = [
    [0, 0, 0],
    [padding[0]![0], padding[0]![1], lhsDilation[0]! - 1],
    [padding[1]![0], padding[1]![1], lhsDilation[1]! - 1],
    [0, 0, 0],
  ];
  let x = nhwc;
  if (config.some((c) => c.some((v) => v !== 0))) {
    const shape = nhwc.shape.map((d, i) => {
      const [lo, hi, interior] = config[i]!;
      return lo + hi + d + Math.max(d - 1, 0) * interior;
    });
    const zero: TensorInfo = {
      dataId: tf.write(new Float32Array([0]), [1], 'float32'),
      shape: [],
      dtype: 'float32',
    };
    const fill = { info: zero, shape: [], dtype: 'float32' as const };
    const [padded] = shapeKernels.pad!(tf, [nhwc, fill], { config } as never, [
      new ShapeDtype(shape, 'float32'),
    ])!;
    tf.disposeData(zero.dataId);
    x = keep({ info: padded!, shape, dtype: 'float32' }, nhwc);
  }
  const hwio = keep(permuted(tf, rhs!, [rhsSpec[2]!, rhsSpec[3]!, rhsSpec[1]!, rhsSpec[0]!]), rhs!);
  const conv2d = getKernel('Conv2D', 'webgl')!;
  const result = conv2d.kernelFunc({
    inputs: { x: { ...x.info, shape: [...x.shape] }, filter: { ...hwio.info, shape: [...hwio.shape] } },
    backend: tf,
    attrs: { strides: [...windowStrides], pad: 'valid', dataFormat: 'NHWC', dilations: [...rhsDilation] },
  }) as TensorInfo;
  for (const t of temporary) tf.disposeData(t.dataId);
  // NHWC axes (batch, spatial 0, spatial 1, feature) to the output's axes.
  const fromNhwc = new Array<number>(4);
  [0, 3, 1, 2].forEach((axis, k) => (fromNhwc[outSpec[k]!] = axis));
  const y = { info: result, shape: result.shape, dtype: 'float32' as const };
  const final = permuted(tf, y, fromNhwc);
  if (final.info !== result) tf.disposeData(result.dataId);
  return [{ ...final.info, shape: [...out!.shape] }];
};
