import {
  BackendError,
  flushSubnormals,
  sizeOf,
  type Backend,
  type DType,
  type Kernel,
  type KernelArg,
  type KernelTable,
  type Shape,
  type ShapeDtype,
  type TypedArray,
} from '@addax/core';
import { createCpuBackend } from '@addax/backend-cpu';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { createDevice } from './context.js';
import { onGpu, SHADOWED_SIZE, toDtypeArray, withTextures, type WebGLData } from './data.js';
import { CPU_FALLBACKS } from './fallback.js';
import { webglFusion } from './fusion/compile.js';
import { gpuKernels, hostKernels } from './kernels/index.js';
import type { GpuKernel, HostKernel } from './kernels/gpu-kernel.js';
import type { WebGLMemory } from './memory.js';

/** Operands that may be host integer arrays on the GPU path, by primitive: the indices. */
const INDEX_OPERANDS: Readonly<Record<string, readonly number[]>> = { gather: [1], scatterAdd: [1] };

/** The webgl backend, with what it holds and how it has run. */
export interface WebGLBackend extends Backend<WebGLData> {
  /** 1 (headless-gl in Node) or 2 (a browser). */
  readonly webGLVersion: 1 | 2;
  /** tfjs-backend-webgl's backend this one drives (for tools and benchmarks). */
  readonly tfBackend: MathBackendWebGL;
  /** Live textures and host arrays, and the CPU fallbacks taken so far. */
  memory(): WebGLMemory;
}

/**
 * Creates the backend on a GL context of its own: WebGL2 in a browser, headless-gl's WebGL1 in
 * Node (under an X display). Throws a BackendError naming what is missing when neither can start.
 *
 * @example
 * ```ts
 * import * as ax from '@addax/core';
 * import '@addax/backend-webgl'; // registers 'webgl' and makes it the default where it starts
 * ax.getBackend().name; // 'webgl'
 * ```
 */
