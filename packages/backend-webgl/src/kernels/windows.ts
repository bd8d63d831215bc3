import { sizeOf, stridesOf, type ReduceWindowParams } from '@addax/core';
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
 * A window reduction as one loop per output element over the window's offsets. Along each axis
 * the position `out * stride - low + offset * windowDilation` of the base-dilated, padded operand
 * is an operand element when it is non-negative, divides by the base dilation, and lands inside;
 * padding and base-dilation holes contribute the fold's identity, `init`.
 */
function windowReduction(init: string, fold: (acc: string, v: string) => string): GpuKernel {
  return (tf, [x], params, [out]) => {
    const { windowDimensions, windowStrides, padding, baseDilation, windowDilation } =
      params as ReduceWindowParams;
    const shape = x!.shape;
    if (shape.length === 0 || shape.length > MAX_RANK) return undefined;
    const coords = outputCoords(shape.length);
    const strides = stridesOf(windowDimensions);
    const lines = shape.map((_, a) => {
      const offset = `imod(w / ${strides[a]}, ${windowDimensions[a]})`;
      return `int p${a} = ${coords[a]} * ${windowStrides[a]} - ${padding[a]![0]} + ${offset} * ${windowDilation[a]};`;
    });
    const inside = shape
      .map(
        (d, a) =>
          `p${a} >= 0 && p${a} == (p${a} / ${baseDilation[a]}) * ${baseDilation[a]} && p${a} / ${baseDilation[a]} < ${d}`,
      )
      .join(' && ');
    const read = sample(
      'A',
      shape.map((_, a) => `p${a} / ${baseDilation[a]}`),
    );
    const main = [
      declareOutputCoords(shape.length),
      `float acc = ${init};`,
      `for (int w = 0; w < ${sizeOf(windowDimensions)}; w++) {`,
      ...lines.map((l) => `  ${l}`),
      `  float v = (${inside}) ? ${read} : ${init};`,
      `  acc = ${fold('acc', 'v')};`,
      '}',
      'setOutput(acc);',
    ].join('\n');
    const prog = program(['A'], out!.shape, main, { helpers: GLSL_HELPERS });
    return [runProgram(tf, prog, [view(x!.info, shape)], out!.shape)];
  };
}

/** reduceWindowSum and reduceWindowMax (pooling) as window loops. */
export const windowKernels: Readonly<Record<string, GpuKernel>> = {
  reduceWindowSum: windowReduction('0.0', (acc, v) => `${acc} + ${v}`),
  reduceWindowMax: windowReduction('-INFINITY', (acc, v) => `ax_max(${acc}, ${v})`),
};
