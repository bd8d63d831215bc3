import { allocTyped, type KernelsFor, stridesOf, type TypedArray } from '@addax/core';
import { copyStrided, nextIndex } from './strided.js';

const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), hi);

/** The axes in `[0, rank)` that are not in `excluded`, in order. */
function otherAxes(rank: number, excluded: readonly number[]): number[] {
  const out: number[] = [];
  for (let a = 0; a < rank; a++) if (!excluded.includes(a)) out.push(a);
  return out;
}

/**
 * How a gather or scatter walks its operand: `batchShape` (gather's output, scatter's updates)
 * holds the batch axes, each batch position picks an index vector of `indices`, and `indexMap`
 * sends that vector's entries to operand axes to start a window of `windowSize`.
 */
interface Windowing {
  readonly operandShape: readonly number[];
  readonly operandStrides: readonly number[];
  readonly indices: TypedArray;
  readonly vectorLength: number;
  readonly batchShape: readonly number[];
  readonly batchAxes: readonly number[];
  readonly indexMap: readonly number[];
  readonly windowSize: readonly number[];
  /** The operand axes the window spans, and the `batchShape` axis each one runs along. */
  readonly windowAxes: readonly number[];
  readonly windowDims: readonly number[];
}

/**
 * Where the window of the batch position in `index` starts, clamped so the window fits; `inBounds`
 * is false when clamping moved it (what `fill` mode and non-clipping scatters act on).
 */
function windowStart(w: Windowing, index: readonly number[]): { start: number[]; inBounds: boolean } {
  // indices is row-major with the vector axis last, so a batch position's vector is contiguous.
  let vector = 0;
  for (const b of w.batchAxes) vector = vector * w.batchShape[b]! + index[b]!;
  vector *= w.vectorLength;
  const start = w.operandShape.map(() => 0);
  let inBounds = true;
  w.indexMap.forEach((axis, k) => {
    const hi = w.operandShape[axis]! - w.windowSize[axis]!;
    const s = w.indices[vector + k]!;
    if (s < 0 || s > hi) inBounds = false;
    start[axis] = clamp(s, 0, hi);
  });
  return { start, inBounds };
}

/** The flat operand offset of the window element at `index`, its window starting at `start`. */
function windowElement(w: Windowing, start: readonly number[], index: readonly number[]): number {
  const at = [...start];
  w.windowAxes.forEach((axis, k) => (at[axis]! += index[w.windowDims[k]!]!));
  let offset = 0;
  for (let a = 0; a < at.length; a++) offset += at[a]! * w.operandStrides[a]!;
  return offset;
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
    const result = allocTyped(out!.dtype, out!.size);
    const src = x!.buffer;
    const w: Windowing = {
      operandShape: x!.shape,
      operandStrides: stridesOf(x!.shape),
      indices: indices!.buffer,
      vectorLength: indices!.shape.at(-1)!,
      batchShape: out!.shape,
      batchAxes: otherAxes(out!.shape.length, offsetDims),
      indexMap: startIndexMap,
      windowSize: sliceSizes,
      windowAxes: otherAxes(x!.shape.length, collapsedSliceDims),
      windowDims: offsetDims,
    };
    const index = out!.shape.map(() => 0);
    for (let o = 0; o < result.length; o++) {
      const { start, inBounds } = windowStart(w, index);
      result[o] = mode === 'fill' && !inBounds ? fillValue : src[windowElement(w, start, index)]!;
      nextIndex(index, out!.shape);
    }
    return [result];
  },

  scatterAdd: (
    [x, indices, updates],
    { updateWindowDims, insertedWindowDims, scatterDimsToOperandDims, mode },
  ) => {
    const result = x!.buffer.slice();
    const upd = updates!.buffer;
    const windowAxes = otherAxes(x!.shape.length, insertedWindowDims);
    // The window's size along each operand axis: 1 where inserted, else its update axis's size.
    const windowSize = x!.shape.map(() => 1);
    windowAxes.forEach((axis, k) => (windowSize[axis] = updates!.shape[updateWindowDims[k]!]!));
    const w: Windowing = {
      operandShape: x!.shape,
      operandStrides: stridesOf(x!.shape),
      indices: indices!.buffer,
      vectorLength: indices!.shape.at(-1)!,
      batchShape: updates!.shape,
      batchAxes: otherAxes(updates!.shape.length, updateWindowDims),
      indexMap: scatterDimsToOperandDims,
      windowSize,
      windowAxes,
      windowDims: updateWindowDims,
    };
    // An operand axis of size 0 has no room for an inserted window even when clipping.
    const fits = x!.shape.every((d, a) => windowSize[a]! <= d);
    const index = updates!.shape.map(() => 0);
    for (let u = 0; u < upd.length; u++) {
      const { start, inBounds } = windowStart(w, index);
      if (fits && (mode === 'clip' || inBounds)) {
        const offset = windowElement(w, start, index);
        result[offset] = result[offset]! + upd[u]!;
      }
      nextIndex(index, updates!.shape);
    }
    return [result];
  },

  dynamicSlice: ([x, ...starts], { sliceSizes }, [out]) => {
    const inStrides = stridesOf(x!.shape);
    const result = allocTyped(out!.dtype, out!.size);
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