export function createWebGLBackend(): WebGLBackend {
  const device = createDevice();
  const tf = device.tfBackend;
  const cpu = createCpuBackend().kernels as Readonly<Record<string, Kernel<never, TypedArray> | undefined>>;
  const fallbacks: Record<string, number> = {};
  let hostBuffers = 0;

  const host = (data: TypedArray): WebGLData => {
    hostBuffers++;
    return { kind: 'host', data };
  };
  const texture = (info: TensorInfo): WebGLData => ({ kind: 'texture', info });
  const toTexture = (data: TypedArray, shape: Shape): WebGLData => ({
    kind: 'texture',
    info: {
      dataId: tf.write(Float32Array.from(data), [...shape], 'float32'),
      shape: [...shape],
      dtype: 'float32',
    },
    ...(data.length <= SHADOWED_SIZE ? { values: data.slice() } : {}),
  });
  // An uploaded bool (a mask the user made, a constant of a jitted function) starts on the host,
  // where integer ops can use it without a read back; a GPU kernel takes it as a temporary texture.
  const upload = (data: TypedArray, dtype: DType, shape: Shape): WebGLData =>
    dtype === 'float32' && onGpu(dtype, shape) ? toTexture(data, shape) : host(data.slice());
  const readSync = (buffer: WebGLData, dtype: DType): TypedArray =>
    buffer.kind === 'host'
      ? buffer.data.slice()
      : (buffer.values?.slice() ?? toDtypeArray(tf.readSync(buffer.info.dataId) as Float32Array, dtype));

  const onCpu = (
    name: string,
    args: readonly KernelArg<WebGLData>[],
    params: never,
    outs: readonly ShapeDtype[],
  ) => {
    const kernel = cpu[name];
    if (!kernel) throw new BackendError(`backend 'webgl': no CPU kernel for '${name}'`);
    fallbacks[name] = (fallbacks[name] ?? 0) + 1;
    // Computed as the shaders do: with float32 subnormals flushed in and out (a value one kernel
    // sees as zero is zero to the next: a sort here and a max in a shader agree on ties).
    const operands = args.map((a) => ({
      buffer: flushSubnormals(readSync(a.buffer, a.dtype), a.dtype),
      shape: a.shape,
      dtype: a.dtype,
    }));
    // A bool computed from host arrays alone (a comparison of integers, say) stays on the host: its
    // consumer is most often another integer op, which would otherwise read it back from the GPU.
    const fromHost = args.every((a) => a.buffer.kind === 'host');
    return kernel(operands, params, outs).map((result, i) => {
      const { dtype, shape } = outs[i]!;
      const data = flushSubnormals(result, dtype);
      return onGpu(dtype, shape) && !(fromHost && dtype === 'bool') ? toTexture(data, shape) : host(data);
    });
  };

  const kernelFor = (name: string, gpu: GpuKernel | undefined): Kernel<never, WebGLData> => {
    const indexOperands = INDEX_OPERANDS[name] ?? [];
    return (args, params, outs) => {
      // A host bool, or an integer index operand (gather's, scatterAdd's), goes up as a temporary texture.
      const usable = (a: KernelArg<WebGLData>, i: number): boolean =>
        a.buffer.kind === 'texture' ||
        ((a.dtype === 'bool' || indexOperands.includes(i)) && sizeOf(a.shape) > 0);
      // Work on host arrays alone stays on the host (see the CPU fallback), whatever its dtypes.
      const onDevice = args.length === 0 || args.some((a) => a.buffer.kind === 'texture');
      if (gpu && onDevice && args.every(usable) && outs.every((o) => onGpu(o.dtype, o.shape))) {
        const result = withTextures(tf, args, (infos) =>
          gpu(
            tf,
            args.map((a, k) => ({ info: infos[k]!, shape: a.shape, dtype: a.dtype })),
            params,
            outs,
          ),
        );
        if (result) return result.map(texture);
      }
      return onCpu(name, args, params, outs);
    };
  };

  const hostKernelFor =
    (name: string, kernel: HostKernel): Kernel<never, WebGLData> =>
    (args, params, outs) => {
      const empty = [...args, ...outs].some((a) => sizeOf(a.shape) === 0);
      const result = empty ? undefined : kernel(tf, args, params, outs);
      if (!result) return onCpu(name, args, params, outs);
      hostBuffers += result.filter((r) => r.kind === 'host').length;
      return result;
    };

  const names = new Set([...Object.keys(gpuKernels), ...Object.keys(CPU_FALLBACKS)]);
  const kernels = Object.fromEntries([
    ...[...names].map((name) => [name, kernelFor(name, gpuKernels[name])]),
    ...Object.entries(hostKernels).map(([name, kernel]) => [name, hostKernelFor(name, kernel)]),
  ]) as unknown as KernelTable<WebGLData>;

  return {
    name: 'webgl',
    description: `${device.description} via tfjs-backend-webgl; CPU fallback: int32/uint32 arrays, ${Object.keys(CPU_FALLBACKS).join(', ')}`,
    webGLVersion: device.webGLVersion,
    tfBackend: tf,
    kernels,
    upload: (data, dtype, shape) => upload(data, dtype, shape),
    readSync: (buffer, dtype) => readSync(buffer, dtype),
    read: async (buffer, dtype) =>
      buffer.kind === 'host'
        ? buffer.data.slice()
        : (buffer.values?.slice() ??
          toDtypeArray((await tf.read(buffer.info.dataId)) as Float32Array, dtype)),
    dispose: (buffer) => {
      if (buffer.kind === 'host') hostBuffers--;
      else tf.disposeData(buffer.info.dataId);
    },
    fusion: webglFusion(tf),
    // Both GLs measured here (SwiftShader, headless-gl's llvmpipe) flush subnormals in arithmetic.
    flushesSubnormals: true,
    cpuFallbacks: Object.keys(CPU_FALLBACKS),
    memory: () => {
      const info = tf.memory();
      return {
        numDataIds: tf.numDataIds(),
        numBytesInGPU: info.numBytesInGPU,
        numBytesInGPUAllocated: info.numBytesInGPUAllocated,
        numHostBuffers: hostBuffers,
        cpuFallbacks: { ...fallbacks },
      };
    },
  };
}
