import * as ax from '@addax/core';

/**
 * An array's contents on the host: what the suite generates, uploads byte for byte to each
 * backend, and reads back to compare.
 */
export interface HostArray {
  readonly dtype: ax.DType;
  readonly shape: readonly number[];
  readonly data: ax.TypedArray;
}

/**
 * A host array of `dtype` and `shape` holding `values` (already representable in `dtype`).
 *
 * @example
 * ```ts
 * hostArray('int32', [2], [1, -1]);
 * ```
 */
export function hostArray(dtype: ax.DType, shape: readonly number[], values: ArrayLike<number>): HostArray {
  const data = ax.allocTyped(dtype, values.length);
  data.set(values);
  return { dtype, shape: [...shape], data };
}

/** The elements `x` holds: the product of its shape. */
export function sizeOfHost(x: HostArray): number {
  return x.shape.reduce((a, b) => a * b, 1);
}

/**
 * A new array holding a copy of `x`'s bytes on the current backend. Every backend gets its own
 * copy, since a backend may keep the buffer it is given.
 */
export function upload(x: HostArray): ax.Array {
  return ax.fromTyped(x.data.slice(), x.shape, x.dtype);
}

/** `x` read back through its backend's `read`, as the backend returns it (not converted). */
export async function download(x: ax.Array): Promise<HostArray> {
  return { dtype: x.dtype, shape: [...x.shape], data: await x.data() };
}

/**
 * Runs `fn` (synchronous array code) with `backend` as the backend new arrays are made on, then
 * reads its outputs back and frees every array it made. The backend that was current before, if
 * any, is current again afterwards.
 */
export async function runOn(backend: string, fn: () => readonly ax.Array[]): Promise<HostArray[]> {
  const outputs = onBackend(backend, () => ax.tidy(() => [...fn()]));
  try {
    return await Promise.all(outputs.map(download));
  } finally {
    for (const x of outputs) x.dispose();
  }
}

/** Runs `fn` with `backend` current, restoring the previously current backend (if there was one). */
export function onBackend<T>(backend: string, fn: () => T): T {
  const previous = ax.listBackends().find((b) => b.current)?.name;
  ax.setBackend(backend);
  try {
    return fn();
  } finally {
    if (previous !== undefined) ax.setBackend(previous);
  }
}
