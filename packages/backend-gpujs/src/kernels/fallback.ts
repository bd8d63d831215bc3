import {
  allocTyped,
  flushSubnormals,
  type Kernel,
  type KernelArg,
  type ShapeDtype,
  type TypedArray,
} from '@addax/core';
import type { GpujsBuffer } from '../buffer.js';
import type { Runtime } from '../runtime.js';

/**
 * Runs the CPU reference's kernel on this backend's buffers: device operands are read back, and
 * float32 and bool results uploaded. Each call is counted per primitive (`Runtime.fallbacks`).
 * This is the declared fallback for integer dtypes and for the primitives listed in
 * `DECLARED_FALLBACKS`.
 */
export function runOnCpu(
  rt: Runtime,
  name: string,
  cpu: Kernel<never, TypedArray>,
  operands: readonly KernelArg<GpujsBuffer>[],
  params: unknown,
  outputs: readonly ShapeDtype[],
): GpujsBuffer[] {
  rt.fallbacks.set(name, (rt.fallbacks.get(name) ?? 0) + 1);
  // Computed as the kernels here do: with float32 subnormals flushed in and out, so that a value
  // one kernel sees as zero is zero to the next.
  const hostOperands = operands.map((o) => ({
    ...o,
    buffer:
      o.buffer.kind === 'empty'
        ? allocTyped(o.dtype, 0)
        : flushSubnormals(rt.readSync(o.buffer, o.dtype), o.dtype),
  }));
  return cpu(hostOperands, params as never, outputs).map((data, k) =>
    rt.upload(flushSubnormals(data, outputs[k]!.dtype), outputs[k]!.dtype),
  );
}

/**
 * Primitives whose float32 results the device cannot give exactly or within their tolerance here,
 * so they run on the CPU reference whatever their dtype (see docs/backend-gpujs.md).
 */
export const DECLARED_FALLBACKS = [
  'bitcast',
  'shiftLeft',
  'shiftRightLogical',
  'shiftRightArithmetic',
] as const;
