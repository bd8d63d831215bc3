import type { KernelArg, PrimitiveName, PrimitiveParams, ShapeDtype } from '@addax/core';
import { onDevice, type GpujsBuffer } from '../buffer.js';
import type { Runtime } from '../runtime.js';

/** A kernel on the device; `accepts` says whether these dtypes can run on it. */
export interface GpuKernel<P> {
  readonly run: (
    rt: Runtime,
    operands: readonly KernelArg<GpujsBuffer>[],
    params: P,
    outputs: readonly ShapeDtype[],
  ) => GpujsBuffer[];
  readonly accepts?: (operands: readonly KernelArg<GpujsBuffer>[], outputs: readonly ShapeDtype[]) => boolean;
}

export type GpuKernels = { readonly [N in PrimitiveName]?: GpuKernel<PrimitiveParams[N]> };

/** The default: every operand and output lives on the device (float32 or bool). */
export function allOnDevice(
  operands: readonly { dtype: ShapeDtype['dtype'] }[],
  outputs: readonly ShapeDtype[],
): boolean {
  return operands.every((o) => onDevice(o.dtype)) && outputs.every((o) => onDevice(o.dtype));
}
