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

/** The reductions with a shader, as a start value and a fold step. */
export const REDUCTIONS = {
  reduceSum: { init: '0.0', fold: (acc: string, v: string) => `${acc} + ${v}` },
  // NaN propagating, +0 above -0, as ax_max does elementwise.
  reduceMax: { init: '-INFINITY', fold: (acc: string, v: string) => `ax_max(${acc}, ${v})` },
} as const;

export type ReductionName = keyof typeof REDUCTIONS;

/**
 * GLSL declaring float `target` as the reduction over `axes` of input `name` (of `shape`) for the
 * output element whose kept coordinates are `coords`: one loop with a constant trip count, as
 * WebGL1's GLSL requires.
 */
export function reductionLines(
  kind: ReductionName,
  name: string,
  shape: readonly number[],
  axes: readonly number[],
  coords: readonly string[],
  target: string,
): string[] {
  const { init, fold } = REDUCTIONS[kind];
  const reduced = axes.map((a) => shape[a]!);
  const strides = stridesOf(reduced);
  const kept = shape.map((_, a) => a).filter((a) => !axes.includes(a));
  const loop = `r_${target}`;
  const index = shape.map((_, a) => {
    const k = kept.indexOf(a);
    if (k >= 0) return coords[k]!;
    const j = axes.indexOf(a);
    return `imod(${loop} / ${strides[j]}, ${reduced[j]})`;
  });
  return [
    `float ${target} = ${init};`,
    `for (int ${loop} = 0; ${loop} < ${sizeOf(reduced)}; ${loop}++) {`,
    `  ${target} = ${fold(target, sample(name, shape.length === 0 ? ['0'] : index))};`,
    '}',
  ];
}

function reduction(kind: ReductionName): GpuKernel {
  return (tf, [x], params, [out]) => {
    const { axes } = params as AxesParams;
    const shape = x!.shape;
    if (shape.length > MAX_RANK || out!.shape.length > MAX_RANK) return undefined;
    const coords = outputCoords(out!.shape.length);
    const main = [
      declareOutputCoords(out!.shape.length),
      ...reductionLines(kind, 'A', shape, axes, coords, 'acc'),
      'setOutput(acc);',
    ].join('\n');
    const prog = program(['A'], out!.shape, main, { helpers: GLSL_HELPERS });
    return [runProgram(tf, prog, [view(x!.info, shape)], out!.shape)];
  };
}

/** reduceSum and reduceMax, each a loop per output element over the reduced axes. */
export const reductionKernels: Readonly<Record<ReductionName, GpuKernel>> = {
  reduceSum: reduction('reduceSum'),
  reduceMax: reduction('reduceMax'),
};
