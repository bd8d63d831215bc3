import type { KernelsFor, MinimalPrimitiveName, TypedArray } from '@addax/core';
import { arithmeticKernels } from './arithmetic.js';
import { bitwiseKernels } from './bitwise.js';
import { comparisonKernels } from './comparison.js';
import { conversionKernels } from './conversion.js';
import { indexingKernels } from './indexing.js';
import { layoutKernels } from './layout.js';
import { mathKernels } from './math.js';
import { reductionKernels } from './reductions.js';

/**
 * One kernel per minimal primitive. The type lists exactly the minimal set, so leaving one out (or
 * giving one the wrong parameters) is a compile error.
 */
export const kernels: KernelsFor<MinimalPrimitiveName, TypedArray> = {
  ...mathKernels,
  ...arithmeticKernels,
  ...bitwiseKernels,
  ...comparisonKernels,
  ...conversionKernels,
  ...reductionKernels,
  ...layoutKernels,
  ...indexingKernels,
};
