import type { KernelTable, TypedArray } from '@addax/core';
import { bitwiseKernels } from './bitwise.js';
import { comparisonKernels } from './comparison.js';
import { conversionKernels } from './conversion.js';
import { elementwiseKernels } from './elementwise.js';
import { gatherKernels } from './gather.js';
import { linalgKernels } from './linalg.js';
import { randomKernels } from './random.js';
import { reductionKernels } from './reductions.js';
import { shapeKernels } from './shape.js';
import { sortKernels } from './sort.js';
import { unaryKernels } from './unary.js';

/** Every kernel of the reference backend. */
export const kernels: KernelTable<TypedArray> = {
  ...elementwiseKernels,
  ...bitwiseKernels,
  ...comparisonKernels,
  ...conversionKernels,
  ...shapeKernels,
  ...gatherKernels,
  ...reductionKernels,
  ...linalgKernels,
  ...randomKernels,
  ...sortKernels,
  ...unaryKernels,
};
