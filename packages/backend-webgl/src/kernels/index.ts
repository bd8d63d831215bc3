import { conv } from './conv.js';
import { dotGeneral } from './dot.js';
import { elementwiseKernels } from './elementwise.js';
import { gather } from './gather.js';
import type { GpuKernel, HostKernel } from './gpu-kernel.js';
import { threefry2x32 } from './random.js';
import { argKernels, reductionKernels } from './reductions.js';
import { scatterAdd } from './scatter.js';
import { shapeKernels } from './shape.js';
import { sort } from './sort.js';
import { windowKernels } from './windows.js';

/** Every primitive with a shader here, by name. */
export const gpuKernels: Readonly<Record<string, GpuKernel>> = {
  ...elementwiseKernels,
  ...shapeKernels,
  ...reductionKernels,
  ...windowKernels,
  conv,
  dotGeneral,
  gather,
  scatterAdd,
};

/** Every primitive with shaders here whose operands or outputs include host (int32, uint32) arrays. */
export const hostKernels: Readonly<Record<string, HostKernel>> = {
  ...argKernels,
  sort,
  threefry2x32,
};
