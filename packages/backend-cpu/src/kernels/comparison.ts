import { allocTyped } from '@addax/core';
import type { KernelsFor, TypedArray } from '@addax/core';
import { binaryKernel, type BinaryFn } from './elementwise-map.js';

/** The same comparison for every dtype: stored values compare as the numbers they are. */
function compare(fn: BinaryFn): ReturnType<typeof binaryKernel> {
  return binaryKernel(() => fn);
}

export const comparisonKernels: KernelsFor<'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'select', TypedArray> = {
  eq: compare((a, b) => (a === b ? 1 : 0)),
  ne: compare((a, b) => (a !== b ? 1 : 0)),
  lt: compare((a, b) => (a < b ? 1 : 0)),
  le: compare((a, b) => (a <= b ? 1 : 0)),
  gt: compare((a, b) => (a > b ? 1 : 0)),
  ge: compare((a, b) => (a >= b ? 1 : 0)),

  select: ([pred, onTrue, onFalse], _, [out]) => {
    const p = pred!.buffer;
    const t = onTrue!.buffer;
    const f = onFalse!.buffer;
    const result = allocTyped(out!.dtype, p.length);
    for (let i = 0; i < p.length; i++) result[i] = p[i] ? t[i]! : f[i]!;
    return [result];
  },
};
