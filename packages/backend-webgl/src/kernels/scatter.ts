import { sizeOf, type ScatterParams } from '@addax/core';
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
 * Above this many (output element, index vector) pairs the shader's work outgrows the CPU
 * reference's single pass over the updates, so larger scatters run there (a shader that long can
 * also outlast a GPU driver's watchdog).
 */
const MAX_PAIRS = 2 ** 24;

/**
 * XLA's scatter with addition as one shader, the way tfjs's ScatterNd does it: each output element
 * loops over every index vector (a constant bound, as WebGL1 requires), finds that window's start
 * like gather (clamped; `fill` mode drops windows that clamping moved) and adds the update element
 * that lands on it. Indices are uploaded as floats, exact below 2^24.
 */
export const scatterAdd: GpuKernel = (tf, [x, indices, updates], params, [out]) => {
  const { updateWindowDims, insertedWindowDims, scatterDimsToOperandDims, mode } = params as ScatterParams;
  const shape = x!.shape;
  const updShape = updates!.shape;
  const batchAxes = updShape.map((_, a) => a).filter((a) => !updateWindowDims.includes(a));
  const batchSizes = batchAxes.map((a) => updShape[a]!);
  const vectors = sizeOf(batchSizes);
  const windowAxes = shape.map((_, a) => a).filter((a) => !insertedWindowDims.includes(a));
  const windowSize = shape.map(() => 1);
  windowAxes.forEach((axis, k) => (windowSize[axis] = updShape[updateWindowDims[k]!]!));
  if (
    out!.dtype !== 'float32' ||
    [shape, indices!.shape, updShape].some((s) => s.length > MAX_RANK) ||
    shape.length === 0 ||
    shape.some((d, a) => windowSize[a]! > d) ||
    vectors * sizeOf(shape) > MAX_PAIRS
  )
    return undefined;
  const coords = outputCoords(shape.length);
  const lines: string[] = [];
  let stride = vectors;
  batchSizes.forEach((size, j) => {
    stride /= size;
    lines.push(`int q${j} = v / ${stride};`, `int b${j} = q${j} - (q${j} / ${size}) * ${size};`);
  });
  const batch = batchSizes.map((_, j) => `b${j}`);
  lines.push('bool hit = true;');
  const start = shape.map(() => '0');
  scatterDimsToOperandDims.forEach((axis, k) => {
    const hi = shape[axis]! - windowSize[axis]!;
    lines.push(`float s${k} = ${sample('B', [...batch, String(k)])};`);
    if (mode === 'fill') lines.push(`if (s${k} < 0.0 || s${k} > ${hi}.0) hit = false;`);
    lines.push(`int start${k} = int(clamp(s${k}, 0.0, ${hi}.0));`);
    start[axis] = `start${k}`;
  });
  shape.forEach((_, a) => {
    lines.push(
      `int r${a} = ${coords[a]} - ${start[a]};`,
      `if (r${a} < 0 || r${a} >= ${windowSize[a]}) hit = false;`,
    );
  });
  const at = updShape.map((_, u) => {
    const w = updateWindowDims.indexOf(u);
    return w >= 0 ? `r${windowAxes[w]}` : batch[batchAxes.indexOf(u)]!;
  });
  // A scalar update is viewed as shape [1] (see view).
  lines.push(`if (hit) sum += ${sample('C', at.length === 0 ? ['0'] : at)};`);
  const main = [
    declareOutputCoords(shape.length),
    `float sum = ${sample('A', coords)};`,
    `for (int v = 0; v < ${vectors}; v++) {`,
    ...lines,
    '}',
    'setOutput(sum);',
  ].join('\n');
  const prog = program(['A', 'B', 'C'], shape, main, { helpers: GLSL_HELPERS });
  const inputs = [view(x!.info, shape), view(indices!.info, indices!.shape), view(updates!.info, updShape)];
  return [runProgram(tf, prog, inputs, shape)];
};
