import * as ax from '@addax/core';
import type { HostArray } from './host.js';

/**
 * `x` with its float32 subnormals flushed to zero of the same sign (other dtypes unchanged): how a
 * backend that declares `flushesSubnormals` sees operands and writes results.
 *
 * @example
 * ```ts
 * flushSubnormals(hostArray('float32', [2], [2 ** -149, 1])).data; // Float32Array [0, 1]
 * ```
 */
export function flushSubnormals(x: HostArray): HostArray {
  return { ...x, data: ax.flushSubnormals(x.data, x.dtype) };
}

/**
 * Runs `check` (a comparison with the reference computed from `inputs`), and for a backend that
 * declares `flushesSubnormals`, once more with the inputs' subnormals flushed when the first
 * fails: such a backend reads a subnormal as zero, so near a kink (relu at -2^-149) it may
 * follow the flushed input. Throws the first comparison's error if neither passes.
 *
 * @example
 * ```ts
 * await againstReference('webgl', args, (xs) => xs.map(flushSubnormals), async (xs) => compare(xs));
 * ```
 */
export async function againstReference<T>(
  backend: string,
  inputs: T,
  flush: (inputs: T) => T,
  check: (inputs: T) => Promise<void>,
): Promise<void> {
  try {
    await check(inputs);
  } catch (first) {
    if (ax.findBackend(backend).flushesSubnormals !== true) throw first;
    try {
      await check(flush(inputs));
    } catch {
      throw first;
    }
  }
}
