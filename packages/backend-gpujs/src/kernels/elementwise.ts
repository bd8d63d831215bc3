import type { KernelArg, PrimitiveName } from '@addax/core';
import type { GpujsBuffer } from '../buffer.js';
import { functionsFor } from '@addax/glsl';
import { BOOL_OPS, FLOAT_OPS, type ElementwiseOp } from '../ops.js';
import { allOnDevice, type GpuKernel, type GpuKernels } from './kernel.js';

/** The op table for operands of this dtype (select's branches decide, as do comparisons' operands). */
function opFor(name: PrimitiveName, operands: readonly KernelArg<GpujsBuffer>[]): ElementwiseOp | undefined {
  return (operands.at(-1)!.dtype === 'bool' ? BOOL_OPS : FLOAT_OPS)[name];
}

/**
 * `float name(float x0, ..., float nan, float inf)` running `statements` and returning `result`,
 * with the GLSL functions it calls (`helpers`) inside its source: gpu.js only emits the native
 * functions a kernel's JavaScript calls, and reads a native function's signature from its start,
 * hence the prototype first.
 */
export function bodyFunction(
  name: string,
  arity: number,
  result: string,
  helpers: readonly string[] = [],
  statements = '',
): string {
  const params = Array.from({ length: arity }, (_, k) => `float x${k}`).join(', ');
  const signature = `float ${name}(${params}${arity ? ', ' : ''}float nan, float inf)`;
  const body = `${signature} { ${statements} return ${result}; }`;
  return helpers.length ? `${signature};\n${helpers.join('\n')}\n${body}` : body;
}

function elementwise(name: PrimitiveName): GpuKernel<unknown> {
  return {
    accepts: (operands, outputs) => allOnDevice(operands, outputs) && opFor(name, operands) !== undefined,
    run: (rt, operands, _params, [out]) => {
      const args = operands.map((_, k) => `x${k}`);
      const body = bodyFunction('body', operands.length, opFor(name, operands)!(args), functionsFor([name]));
      const reads = operands.map((_, k) => `a${k}[i], `).join('');
      return [
        rt.run(
          { main: `return body(${reads}NAN, INF);`, natives: [body] },
          out!.size,
          operands.map((o) => rt.input(o)),
        ),
      ];
    },
  };
}

const NAMES = [...new Set([...Object.keys(FLOAT_OPS), ...Object.keys(BOOL_OPS)])] as PrimitiveName[];

/** Every elementwise primitive in the op tables, and `cast` between float32 and bool. */
export const elementwiseKernels: GpuKernels = {
  ...Object.fromEntries(NAMES.map((n) => [n, elementwise(n)])),
  cast: {
    run: (rt, [x], { dtype }, [out]) => {
      const expr = dtype === 'bool' && x!.dtype === 'float32' ? '(x0 != 0.0 ? 1.0 : 0.0)' : 'x0';
      const body = bodyFunction('body', 1, expr);
      return [rt.run({ main: 'return body(a0[i], NAN, INF);', natives: [body] }, out!.size, [rt.input(x!)])];
    },
  },
};
