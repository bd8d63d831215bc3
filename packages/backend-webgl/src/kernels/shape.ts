import type {
  BroadcastInDimParams,
  IotaParams,
  PadParams,
  ShapeDtype,
  SliceParams,
  TransposeParams,
} from '@addax/core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import {
  declareOutputCoords,
  MAX_RANK,
  outputCoords,
  program,
  runProgram,
  sample,
  view,
} from '../programs/program.js';
import type { GpuKernel, GpuOperand } from './gpu-kernel.js';

/**
 * Runs a program whose output element at `coords` reads operand A at `indexOf(coords)` (GLSL
 * integer expressions), or is `fill` where the guard `validOf(coords)` is false.
 */
function mapped(
  tf: MathBackendWebGL,
  operand: GpuOperand,
  out: ShapeDtype,
  indexOf: (coords: string[]) => string[],
  guard?: { validOf: (coords: string[]) => string; fill: GpuOperand },
): TensorInfo[] | undefined {
  if (operand.shape.length > MAX_RANK || out.shape.length > MAX_RANK) return undefined;
  const coords = outputCoords(out.shape.length);
  const index = operand.shape.length === 0 ? ['0'] : indexOf(coords);
  const read = sample('A', index);
  const main = guard
    ? `${declareOutputCoords(out.shape.length)}\nsetOutput((${guard.validOf(coords)}) ? ${read} : getB(0));`
    : `${declareOutputCoords(out.shape.length)}\nsetOutput(${read});`;
  const names = guard ? ['A', 'B'] : ['A'];
  const inputs = [view(operand.info, operand.shape), ...(guard ? [view(guard.fill.info, [1])] : [])];
  return [runProgram(tf, program(names, out.shape, main), inputs, out.shape)];
}

const transpose: GpuKernel = (tf, [x], params, [out]) => {
  const { permutation } = params as TransposeParams;
  return mapped(tf, x!, out!, (c) => {
    const index = new Array<string>(permutation.length);
    permutation.forEach((axis, j) => (index[axis] = c[j]!));
    return index;
  });
};

const broadcastInDim: GpuKernel = (tf, [x], params, [out]) => {
  const { broadcastDimensions } = params as BroadcastInDimParams;
  return mapped(tf, x!, out!, (c) => x!.shape.map((d, i) => (d === 1 ? '0' : c[broadcastDimensions[i]!]!)));
};

const slice: GpuKernel = (tf, [x], params, [out]) => {
  const { startIndices, strides } = params as SliceParams;
  return mapped(tf, x!, out!, (c) => c.map((e, i) => `${startIndices[i]} + ${e} * ${strides[i]}`));
};

const pad: GpuKernel = (tf, [x, fill], params, [out]) => {
  const { config } = params as PadParams;
  // Output position o along an axis comes from input position (o - low) / (interior + 1) when that
  // divides exactly and lands inside the operand; negative lows and highs crop.
  const t = (c: string[], i: number): string => `(${c[i]} - (${config[i]![0]}))`;
  const step = (i: number): number => config[i]![2] + 1;
  return mapped(tf, x!, out!, (c) => c.map((_, i) => `${t(c, i)} / ${step(i)}`), {
    fill: fill!,
    validOf: (c) =>
      x!.shape
        .map(
          (_, i) =>
            `${t(c, i)} >= 0 && ${t(c, i)} == (${t(c, i)} / ${step(i)}) * ${step(i)} && ` +
            `${t(c, i)} / ${step(i)} < ${x!.shape[i]}`,
        )
        .join(' && ') || 'true',
  });
};

const iota: GpuKernel = (tf, _operands, params, [out]) => {
  const { dimension, shape } = params as IotaParams;
  if (out!.dtype !== 'float32' || shape.length > MAX_RANK) return undefined;
  const c = outputCoords(shape.length);
  const main = `${declareOutputCoords(shape.length)}\nsetOutput(float(${c[dimension]}));`;
  const prog = program([], shape, main);
  return [runProgram(tf, prog, [], shape)];
};

const reshape: GpuKernel = (tf, [x], _params, [out]) => {
  // Unpacked textures are row-major, so a reshape is a new view of the same data, one more ref.
  tf.incRef(x!.info.dataId);
  return [{ dataId: x!.info.dataId, shape: [...out!.shape], dtype: 'float32' }];
};

/** Structural primitives as index-mapping shaders; reshape is a view. */
export const shapeKernels: Readonly<Record<string, GpuKernel>> = {
  transpose,
  broadcastInDim,
  slice,
  pad,
  iota,
  reshape,
};
