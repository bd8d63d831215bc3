import type { DType, TypedArray } from '@addax/core';
import type { Texture } from 'gpu.js';

/**
 * A float32 or bool array lives in a float texture (bool as 0 and 1); an empty one has none. int32
 * and uint32 arrays live in host memory: GLSL ES float textures hold integers exactly only up to
 * 2^24 and WebGL1 shaders have no bit operations, so integer kernels are the declared CPU fallback.
 */
export type GpujsBuffer =
  | { readonly kind: 'texture'; readonly texture: Texture; readonly size: number; readonly shared: Shared }
  | { readonly kind: 'empty' }
  | { readonly kind: 'host'; readonly data: TypedArray };

/** How many arrays hold one texture (reshape shares it), so it is deleted with the last of them. */
export interface Shared {
  count: number;
}

/** Whether arrays of `dtype` live on the device. */
export function onDevice(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'bool';
}
