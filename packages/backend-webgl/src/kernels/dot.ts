import { ShapeDtype, sizeOf, type DotGeneralParams } from '@addax/core';
import { getKernel, type TensorInfo } from '@tensorflow/tfjs-core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { shapeKernels } from './shape.js';
import type { GpuKernel, GpuOperand } from './gpu-kernel.js';

const isIdentity = (perm: readonly number[]): boolean => perm.every((a, i) => a === i);

/**
 * The operand as `[batch, rows, cols]` with its axes in `order` (batch, then the two groups), or in
 * the order with the two groups swapped (`swapped`: tfjs's matmul then transposes on the fly); a
 * transpose shader only when neither order is the operand's own.
 */
function asMatrices(
  tf: MathBackendWebGL,
  x: GpuOperand,
  batch: readonly number[],
  first: readonly number[],
  second: readonly number[],
): { info: TensorInfo; swapped: boolean; temporary: boolean } {
  const size = (axes: readonly number[]): number => sizeOf(axes.map((a) => x.shape[a]!));
  const straight = [...batch, ...first, ...second];
  const swappedOrder = [...batch, ...second, ...first];
  if (isIdentity(straight)) {
    return {
      info: withShape(x.info, [size(batch), size(first), size(second)]),
      swapped: false,
      temporary: false,
    };
  }
  if (isIdentity(swappedOrder)) {
    return {
      info: withShape(x.info, [size(batch), size(second), size(first)]),
      swapped: true,
      temporary: false,
    };
  }
  const shape = straight.map((a) => x.shape[a]!);
  const [t] = shapeKernels.transpose!(tf, [x], { permutation: straight } as never, [
    new ShapeDtype(shape, 'float32'),
  ])!;
  return { info: withShape(t!, [size(batch), size(first), size(second)]), swapped: false, temporary: true };
}

function withShape(info: TensorInfo, shape: number[]): TensorInfo {
  return { dataId: info.dataId, shape, dtype: 'float32' };
}

/** dotGeneral as tfjs-backend-webgl's BatchMatMul over `[batch, M, K] x [batch, K, N]` views. */
export const dotGeneral: GpuKernel = (tf, [lhs, rhs], params, [out]) => {
  const { contractingDims, batchDims } = params as DotGeneralParams;
  const free = (x: GpuOperand, used: readonly number[]): number[] =>
    x.shape.map((_, a) => a).filter((a) => !used.includes(a));
  const [lc, rc] = contractingDims;
  const [lb, rb] = batchDims;
  const a = asMatrices(tf, lhs!, lb, free(lhs!, [...lb, ...lc]), lc);
  const b = asMatrices(tf, rhs!, rb, rc, free(rhs!, [...rb, ...rc]));
  const matmul = getKernel('BatchMatMul', 'webgl')!;
  const result = matmul.kernelFunc({
    inputs: { a: a.info, b: b.info },
    backend: tf,
    attrs: { transposeA: a.swapped, transposeB: b.swapped },
  }) as TensorInfo;
  for (const m of [a, b]) if (m.temporary) tf.disposeData(m.info.dataId);
  return [withShape(result, [...out!.shape])];
};
