import { allocTyped } from '@addax/core';
import type { DType, KernelsFor, TypedArray } from '@addax/core';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const UINT32_MAX = 4294967295;

/** Truncates toward zero and saturates into `[lo, hi]`; NaN becomes 0. */
function saturate(v: number, lo: number, hi: number): number {
  if (Number.isNaN(v)) return 0;
  return Math.min(Math.max(Math.trunc(v), lo), hi);
}

/** The value conversion from one stored dtype to another (TypedArray stores would wrap instead). */
function converter(from: DType, to: DType): (v: number) => number {
  if (to === 'bool') return (v) => (v !== 0 ? 1 : 0);
  if (to === 'float32' || from === 'bool') return (v) => v;
  if (from === 'float32') {
    return to === 'int32' ? (v) => saturate(v, INT32_MIN, INT32_MAX) : (v) => saturate(v, 0, UINT32_MAX);
  }
  return to === 'int32' ? (v) => v | 0 : (v) => v >>> 0;
}

export const conversionKernels: KernelsFor<'cast' | 'bitcast', TypedArray> = {
  cast: ([x], { dtype }) => {
    const src = x!.buffer;
    const convert = converter(x!.dtype, dtype);
    const result = allocTyped(dtype, src.length);
    for (let i = 0; i < src.length; i++) result[i] = convert(src[i]!);
    return [result];
  },

  // Every dtype bitcast accepts is 4 bytes, so copying the bytes reinterprets them.
  bitcast: ([x], { dtype }) => {
    const src = x!.buffer;
    const result = allocTyped(dtype, src.length);
    new Uint8Array(result.buffer).set(new Uint8Array(src.buffer, src.byteOffset, src.byteLength));
    return [result];
  },
};
