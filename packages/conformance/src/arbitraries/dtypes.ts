import fc from 'fast-check';
import * as ax from '@addax/core';

/** Dtypes a numeric primitive takes. */
export const NUMERIC: readonly ax.DType[] = ['float32', 'int32', 'uint32'];
/** Dtypes a bitwise primitive takes. */
export const INTEGRAL: readonly ax.DType[] = ['bool', 'int32', 'uint32'];
/** Integer dtypes. */
export const INTEGER: readonly ax.DType[] = ['int32', 'uint32'];

/**
 * One of `allowed` (every dtype by default), float32 (the dtype models compute in, with the most
 * edge cases) twice as often as each other dtype.
 *
 * @example
 * ```ts
 * fc.sample(dtypeArb(['int32', 'uint32']), 2); // e.g. ['uint32', 'int32']
 * ```
 */
export function dtypeArb(allowed: readonly ax.DType[] = ax.DTYPES): fc.Arbitrary<ax.DType> {
  return fc.oneof(...allowed.map((d) => ({ arbitrary: fc.constant(d), weight: d === 'float32' ? 2 : 1 })));
}
