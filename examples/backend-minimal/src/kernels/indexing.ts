import { allocTyped, type KernelsFor, type TypedArray } from '@addax/core';
import { flatten, forEachIndex, stridesOf } from './positions.js';

/** The axes of a rank-`rank` array not in `excluded`, in order. */
const otherAxes = (rank: number, excluded: readonly number[]): number[] =>
  Array.from({ length: rank }, (_, a) => a).filter((a) => !excluded.includes(a));

/**
 * Where one window starts in the operand: the index vector at `batch` (the positions of the
 * batch axes of `indices`) gives starts along the operand axes `indexMap`; each start is clamped
 * so the window of `windowSize` fits, and `inBounds` says whether it already did.
 */
function windowStart(
  indices: { readonly buffer: TypedArray; readonly shape: readonly number[] },
  batch: readonly number[],
  indexMap: readonly number[],
  operandShape: readonly number[],
  windowSize: readonly number[],
): { start: number[]; inBounds: boolean } {
  const vectorAt = flatten([...batch, 0], stridesOf(indices.shape));
  const start = operandShape.map(() => 0);
  let inBounds = true;
  indexMap.forEach((axis, k) => {
    const last = operandShape[axis]! - windowSize[axis]!;
    const s = indices.buffer[vectorAt + k]!;
    if (s < 0 || s > last) inBounds = false;
    start[axis] = Math.min(Math.max(s, 0), last);
  });
  return { start, inBounds };
}

/**
 * XLA's general gather and scatter-add. An index vector (the last axis of `indices`) starts a
 * window in the operand; in gather the output's `offsetDims` run over the window and its other
 * axes over the index vectors; in scatterAdd the updates' `updateWindowDims` do. A window that
 * does not fit is clamped into range (`clip`), or yields `fillValue` / is dropped (`fill`).
 */
export const indexingKernels: KernelsFor<'gather' | 'scatterAdd', TypedArray> = {
  gather: ([x, indices], p, [out]) => {
    const strides = stridesOf(x!.shape);
    const batchAxes = otherAxes(out!.shape.length, p.offsetDims);
    const windowAxes = otherAxes(x!.shape.length, p.collapsedSliceDims);
    const result = allocTyped(out!.dtype, out!.size);
    forEachIndex(out!.shape, (index, o) => {
      const batch = batchAxes.map((a) => index[a]!);
      const { start, inBounds } = windowStart(indices!, batch, p.startIndexMap, x!.shape, p.sliceSizes);
      if (p.mode === 'fill' && !inBounds) {
        result[o] = p.fillValue;
        return;
      }
      windowAxes.forEach((axis, k) => (start[axis]! += index[p.offsetDims[k]!]!));
      result[o] = x!.buffer[flatten(start, strides)]!;
    });
    return [result];
  },

  scatterAdd: ([x, indices, updates], p) => {
    const strides = stridesOf(x!.shape);
    const batchAxes = otherAxes(updates!.shape.length, p.updateWindowDims);
    const windowAxes = otherAxes(x!.shape.length, p.insertedWindowDims);
    // The window's size along each operand axis: 1 where inserted, else its update axis's size.
    const windowSize = x!.shape.map(() => 1);
    windowAxes.forEach((axis, k) => (windowSize[axis] = updates!.shape[p.updateWindowDims[k]!]!));
    const result = x!.buffer.slice();
    // A window larger than its axis (size 1 on an empty axis) fits nowhere, not even clamped.
    if (windowSize.some((w, a) => w > x!.shape[a]!)) return [result];
    forEachIndex(updates!.shape, (index, u) => {
      const batch = batchAxes.map((a) => index[a]!);
      const { start, inBounds } = windowStart(
        indices!,
        batch,
        p.scatterDimsToOperandDims,
        x!.shape,
        windowSize,
      );
      if (p.mode === 'fill' && !inBounds) return;
      windowAxes.forEach((axis, k) => (start[axis]! += index[p.updateWindowDims[k]!]!));
      const at = flatten(start, strides);
      result[at] = result[at]! + updates!.buffer[u]!;
    });
    return [result];
  },
};
