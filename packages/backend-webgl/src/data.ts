import { sizeOf, type DType, type Shape, type TypedArray } from '@addax/core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import type { TensorInfo } from '@tensorflow/tfjs-core';

/**
 * A buffer of the webgl backend. float32 and bool arrays live in float32 textures (`texture`: a
 * tfjs TensorInfo whose dtype is always float32; bool as 0 and 1). int32 and uint32 arrays live on
 * the host: a float32 texel holds integers exactly only up to 2^24, and WebGL1 has no integer
 * textures, so their kernels are the declared CPU fallback, but for the few whose shaders take
 * or give integers another way (see fallback.ts). Empty arrays live on the host too: there is no
 * texture of zero texels. So do uploaded bools and bools that a CPU fallback computed from host
 * arrays alone, so that integer code (random keys, index arithmetic) never reads a mask back from
 * the GPU; a GPU kernel takes such a bool as a temporary texture.
 */
export type WebGLData =
  | {
      readonly kind: 'texture';
      readonly info: TensorInfo;
      /** The values a small texture was uploaded from, so reading it back needs no GPU sync. */
      readonly values?: TypedArray;
    }
  | { readonly kind: 'host'; readonly data: TypedArray };

/**
 * Textures uploaded from at most this many host values keep them: scalars and small constants
 * (optimizer hyperparameters, step counts) are what CPU fallbacks read most, and each read of a
 * texture waits for the GPU to finish all queued work.
 */
export const SHADOWED_SIZE = 64;

/** Whether a GPU kernel can hold an array of this dtype and shape in a texture. */
export function onGpu(dtype: DType, shape: Shape): boolean {
  return (dtype === 'float32' || dtype === 'bool') && sizeOf(shape) > 0;
}

/** A new TypedArray of `dtype` holding `values` (float texels to the dtype's own array). */
export function toDtypeArray(values: ArrayLike<number>, dtype: DType): TypedArray {
  switch (dtype) {
    case 'float32':
      return Float32Array.from(values);
    case 'bool':
      return Uint8Array.from(values, (v) => (v !== 0 ? 1 : 0));
    case 'int32':
      return Int32Array.from(values);
    case 'uint32':
      return Uint32Array.from(values);
  }
}

/**
 * Runs `run` on the texture of each operand: a host operand (a bool, or integer indices) goes up
 * for the call as a float32 texture, bools as 0 and 1, integers clamped to +-2^24 (beyond which a
 * float index is out of range for any axis a texture can hold), and is freed after it.
 */
export function withTextures<T>(
  tf: MathBackendWebGL,
  operands: readonly { readonly buffer: WebGLData; readonly shape: Shape }[],
  run: (infos: TensorInfo[]) => T,
): T {
  const temporary: TensorInfo[] = [];
  const infos = operands.map(({ buffer, shape }) => {
    if (buffer.kind === 'texture') return buffer.info;
    const values = Float32Array.from(buffer.data, (v) => Math.min(Math.max(v, -(2 ** 24)), 2 ** 24));
    const info = {
      dataId: tf.write(values, [...shape], 'float32'),
      shape: [...shape],
      dtype: 'float32' as const,
    };
    temporary.push(info);
    return info;
  });
  try {
    return run(infos);
  } finally {
    for (const t of temporary) tf.disposeData(t.dataId);
  }
}
