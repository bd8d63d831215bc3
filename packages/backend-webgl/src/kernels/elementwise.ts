import { sizeOf } from '@addax/core';
import { GLSL_PRIMITIVES, glslOf, helpersFor } from '../programs/glsl-ops.js';
import { program, runProgram, view } from '../programs/program.js';
import type { GpuKernel } from './gpu-kernel.js';

const NAMES = ['A', 'B', 'C'];

function elementwise(name: string): GpuKernel {
  return (tf, operands, params, outputs) => {
    const out = outputs[0]!;
    const glsl = glslOf(
      name,
      operands.map((x) => x.dtype),
      out.dtype,
      params,
    );
    if (!glsl) return undefined;
    // Every operand has the output's shape, so each is read flat at the output's flat index.
    const n = sizeOf(out.shape);
    const names = NAMES.slice(0, operands.length);
    const reads = names.map((v) => `float ${v.toLowerCase()} = get${v}AtOutCoords();`);
    const main = `${reads.join('\n')}\nsetOutput(${glsl(...names.map((v) => v.toLowerCase()))});`;
    const inputs = operands.map((x) => view(x.info, [n]));
    return [
      runProgram(
        tf,
        program(names, [n], main, { helpers: helpersFor([name]), shapeGeneric: true }),
        inputs,
        out.shape,
      ),
    ];
  };
}

/** One-op shaders for the elementwise primitives that have GLSL (glsl-ops.ts). */
export const elementwiseKernels: Readonly<Record<string, GpuKernel>> = Object.fromEntries(
  GLSL_PRIMITIVES.map((name) => [name, elementwise(name)]),
);
