import type { ShapeDtype } from '@addax/core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import type { TensorInfo } from '@tensorflow/tfjs-core';

/** What a GPU kernel sees: tfjs's backend, and each operand as float32 texture data with its shape. */
export interface GpuOperand {
  readonly info: TensorInfo;
  readonly shape: readonly number[];
  readonly dtype: ShapeDtype['dtype'];
}

/**
 * A kernel on textures. It returns undefined for a case it does not take (more axes than tfjs's
 * samplers address, say), which then runs on the CPU reference like the declared fallbacks.
 */
export type GpuKernel = (
  tf: MathBackendWebGL,
  operands: readonly GpuOperand[],
  params: never,
  outputs: readonly ShapeDtype[],
) => TensorInfo[] | undefined;
