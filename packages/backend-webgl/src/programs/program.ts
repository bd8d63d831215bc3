import type { GPGPUProgram } from '@tensorflow/tfjs-backend-webgl';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';

/** The most axes tfjs-backend-webgl's shader samplers address. */
export const MAX_RANK = 6;

const COMPONENTS = ['x', 'y', 'z', 'w', 'u', 'v'];

/** GLSL for each axis of `getOutputCoords()`'s result in a program of this output rank. */
export function outputCoords(rank: number): string[] {
  if (rank <= 1) return ['coords'];
  return COMPONENTS.slice(0, rank).map((c) => `coords.${c}`);
}

/** The GLSL line declaring `coords`, the output element's index, in a program of this output rank. */
export function declareOutputCoords(rank: number): string {
  return `${rank <= 1 ? 'int' : `ivec${rank}`} coords = getOutputCoords();`;
}

/** The sampler call reading input `name` (e.g. `A`) at the GLSL index expressions `index`. */
export function sample(name: string, index: readonly string[]): string {
  return `get${name}(${index.join(', ')})`;
}

/** A tensor view of texture data under another shape (unpacked textures are row-major). */
export function view(info: TensorInfo, shape: readonly number[]): TensorInfo {
  return { dataId: info.dataId, shape: shape.length === 0 ? [1] : [...shape], dtype: 'float32' };
}

/**
 * An unpacked float32 program over inputs `names`, writing one float per output element. A
 * `shapeGeneric` program (its source names no size) takes its shapes as uniforms, so one compiled
 * shader serves every shape of a rank: compiling is what costs most on software GL.
 */
export function program(
  names: readonly string[],
  outputShape: readonly number[],
  main: string,
  options: { helpers?: string; shapeGeneric?: boolean } = {},
): GPGPUProgram {
  return {
    variableNames: [...names],
    outputShape: outputShape.length === 0 ? [1] : [...outputShape],
    userCode: `${options.helpers ?? ''}\nvoid main() {\n${main}\n}`,
    enableShapeUniforms: options.shapeGeneric ?? false,
  };
}

/** Runs `prog` and returns its output with the caller's shape. */
export function runProgram(
  tf: MathBackendWebGL,
  prog: GPGPUProgram,
  inputs: readonly TensorInfo[],
  shape: readonly number[],
): TensorInfo {
  const out = tf.runWebGLProgram(prog, [...inputs], 'float32');
  return { dataId: out.dataId, shape: [...shape], dtype: 'float32' };
}

/** Reads a program's output back to the host (waiting for the GPU) and frees its texture. */
export function readBack(tf: MathBackendWebGL, info: TensorInfo): Float32Array {
  try {
    return tf.readSync(info.dataId) as Float32Array;
  } finally {
    tf.disposeData(info.dataId);
  }
}
