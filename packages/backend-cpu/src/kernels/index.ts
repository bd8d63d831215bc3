import type { KernelsFor, KernelTable, PrimitiveName, TypedArray } from '@addax/core';
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
import { stopGradientKernels } from './stop-gradient.js';
import { unaryKernels } from './unary.js';

/** Every kernel of the reference backend: the reference implements every built-in primitive. */
export const kernels: KernelTable<TypedArray> & KernelsFor<PrimitiveName, TypedArray> = {
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
  ...stopGradientKernels,
};
