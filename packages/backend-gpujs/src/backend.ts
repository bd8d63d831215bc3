import type { Backend, Kernel, KernelArg, KernelTable, ShapeDtype, TypedArray } from '@addax/core';
import { createCpuBackend } from '@addax/backend-cpu';
import type { GpujsBuffer } from './buffer.js';
import { defaultMode, Device, type GpujsMode } from './device.js';
import { elementwiseKernels } from './kernels/elementwise.js';
import { DECLARED_FALLBACKS, runOnCpu } from './kernels/fallback.js';
import { indexingKernels } from './kernels/indexing.js';
import { allOnDevice, type GpuKernel, type GpuKernels } from './kernels/kernel.js';
import { linalgKernels } from './kernels/linalg.js';
import { randomKernels } from './kernels/random.js';
import { reductionKernels } from './kernels/reductions.js';
import { shapeKernels } from './kernels/shape.js';
import { sortKernels } from './kernels/sort.js';
import { windowKernels } from './kernels/windows.js';
import { Runtime } from './runtime.js';
import { gpujsFusion } from './fusion.js';

/** Options of {@link createGpujsBackend}. */
export interface GpujsBackendOptions {
  /** The gpu.js mode; default WebGL2 in a browser, headless-gl in Node. */
  readonly mode?: GpujsMode;
}

/** What a gpujs backend reports about itself beyond the Backend interface (for tests and leak checks). */
export interface GpujsBackend extends Backend<GpujsBuffer> {
  readonly mode: GpujsMode;
  /** Live textures held by arrays, compiled kernels, and CPU fallback calls per primitive. */
  stats(): { textures: number; kernels: number; fallbacks: Readonly<Record<string, number>> };
}

/**
 * A backend whose kernels are gpu.js kernels (GLSL shaders), checked to run in the mode asked
 * for: gpu.js's silent fallback to another mode is an error here.
 *
 * @example
 * ```ts
 * import * as ax from '@addax/core';
 * import { createGpujsBackend } from '@addax/backend-gpujs';
 * ax.registerBackend('gpujs-webgl2', () => createGpujsBackend({ mode: 'webgl2' }));
 * ```
 */
export function createGpujsBackend(options: GpujsBackendOptions = {}): GpujsBackend {
  const mode = options.mode ?? defaultMode();
  const rt = new Runtime(new Device(mode));
  const cpu = createCpuBackend().kernels as Record<string, Kernel<never, TypedArray> | undefined>;
  const gpu: GpuKernels = {
    ...elementwiseKernels,
    ...shapeKernels,
    ...reductionKernels,
    ...linalgKernels,
    ...randomKernels,
    ...windowKernels,
    ...sortKernels,
    ...indexingKernels(cpu as KernelTable<TypedArray>),
  };
  const kernels: Record<string, Kernel<never, GpujsBuffer>> = {};
  const names = new Set([...Object.keys(gpu), ...DECLARED_FALLBACKS]);
  for (const name of names) {
    const onGpu = (gpu as Record<string, GpuKernel<never> | undefined>)[name];
    const reference = cpu[name];
    if (!reference) throw new Error(`backend 'gpujs': backend-cpu has no '${name}' kernel to fall back to`);
    kernels[name] = (
      operands: readonly KernelArg<GpujsBuffer>[],
      params: never,
      outputs: readonly ShapeDtype[],
    ) =>
      onGpu && (onGpu.accepts ?? allOnDevice)(operands, outputs)
        ? onGpu.run(rt, operands, params, outputs)
        : runOnCpu(rt, name, reference, operands, params, outputs);
  }
  return {
    name: 'gpujs',
    description: `gpu.js ${mode} (${Object.keys(gpu).length} device kernels; CPU fallback for int32/uint32 and ${DECLARED_FALLBACKS.join(', ')})`,
    mode,
    kernels: kernels as unknown as KernelTable<GpujsBuffer>,
    upload: (data, dtype) => rt.upload(data, dtype),
    read: (buffer, dtype) => Promise.resolve(rt.readSync(buffer, dtype)),
    readSync: (buffer, dtype) => rt.readSync(buffer, dtype),
    dispose: (buffer) => rt.dispose(buffer),
    fusion: gpujsFusion(rt),
    // headless-gl's llvmpipe and chromium's SwiftShader both flush subnormals in shader arithmetic.
    flushesSubnormals: true,
    cpuFallbacks: DECLARED_FALLBACKS,
    stats: () => ({
      textures: rt.liveTextures,
      kernels: rt.cache.size,
      fallbacks: Object.fromEntries(rt.fallbacks),
    }),
  };
}
