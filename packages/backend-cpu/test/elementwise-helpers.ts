import * as ax from '@addax/core';
import { typed } from './helpers.js';

export const f32 = (...v: number[]): ax.Array => ax.array(new Float32Array(v));
export const i32 = (...v: number[]): ax.Array => ax.array(new Int32Array(v));
export const u32 = (...v: number[]): ax.Array => ax.array(new Uint32Array(v));
export const bool = (...v: boolean[]): ax.Array => ax.array(v, 'bool');

/** The stored elements as plain numbers (bool as 0/1), so -0 and NaN compare exactly. */
export function values(x: ax.Array): number[] {
  return globalThis.Array.from(x.dataSync());
}

/**
 * `f` applied on `backend` to operands uploaded there from `data` (each of `dtype`, 1-D), read
 * back as numbers; every array made is freed.
 */
export function runOn(
  backend: string,
  f: (...xs: ax.Array[]) => ax.Array,
  dtypes: readonly ax.DType[],
  data: readonly (readonly number[])[],
): number[] {
  const previous = ax.getBackend().name;
  ax.setBackend(backend);
  try {
    return ax.tidy(() =>
      values(f(...data.map((d, i) => ax.fromTyped(typed(dtypes[i]!, d), [d.length], dtypes[i]!)))),
    );
  } finally {
    ax.setBackend(previous);
  }
}
