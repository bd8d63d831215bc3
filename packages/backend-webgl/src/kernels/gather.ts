import type { GatherParams } from '@addax/core';
import { floatLiteral, GLSL_HELPERS } from '../programs/glsl-ops.js';
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
 * XLA's gather as one shader: each output element finds its index vector (a texel of the indices,
 * uploaded as floats, exact below 2^24), its window start along `startIndexMap` (clamped into
 * range; `fill` mode gives `fillValue` where clamping moved it), and reads the operand there.
 */
export const gather: GpuKernel = (tf, [x, indices], params, [out]) => {
  const { offsetDims, collapsedSliceDims, startIndexMap, sliceSizes, mode, fillValue } =
    params as GatherParams;
  const shape = x!.shape;
  const outShape = out!.shape;
  if ([shape, indices!.shape, outShape].some((s) => s.length > MAX_RANK) || shape.length === 0)
    return undefined;
  const coords = outputCoords(outShape.length);
  const batch = outShape.map((_, a) => a).filter((a) => !offsetDims.includes(a));
  const windowAxes = shape.map((_, a) => a).filter((a) => !collapsedSliceDims.includes(a));
  const lines: string[] = ['bool inBounds = true;'];
  const start = shape.map(() => '0');
  startIndexMap.forEach((axis, k) => {
    const at = [...batch.map((b) => coords[b]!), String(k)];
    const hi = shape[axis]! - sliceSizes[axis]!;
    lines.push(`float s${k} = ${sample('B', at)};`);
    lines.push(`if (s${k} < 0.0 || s${k} > ${hi}.0) inBounds = false;`);
    lines.push(`int start${k} = int(clamp(s${k}, 0.0, ${hi}.0));`);
    start[axis] = `start${k}`;
  });
  const index = shape.map((_, a) => {
    const w = windowAxes.indexOf(a);
    return w >= 0 ? `${start[a]} + ${coords[offsetDims[w]!]}` : start[a]!;
  });
  const read = sample('A', index);
  const result = mode === 'fill' ? `inBounds ? ${read} : ${floatLiteral(fillValue)}` : read;
  const main = [declareOutputCoords(outShape.length), ...lines, `setOutput(${result});`].join('\n');
  const prog = program(['A', 'B'], outShape, main, { helpers: GLSL_HELPERS });
  return [runProgram(tf, prog, [view(x!.info, shape), view(indices!.info, indices!.shape)], outShape)];
};
