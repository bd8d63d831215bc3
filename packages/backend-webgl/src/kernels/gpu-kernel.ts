import type { KernelArg, ShapeDtype } from '@addax/core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGLData } from '../data.js';

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

/**
 * A kernel that takes the operands where they live (int32 and uint32 arrays on the host, see
 * data.ts) and returns each output as a texture or a host array: for the primitives whose integer
 * operands or outputs are not indices a float texture holds exactly. The backend hands it only
 * non-empty operands and outputs; it returns undefined for a case it does not take, which then
 * runs on the CPU reference.
 */
export type HostKernel = (
  tf: MathBackendWebGL,
  operands: readonly KernelArg<WebGLData>[],
  params: never,
  outputs: readonly ShapeDtype[],
) => WebGLData[] | undefined;
