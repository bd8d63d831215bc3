import type { KernelTable, TypedArray } from '@addax/core';
import { elementwiseKernels } from './elementwise.js';
import { reductionKernels } from './reductions.js';
import { shapeKernels } from './shape.js';

/** Every kernel of the reference backend. */
export const kernels: KernelTable<TypedArray> = {
  ...elementwiseKernels,
  ...shapeKernels,
  ...reductionKernels,
};
