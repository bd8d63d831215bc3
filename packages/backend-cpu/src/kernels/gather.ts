import { stridesOf, type KernelsFor, type TypedArray } from '@addax/core';
import { output } from '../backend.js';
import { copyStrided, nextIndex } from './strided.js';

const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), hi);

/** The axes in `[0, rank)` that are not in `excluded`, in order. */
function otherAxes(rank: number, excluded: readonly number[]): number[] {
  const out: number[] = [];
  for (let a = 0; a < rank; a++) if (!excluded.includes(a)) out.push(a);
  return out;
}

export const gatherKernels: KernelsFor<
  'gather' | 'scatterAdd' | 'dynamicSlice' | 'dynamicUpdateSlice',
  TypedArray
> = {
  gather: (
    [x, indices],
    { offsetDims, collapsedSliceDims, startIndexMap, sliceSizes, mode, fillValue },
    [out],
  ) => {
    const result = output(out!.dtype, out!.size);
    const src = x!.buffer;
    const idx = indices!.buffer;
    const inStrides = stridesOf(x!.shape);
    const vectorLength = indices!.shape.at(-1)!;
    const batchAxes = otherAxes(out!.shape.length, offsetDims);
    const windowAxes = otherAxes(x!.shape.length, collapsedSliceDims);
    const index = out!.shape.map(() => 0);
    for (let o = 0; o < result.length; o++) {
      // The index vector of this output element's batch position (indices is row-major, vector last).
      let vector = 0;
      for (const b of batchAxes) vector = vector * out!.shape[b]! + index[b]!;
      vector *= vectorLength;
      const start = x!.shape.map(() => 0);
      let inBounds = true;
      startIndexMap.forEach((axis, k) => {
        const hi = x!.shape[axis]! - sliceSizes[axis]!;
        const s = idx[vector + k]!;
        if (s < 0 || s > hi) inBounds = false;
        start[axis] = clamp(s, 0, hi);
      });
      if (mode === 'fill' && !inBounds) {
        result[o] = fillValue;
      } else {
        windowAxes.forEach((axis, k) => (start[axis]! += index[offsetDims[k]!]!));
        let offset = 0;
        for (let a = 0; a < start.length; a++) offset += start[a]! * inStrides[a]!;
        result[o] = src[offset]!;
      }
      nextIndex(index, out!.shape);
    }
    return [result];
  },

  scatterAdd: (
    [x, indices, updates],
    { updateWindowDims, insertedWindowDims, scatterDimsToOperandDims, mode },
  ) => {
    const result = x!.buffer.slice();
    const idx = indices!.buffer;
    const upd = updates!.buffer;
    const outStrides = stridesOf(x!.shape);
    const vectorLength = indices!.shape.at(-1)!;
    const batchAxes = otherAxes(updates!.shape.length, updateWindowDims);
    const windowAxes = otherAxes(x!.shape.length, insertedWindowDims);
    // The window's size along each operand axis: 1 where inserted, else its update axis's size.
    const windowSize = x!.shape.map(() => 1);
    windowAxes.forEach((axis, k) => (windowSize[axis] = updates!.shape[updateWindowDims[k]!]!));
    const index = updates!.shape.map(() => 0);
    for (let u = 0; u < upd.length; u++) {
      let vector = 0;
      for (const b of batchAxes) vector = vector * updates!.shape[b]! + index[b]!;
      vector *= vectorLength;
      const start = x!.shape.map(() => 0);
      let inBounds = true;
      scatterDimsToOperandDims.forEach((axis, k) => {
        const hi = x!.shape[axis]! - windowSize[axis]!;
        const s = idx[vector + k]!;
        if (s < 0 || s > hi) inBounds = false;
        start[axis] = clamp(s, 0, hi);
      });
      // An operand axis of size 0 has no room for an inserted window even when clipping.
      const fits = x!.shape.every((d, a) => windowSize[a]! <= d);
      if (fits && (mode === 'clip' || inBounds)) {
        windowAxes.forEach((axis, k) => (start[axis]! += index[updateWindowDims[k]!]!));
        let offset = 0;
        for (let a = 0; a < start.length; a++) offset += start[a]! * outStrides[a]!;
        result[offset] = result[offset]! + upd[u]!;
      }
      nextIndex(index, updates!.shape);
    }
    return [result];
  },

  dynamicSlice: ([x, ...starts], { sliceSizes }, [out]) => {
    const inStrides = stridesOf(x!.shape);
    const result = output(out!.dtype, out!.size);
    const base = starts.reduce((sum, s, a) => {
      const start = clamp(s.buffer[0]!, 0, x!.shape[a]! - sliceSizes[a]!);
      return sum + start * inStrides[a]!;
    }, 0);
    copyStrided(x!.buffer, result, out!.shape, inStrides, base);
    return [result];
  },

  dynamicUpdateSlice: ([x, update, ...starts]) => {
    const result = x!.buffer.slice();
    const outStrides = stridesOf(x!.shape);
    const start = starts.map((s, a) => clamp(s.buffer[0]!, 0, x!.shape[a]! - update!.shape[a]!));
    const index = update!.shape.map(() => 0);
    const src = update!.buffer;
    for (let i = 0; i < src.length; i++) {
      let offset = 0;
      for (let a = 0; a < index.length; a++) offset += (start[a]! + index[a]!) * outStrides[a]!;
      result[offset] = src[i]!;
      nextIndex(index, update!.shape);
    }
    return [result];
  },
};
