import * as ax from '@addax/core';
import { createCpuBackend } from '@addax/backend-cpu';

/** A backend with one planted bug, and the primitives whose checks must therefore fail. */
export interface BrokenBackend {
  readonly name: string;
  readonly bug: string;
  readonly primitives: readonly string[];
  readonly create: () => ax.Backend<ax.TypedArray>;
}

type Kernels = ax.KernelsFor<ax.PrimitiveName, ax.TypedArray>;

/** backend-cpu's kernels, which each broken backend wraps. */
export const cpu = createCpuBackend({ name: 'broken-base' }).kernels as ax.KernelTable<ax.TypedArray> &
  Kernels;

/**
 * backend-cpu (all kernels, or only `only`) with `replaced` kernels swapped in and no fusion
 * compiler (whose fused loops would bypass the planted bug under jit).
 */
export function broken(
  name: string,
  bug: string,
  primitives: readonly string[],
  replaced: Partial<Kernels>,
  only?: readonly string[],
): BrokenBackend {
  const create = (): ax.Backend<ax.TypedArray> => {
    const base = createCpuBackend({ name, ...(only && { only }) });
    const { fusion: _fusion, ...rest } = base;
    return { ...rest, kernels: { ...base.kernels, ...replaced } as ax.KernelTable<ax.TypedArray> };
  };
  return { name, bug, primitives, create };
}

/** `x`'s buffer with each element passed through `f`, in the same TypedArray type. */
export function mapBuffer(
  x: ax.KernelArg<ax.TypedArray>,
  f: (v: number, i: number) => number,
): ax.TypedArray {
  const out = x.buffer.slice();
  for (let i = 0; i < out.length; i++) out[i] = f(x.buffer[i]!, i);
  return out;
}
