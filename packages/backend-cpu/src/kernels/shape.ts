import { allocTyped, type KernelsFor, sizeOf, stridesOf, type TypedArray } from '@addax/core';
import { pad } from './pad.js';
import { copyStrided, nextIndex } from './strided.js';

export const shapeKernels: KernelsFor<
  'reshape' | 'broadcastInDim' | 'transpose' | 'slice' | 'pad' | 'concatenate' | 'rev' | 'iota',
  TypedArray
> = {
  // Arrays are immutable, so a reshape can share its operand's buffer.
  reshape: ([x]) => [x!.buffer],

  broadcastInDim: ([x], { shape, broadcastDimensions }, [out]) => {
    const result = allocTyped(out!.dtype, sizeOf(shape));
    const inStrides = stridesOf(x!.shape);
    // Stride of each output axis into the operand: 0 where the operand is broadcast.
    const strides = shape.map(() => 0);
    broadcastDimensions.forEach((d, i) => {
      if (x!.shape[i] !== 1) strides[d] = inStrides[i]!;
    });
    copyStrided(x!.buffer, result, shape, strides, 0);
    return [result];
  },

  transpose: ([x], { permutation }, [out]) => {
    const inStrides = stridesOf(x!.shape);
    const result = allocTyped(out!.dtype, out!.size);
    copyStrided(
      x!.buffer,
      result,
      out!.shape,
      permutation.map((p) => inStrides[p]!),
      0,
    );
    return [result];
  },

  slice: ([x], { startIndices, strides }, [out]) => {
    const inStrides = stridesOf(x!.shape);
    const result = allocTyped(out!.dtype, out!.size);
    const base = startIndices.reduce((sum, s, a) => sum + s * inStrides[a]!, 0);
    copyStrided(
      x!.buffer,
      result,
      out!.shape,
      strides.map((step, a) => step * inStrides[a]!),
      base,
    );
    return [result];
  },

  // Reading from the last element backwards along each reversed axis.
  rev: ([x], { dimensions }, [out]) => {
    const inStrides = stridesOf(x!.shape);
    const result = allocTyped(out!.dtype, out!.size);
    const reversed = (a: number): boolean => dimensions.includes(a);
    const base = x!.shape.reduce(
      (sum, d, a) => (reversed(a) && d > 0 ? sum + (d - 1) * inStrides[a]! : sum),
      0,
    );
    copyStrided(
      x!.buffer,
      result,
      out!.shape,
      inStrides.map((s, a) => (reversed(a) ? -s : s)),
      base,
    );
    return [result];
  },

  pad: ([x, padValue], params, [out]) => [pad(x!, padValue!, params, out!)],

  concatenate: (xs, { dimension }, [out]) => {
    const result = allocTyped(out!.dtype, out!.size);
    const outStrides = stridesOf(out!.shape);
    let start = 0;
    for (const x of xs) {
      const index = x.shape.map(() => 0);
      for (let i = 0; i < x.buffer.length; i++) {
        let offset = start * outStrides[dimension]!;
        for (let a = 0; a < index.length; a++) offset += index[a]! * outStrides[a]!;
        result[offset] = x.buffer[i]!;
        nextIndex(index, x.shape);
      }
      start += x.shape[dimension]!;
    }
    return [result];
  },

  iota: (_, { dimension }, [out]) => {
    const result = allocTyped(out!.dtype, out!.size);
    const index = out!.shape.map(() => 0);
    for (let o = 0; o < result.length; o++) {
      result[o] = index[dimension]!;
      nextIndex(index, out!.shape);
    }
    return [result];
  },
};
