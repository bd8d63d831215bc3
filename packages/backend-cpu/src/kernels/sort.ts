import { allocTyped } from '@addax/core';
import type { KernelsFor, TypedArray } from '@addax/core';
import { forEachLane, lanesOf } from './lanes.js';

/** Ascending with NaN after everything; -0 ties with 0 (neither `<` nor `>`). */
function compareNaNLast(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export const sortKernels: KernelsFor<'sort', TypedArray> = {
  // Array.prototype.sort is stable (ES2019), so equal keys keep their order.
  sort: (operands, { dimension, numKeys }, outputs) => {
    const lanes = lanesOf(operands[0]!.shape, dimension);
    const srcs = operands.map((x) => x.buffer);
    const results = outputs.map((out) => allocTyped(out.dtype, out.size));
    const keys = srcs.slice(0, numKeys);
    forEachLane(lanes, (start, stride) => {
      const positions = Array.from({ length: lanes.n }, (_, k) => start + k * stride);
      const sorted = [...positions].sort((p, q) => {
        for (const key of keys) {
          const c = compareNaNLast(key[p]!, key[q]!);
          if (c !== 0) return c;
        }
        return 0;
      });
      sorted.forEach((from, k) => {
        srcs.forEach((src, s) => {
          results[s]![positions[k]!] = src[from]!;
        });
      });
    });
    return results;
  },
};
