import { sizeOf, stridesOf, type ArgReduceParams, type AxesParams } from '@addax/core';
import { toDtypeArray } from '../data.js';
import { GLSL_HELPERS } from '../programs/glsl-ops.js';
import {
  declareOutputCoords,
  MAX_RANK,
  outputCoords,
  program,
  readBack,
  runProgram,
  sample,
  view,
} from '../programs/program.js';
import type { GpuKernel, HostKernel } from './gpu-kernel.js';

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

/**
 * argmax (`better` is `>`) or argmin (`<`) along one axis in a shader, as backend-cpu's: the
 * first NaN if there is one, else the first element no later one beats (so of -0 and 0, the
 * first). The index is exact in a float below 2^24 and comes back as the host array an int32
 * output is.
 */
function argBest(better: '>' | '<'): HostKernel {
  return (tf, [x], params, [out]) => {
    const { axis } = params as ArgReduceParams;
    const shape = x!.shape;
    const length = shape[axis]!;
    if (x!.buffer.kind !== 'texture' || shape.length > MAX_RANK || length > 2 ** 24) return undefined;
    const coords = outputCoords(out!.shape.length);
    const at = (j: string): string =>
      sample(
        'A',
        shape.map((_, a) => (a === axis ? j : coords[a < axis ? a : a - 1]!)),
      );
    const main = [
      declareOutputCoords(out!.shape.length),
      `float best = ${at('0')};`,
      'float index = 0.0;',
      `for (int j = 1; j < ${length}; j++) {`,
      '  if (isnan(best)) break;',
      `  float v = ${at('j')};`,
      `  if (isnan(v) || v ${better} best) {`,
      '    best = v;',
      '    index = float(j);',
      '  }',
      '}',
      'setOutput(index);',
    ].join('\n');
    const prog = program(['A'], out!.shape, main);
    const index = runProgram(tf, prog, [view(x!.buffer.info, shape)], out!.shape);
    return [{ kind: 'host', data: toDtypeArray(readBack(tf, index), out!.dtype) }];
  };
}

/** argmax and argmin, a loop per output element along the axis; their int32 results on the host. */
export const argKernels: Readonly<Record<'argmax' | 'argmin', HostKernel>> = {
  argmax: argBest('>'),
  argmin: argBest('<'),
};
