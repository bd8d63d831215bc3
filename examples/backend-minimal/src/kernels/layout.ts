import { allocTyped, type KernelsFor, type TypedArray } from '@addax/core';
import { flatten, forEachIndex, stridesOf } from './positions.js';

/**
 * The structural primitives: each output element is copied from one operand element (or is a
 * padding value, or its own index), found by index arithmetic.
 */
export const layoutKernels: KernelsFor<
  'reshape' | 'broadcastInDim' | 'transpose' | 'slice' | 'pad' | 'iota',
  TypedArray
> = {
  // Row-major order does not change, and buffers are never modified, so the buffer is shared.
  reshape: ([x]) => [x!.buffer],

  // Output axis broadcastDimensions[i] reads operand axis i (always index 0 where that axis has size 1).
  broadcastInDim: ([x], { broadcastDimensions }, [out]) => {
    const strides = stridesOf(x!.shape);
    const result = allocTyped(out!.dtype, out!.size);
    forEachIndex(out!.shape, (index, o) => {
      let from = 0;
      broadcastDimensions.forEach((d, i) => {
        if (x!.shape[i] !== 1) from += index[d]! * strides[i]!;
      });
      result[o] = x!.buffer[from]!;
    });
    return [result];
  },

  // Output axis i is operand axis permutation[i].
  transpose: ([x], { permutation }, [out]) => {
    const strides = stridesOf(x!.shape);
    const result = allocTyped(out!.dtype, out!.size);
    forEachIndex(out!.shape, (index, o) => {
      let from = 0;
      permutation.forEach((p, i) => (from += index[i]! * strides[p]!));
      result[o] = x!.buffer[from]!;
    });
    return [result];
  },

  slice: ([x], { startIndices, strides: steps }, [out]) => {
    const strides = stridesOf(x!.shape);
    const result = allocTyped(out!.dtype, out!.size);
    forEachIndex(out!.shape, (index, o) => {
      result[o] =
        x!.buffer[
          flatten(
            index.map((i, a) => startIndices[a]! + i * steps[a]!),
            strides,
          )
        ]!;
    });
    return [result];
  },

  // Operand element i of axis a lands at low + i * (interior + 1); negative low or high crop.
  pad: ([x, value], { config }, [out]) => {
    const outStrides = stridesOf(out!.shape);
    const result = allocTyped(out!.dtype, out!.size).fill(value!.buffer[0]!);
    forEachIndex(x!.shape, (index, i) => {
      const at = index.map((k, a) => config[a]![0] + k * (config[a]![2] + 1));
      if (at.every((p, a) => p >= 0 && p < out!.shape[a]!)) result[flatten(at, outStrides)] = x!.buffer[i]!;
    });
    return [result];
  },

  iota: (_operands, { dimension }, [out]) => {
    const result = allocTyped(out!.dtype, out!.size);
    forEachIndex(out!.shape, (index, o) => (result[o] = index[dimension]!));
    return [result];
  },
};
