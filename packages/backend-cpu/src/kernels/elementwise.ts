import type { KernelsFor, TypedArray } from '@addax/core';
import { output } from '../backend.js';

export const elementwiseKernels: KernelsFor<'add' | 'cast', TypedArray> = {
  add: ([x, y], _, [out]) => {
    const a = x!.buffer;
    const b = y!.buffer;
    const result = output(out!.dtype, a.length);
    for (let i = 0; i < a.length; i++) result[i] = a[i]! + b[i]!;
    return [result];
  },

  cast: ([x], { dtype }) => {
    const src = x!.buffer;
    const result = output(dtype, src.length);
    for (let i = 0; i < src.length; i++) result[i] = src[i]!;
    return [result];
  },
};
