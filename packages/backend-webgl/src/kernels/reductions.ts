import { sizeOf, stridesOf, type AxesParams } from '@addax/core';
import { GLSL_HELPERS } from '../programs/glsl-ops.js';
import {
  declareOutputCoords,
  MAX_RANK,
  outputCoords,
  program,
  runProgram,
  sample,
  view,
} from '../programs/program.js';
import type { GpuKernel } from './gpu-kernel.js';

/**
 * A reduction as one loop per output element over the reduced axes (a constant trip count, as
 * WebGL1's GLSL requires), folding with `fold(acc, v)` from `init`.
 */
function reduction(init: string, fold: (acc: string, v: string) => string): GpuKernel {
  return (tf, [x], params, [out]) => {
    const { axes } = params as AxesParams;
    const shape = x!.shape;
    if (shape.length > MAX_RANK || out!.shape.length > MAX_RANK) return undefined;
    const reduced = axes.map((a) => shape[a]!);
    const strides = stridesOf(reduced);
    const kept = shape.map((_, a) => a).filter((a) => !axes.includes(a));
    const coords = outputCoords(out!.shape.length);
    const index = shape.map((_, a) => {
      const k = kept.indexOf(a);
      if (k >= 0) return coords[k]!;
      const j = axes.indexOf(a);
      return `imod(r / ${strides[j]}, ${reduced[j]})`;
    });
    const main = [
      declareOutputCoords(out!.shape.length),
      `float acc = ${init};`,
      `for (int r = 0; r < ${sizeOf(reduced)}; r++) {`,
      `  float v = ${sample('A', shape.length === 0 ? ['0'] : index)};`,
      `  acc = ${fold('acc', 'v')};`,
      '}',
      'setOutput(acc);',
    ].join('\n');
    const prog = program(['A'], out!.shape, main, { helpers: GLSL_HELPERS });
    return [runProgram(tf, prog, [view(x!.info, shape)], out!.shape)];
  };
}

/** reduceSum and reduceMax (NaN propagating, +0 above -0, as ax_max does elementwise). */
export const reductionKernels: Readonly<Record<string, GpuKernel>> = {
  reduceSum: reduction('0.0', (acc, v) => `${acc} + ${v}`),
  reduceMax: reduction('-INFINITY', (acc, v) => `ax_max(${acc}, ${v})`),
};
