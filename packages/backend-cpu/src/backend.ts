import { type Backend, type Kernel, type KernelTable, type TypedArray } from '@addax/core';
import { cpuFusion } from './fusion/compile.js';
import { kernels } from './kernels/index.js';

/** Options of {@link createCpuBackend}. */
export interface CpuBackendOptions {
  /** The registered name; default `cpu`. */
  name?: string;
  /**
   * Keep only these kernels (the minimal set is always required), so every other primitive runs
   * its decomposition: how tests check kernels against decompositions.
   */
  only?: readonly string[];
}

/**
 * The reference backend: every primitive as a plain loop over TypedArrays. A buffer is the
 * TypedArray itself; arrays are immutable, so kernels never write into their operands.
 *
 * @example
 * ```ts
 * import * as ax from '@addax/core';
 * import { createCpuBackend } from '@addax/backend-cpu';
 * ax.registerBackend('cpu-decomposed', () => createCpuBackend({ name: 'cpu-decomposed', only: ax.MINIMAL_PRIMITIVES }));
 * ```
 */
export function createCpuBackend(options: CpuBackendOptions = {}): Backend<TypedArray> {
  const name = options.name ?? 'cpu';
  const { only } = options;
  const table: Record<string, Kernel<never, TypedArray> | undefined> = only
    ? Object.fromEntries(Object.entries(kernels).filter(([key]) => only.includes(key)))
    : { ...kernels };
  return {
    name,
    description: only
      ? `CPU reference, ${Object.keys(table).length} kernels, the rest decomposed`
      : 'CPU reference',
    kernels: table as KernelTable<TypedArray>,
    upload: (data: TypedArray) => data,
    read: (buffer: TypedArray) => Promise.resolve(buffer.slice()),
    readSync: (buffer: TypedArray) => buffer.slice(),
    dispose: () => undefined,
    fusion: cpuFusion(table),
  };
}
