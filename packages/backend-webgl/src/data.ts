import { sizeOf, type DType, type Shape, type TypedArray } from '@addax/core';
import type { TensorInfo } from '@tensorflow/tfjs-core';

/**
 * A buffer of the webgl backend. float32 and bool arrays live in float32 textures (`texture`: a
 * tfjs TensorInfo whose dtype is always float32; bool as 0 and 1). int32 and uint32 arrays live on
 * the host: a float32 texel holds integers exactly only up to 2^24, and WebGL1 has no integer
 * textures, so their kernels are the declared CPU fallback (see fallback.ts). Empty arrays live on
 * the host too: there is no texture of zero texels.
 */
export type WebGLData =
  | { readonly kind: 'texture'; readonly info: TensorInfo }
  | { readonly kind: 'host'; readonly data: TypedArray };

/** Whether an array of this dtype and shape lives in a texture. */
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
