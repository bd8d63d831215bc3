import { expect } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import { createCpuBackend } from '@addax/backend-cpu';

/** Registers `cpu-min` (only the minimal kernels, the rest decomposed) once per process. */
export function registerCpuMin(): void {
  if (!ax.listBackends().some((b) => b.name === 'cpu-min')) {
    ax.registerBackend('cpu-min', () => createCpuBackend({ name: 'cpu-min', only: ax.MINIMAL_PRIMITIVES }));
  }
}

/** The smallest int32. */
export const INT_MIN = -2147483648;
/** The largest int32. */
export const INT_MAX = 2147483647;
/** The largest uint32. */
export const UINT_MAX = 4294967295;

/** A typed array of `dtype` holding `v` (already in range). */
export function typed(dtype: ax.DType, v: readonly number[]): ax.TypedArray {
  const out = ax.allocTyped(dtype, v.length);
  out.set(v);
  return out;
}

/** Values of `dtype` over its whole range (float32: any bit pattern's value, kept to `range` when given). */
export function anyValue(dtype: ax.DType, range?: { min: number; max: number }): fc.Arbitrary<number> {
  return dtype === 'float32'
    ? fc.float(range ? { min: Math.fround(range.min), max: Math.fround(range.max) } : {})
    : dtype === 'int32'
      ? fc.integer({ min: -2147483648, max: 2147483647 })
      : dtype === 'uint32'
        ? fc.integer({ min: 0, max: 4294967295 })
        : fc.constantFrom(0, 1);
}

/** `[[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]` as float32. */
export const grid = (): ax.Array => ax.lax.reshape(ax.arange(12, undefined, 1, 'float32'), [3, 4]);

/** The flat result of `f` run on `backend`, arrays made inside `f` living there. */
export function runOn(backend: string, f: () => ax.Array): number[] {
  ax.setBackend(backend);
  return globalThis.Array.from(f().dataSync());
}

/** Exact agreement (tolerance 0, -0 and NaN compared as themselves) of the kernel and the decomposition. */
export function expectKernelMatchesDecomposition(f: () => ax.Array): void {
  expect(runOn('cpu-min', f)).toEqual(runOn('cpu', f));
}

/**
 * The bytes a TypedArray stores, with every float32 NaN written as the canonical quiet NaN: V8 does
 * not keep NaN sign and payload bits stable across its compilation tiers (the same `0 % 0` can store
 * 0x7fc00000 in one element and 0xffc00000 in the next), so only "is NaN" is a property of ours.
 */
export function storedBytes(data: ax.TypedArray): number[] {
  const canonical = data instanceof Float32Array ? data.map((v) => (Number.isNaN(v) ? NaN : v)) : data;
  return [...new Uint8Array(canonical.buffer, canonical.byteOffset, canonical.byteLength)];
}
