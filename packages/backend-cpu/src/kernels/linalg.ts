import type { KernelArg, KernelsFor, TypedArray } from '@addax/core';
import { convIm2col, convReference } from './linalg/conv.js';
import { dotGeneralFast, dotGeneralReference } from './linalg/dot-general.js';
import { reduceWindowSumKernel } from './linalg/reduce-window.js';
import { reduceWindowMaxSeparable } from './linalg/reduce-window-max.js';

export { convIm2col, convReference } from './linalg/conv.js';
export { dotGeneralFast, dotGeneralReference } from './linalg/dot-general.js';
export { matmulBlocked, matmulReference } from './linalg/matmul.js';

function isFloat32(x: KernelArg<TypedArray>): x is KernelArg<Float32Array> {
  return x.buffer instanceof Float32Array;
}

/**
 * Contractions and windows: float32 takes the blocked-matmul paths, integers the plain loops.
 *
 * @example
 * ```ts
 * const kernels = { ...linalgKernels }; // spread into the backend's kernel table
 * ```
 */
export const linalgKernels: KernelsFor<
  'dotGeneral' | 'conv' | 'reduceWindowSum' | 'reduceWindowMax',
  TypedArray
> = {
  dotGeneral: (operands, params, [out]) => {
    const [lhs, rhs] = [operands[0]!, operands[1]!];
    if (isFloat32(lhs) && isFloat32(rhs)) return [dotGeneralFast(lhs, rhs, params)];
    return [dotGeneralReference(lhs, rhs, params, out!)];
  },
  conv: (operands, params, [out]) => {
    const [lhs, rhs] = [operands[0]!, operands[1]!];
    if (isFloat32(lhs) && isFloat32(rhs)) return [convIm2col(lhs, rhs, params, out!)];
    return [convReference(lhs, rhs, params, out!)];
  },
  reduceWindowSum: reduceWindowSumKernel,
  reduceWindowMax: ([x], params, [out]) => [reduceWindowMaxSeparable(x!, params, out!)],
};
