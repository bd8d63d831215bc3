import { sizeOf, stridesOf, type SortParams, type TypedArray } from '@addax/core';
import { SORT_COMPARE } from '@addax/glsl';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { onGpu, withTextures, type WebGLData } from '../data.js';
import {
  declareOutputCoords,
  MAX_RANK,
  outputCoords,
  program,
  runProgram,
  sample,
  view,
} from '../programs/program.js';
import type { HostKernel } from './gpu-kernel.js';

/**
 * Above this many (element, lane element) pairs a sort's quadratic shaders outgrow the CPU
 * reference's n log n sort, so longer lanes sort there (as large scatters do, see scatter.ts).
 */
const MAX_PAIRS = 2 ** 24;

/**
 * A stable sort along `dimension` in shaders, as backend-gpujs's: one ranks each element in its
 * lane (how many elements come before it by the keys, compared lexicographically with NaN last,
 * ties by position), then each operand's output position `r` takes its element of rank `r`, one
 * shader per operand. Integer operands (argsort's iota) stay on the host and move there by the
 * ranks read back. Integer keys live on the host too, where ranking them is the CPU reference's
 * sort itself, so a sort by them runs there.
 */
export const sort: HostKernel = (tf, operands, params) => {
  const { dimension, numKeys } = params as SortParams;
  const shape = operands[0]!.shape;
  const length = shape[dimension]!;
  const keys = operands.slice(0, numKeys);
  if (
    shape.length > MAX_RANK ||
    sizeOf(shape) * length > MAX_PAIRS ||
    keys.some((k) => !onGpu(k.dtype, k.shape)) ||
    operands.every((o) => o.buffer.kind === 'host')
  )
    return undefined;
  const coords = outputCoords(shape.length);
  const along = (j: string): string[] => coords.map((c, a) => (a === dimension ? j : c));
  const names = keys.map((_, m) => `K${m}`);
  const rankMain = [
    declareOutputCoords(shape.length),
    ...names.map((k) => `float self${k} = ${sample(k, coords)};`),
    'float rank = 0.0;',
    `for (int j = 0; j < ${length}; j++) {`,
    '  float c = 0.0;',
    ...names.map((k) => `  if (c == 0.0) c = sort_cmp(${sample(k, along('j'))}, self${k});`),
    `  if (c < 0.0 || (c == 0.0 && j < ${coords[dimension]!})) rank += 1.0;`,
    '}',
    'setOutput(rank);',
  ].join('\n');
  const ranks = withTextures(tf, keys, (infos) =>
    runProgram(
      tf,
      program(names, shape, rankMain, { helpers: SORT_COMPARE }),
      infos.map((info) => view(info, shape)),
      shape,
    ),
  );
  const pickMain = [
    declareOutputCoords(shape.length),
    'float v = 0.0;',
    `for (int k = 0; k < ${length}; k++) {`,
    `  if (${sample('R', along('k'))} == float(${coords[dimension]!})) {`,
    `    v = ${sample('A', along('k'))};`,
    '    break;',
    '  }',
    '}',
    'setOutput(v);',
  ].join('\n');
  const pick = (info: TensorInfo): WebGLData => ({
    kind: 'texture',
    info: runProgram(tf, program(['A', 'R'], shape, pickMain), [view(info, shape), ranks], shape),
  });
  try {
    let hostRanks: Float32Array | undefined;
    return operands.map((o) => {
      if (o.buffer.kind === 'texture') return pick(o.buffer.info);
      hostRanks ??= tf.readSync(ranks.dataId) as Float32Array;
      return { kind: 'host', data: permute(o.buffer.data, hostRanks, shape, dimension) };
    });
  } finally {
    tf.disposeData(ranks.dataId);
  }
};

/** `data` with each element moved to the position of its rank in its lane along `dimension`. */
function permute(
  data: TypedArray,
  ranks: Float32Array,
  shape: readonly number[],
  dimension: number,
): TypedArray {
  const stride = stridesOf(shape)[dimension]!;
  const length = shape[dimension]!;
  const out = data.slice();
  for (let p = 0; p < data.length; p++) {
    const k = Math.floor(p / stride) % length;
    out[p + (ranks[p]! - k) * stride] = data[p]!;
  }
  return out;
}
