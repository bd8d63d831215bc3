import {
  BackendError,
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
import { onGpu, toDtypeArray, type WebGLData } from './data.js';
import { CPU_FALLBACKS } from './fallback.js';
import { webglFusion } from './fusion/compile.js';
import { gpuKernels } from './kernels/index.js';
import type { GpuKernel } from './kernels/gpu-kernel.js';
import type { WebGLMemory } from './memory.js';

/** Operands that may be host integer arrays on the GPU path, by primitive: gather's indices. */
const INDEX_OPERANDS: Readonly<Record<string, readonly number[]>> = { gather: [1] };

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
  const upload = (data: TypedArray, dtype: DType, shape: Shape): WebGLData => {
    if (!onGpu(dtype, shape)) return host(data.slice());
    const values = Float32Array.from(data);
    return texture({ dataId: tf.write(values, [...shape], 'float32'), shape: [...shape], dtype: 'float32' });
  };
  const readSync = (buffer: WebGLData, dtype: DType): TypedArray =>
    buffer.kind === 'host'
      ? buffer.data.slice()
      : toDtypeArray(tf.readSync(buffer.info.dataId) as Float32Array, dtype);

  const onCpu = (
    name: string,
    args: readonly KernelArg<WebGLData>[],
    params: never,
    outs: readonly ShapeDtype[],
  ) => {
    const kernel = cpu[name];
    if (!kernel) throw new BackendError(`backend 'webgl': no CPU kernel for '${name}'`);
    fallbacks[name] = (fallbacks[name] ?? 0) + 1;
    const operands = args.map((a) => ({
      buffer: readSync(a.buffer, a.dtype),
      shape: a.shape,
      dtype: a.dtype,
    }));
    return kernel(operands, params, outs).map((data, i) => upload(data, outs[i]!.dtype, outs[i]!.shape));
  };

  // An integer index operand (gather's) goes to the GPU as a temporary float texture: exact below
  // 2^24, and clamped to +-2^24 beyond, which is out of range for any axis a texture can hold.
  const indexTexture = (data: TypedArray, shape: Shape): TensorInfo => {
    const values = Float32Array.from(data, (v) => Math.min(Math.max(v, -(2 ** 24)), 2 ** 24));
    return { dataId: tf.write(values, [...shape], 'float32'), shape: [...shape], dtype: 'float32' };
  };

  const kernelFor = (name: string, gpu: GpuKernel | undefined): Kernel<never, WebGLData> => {
    const indexOperands = INDEX_OPERANDS[name] ?? [];
    return (args, params, outs) => {
      const usable = (a: KernelArg<WebGLData>, i: number): boolean =>
        a.buffer.kind === 'texture' || (indexOperands.includes(i) && sizeOf(a.shape) > 0);
      if (gpu && args.every(usable) && outs.every((o) => onGpu(o.dtype, o.shape))) {
        const temporary: TensorInfo[] = [];
        const operands = args.map((a) => {
          const b = a.buffer;
          const info = b.kind === 'texture' ? b.info : indexTexture(b.data, a.shape);
          if (b.kind === 'host') temporary.push(info);
          return { info, shape: a.shape, dtype: a.dtype };
        });
        try {
          const result = gpu(tf, operands, params, outs);
          if (result) return result.map(texture);
        } finally {
          for (const t of temporary) tf.disposeData(t.dataId);
        }
      }
      return onCpu(name, args, params, outs);
    };
  };

  const names = new Set([...Object.keys(gpuKernels), ...Object.keys(CPU_FALLBACKS)]);
  const kernels = Object.fromEntries(
    [...names].map((name) => [name, kernelFor(name, gpuKernels[name])]),
  ) as unknown as KernelTable<WebGLData>;

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
        : toDtypeArray((await tf.read(buffer.info.dataId)) as Float32Array, dtype),
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
