import { allocTyped, type DType, type KernelsFor, type TypedArray } from '@addax/core';

const INT32 = [-(2 ** 31), 2 ** 31 - 1] as const;
const UINT32 = [0, 2 ** 32 - 1] as const;

/** A float converted to an integer type: truncated toward zero, saturated at the type's bounds, NaN to 0. */
function floatToInt(v: number, [lo, hi]: readonly [number, number]): number {
  return Number.isNaN(v) ? 0 : Math.min(Math.max(Math.trunc(v), lo), hi);
}

/** How one value converts from `from` to `to`. */
function converter(from: DType, to: DType): (v: number) => number {
  if (to === 'bool') return (v) => (v !== 0 ? 1 : 0);
  if (from === 'float32' && to === 'int32') return (v) => floatToInt(v, INT32);
  if (from === 'float32' && to === 'uint32') return (v) => floatToInt(v, UINT32);
  // The rest is exact or wraps modulo 2^32 (int32 <-> uint32), which storing does by itself;
  // float32 rounds integers above 2^24 when stored.
  return (v) => v;
}

/**
 * cast (value conversion) and bitcast (the same 32 bits read as another dtype).
 */
export const conversionKernels: KernelsFor<'cast' | 'bitcast', TypedArray> = {
  cast: ([x], { dtype }) => {
    const convert = converter(x!.dtype, dtype);
    const result = allocTyped(dtype, x!.buffer.length);
    for (let i = 0; i < result.length; i++) result[i] = convert(x!.buffer[i]!);
    return [result];
  },
  bitcast: ([x], { dtype }) => {
    const src = x!.buffer;
    const result = allocTyped(dtype, src.length);
    new Uint8Array(result.buffer).set(new Uint8Array(src.buffer, src.byteOffset, src.byteLength));
    return [result];
  },
};
