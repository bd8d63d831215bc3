import * as ax from '@addax/core';

/** The elements of `x` as plain numbers (bool as 0/1), so -0 and NaN compare exactly. */
export function values(x: ax.Array): number[] {
  return globalThis.Array.from(x.dataSync());
}

/** A 1-D int32 array of `v`. */
export const i32 = (...v: number[]): ax.Array => ax.array(v, 'int32');
/** A 1-D uint32 array of `v`. */
export const u32 = (...v: number[]): ax.Array => ax.array(v, 'uint32');
/** A 1-D float32 array of `v`. */
export const f32 = (...v: number[]): ax.Array => ax.array(v);
