import { sizeOf, stridesOf, type KernelsFor, type TypedArray } from '@addax/core';
import { output } from '../backend.js';

export const shapeKernels: KernelsFor<'reshape' | 'broadcastInDim', TypedArray> = {
  // Arrays are immutable, so a reshape can share its operand's buffer.
  reshape: ([x]) => [x!.buffer],

  broadcastInDim: ([x], { shape, broadcastDimensions }, [out]) => {
    const result = output(out!.dtype, sizeOf(shape));
    const inStrides = stridesOf(x!.shape);
    // Stride of each output axis into the operand: 0 where the operand is broadcast.
    const strides = shape.map(() => 0);
    broadcastDimensions.forEach((d, i) => {
      if (x!.shape[i] !== 1) strides[d] = inStrides[i]!;
    });
    const index = shape.map(() => 0);
    const src = x!.buffer;
    for (let o = 0; o < result.length; o++) {
      let offset = 0;
      for (let a = 0; a < shape.length; a++) offset += index[a]! * strides[a]!;
      result[o] = src[offset]!;
      for (let a = shape.length - 1; a >= 0; a--) {
        if (++index[a]! < shape[a]!) break;
        index[a] = 0;
      }
    }
    return [result];
  },
};
