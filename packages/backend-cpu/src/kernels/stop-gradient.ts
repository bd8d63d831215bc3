import type { KernelsFor, TypedArray } from '@addax/core';

export const stopGradientKernels: KernelsFor<'stopGradient', TypedArray> = {
  // Buffers are immutable, so the identity shares its operand's buffer.
  stopGradient: ([x]) => [x!.buffer],
};
