import type { ArrayLike } from '../array.js';
import type { DType } from '../dtype.js';
import { DTypeError } from '../errors.js';
import { promotedDType } from './convert.js';

/**
 * The promoted dtype of `xs`, with bool computed as int32: JAX's `promote_args_numeric`, for
 * operations with no boolean meaning (floor division, remainder, power, shifts).
 */
export function numericDType(xs: readonly ArrayLike[]): DType {
  const d = promotedDType(xs);
  return d === 'bool' ? 'int32' : d;
}

/**
 * The promoted dtype of `xs`, checked against `accepts`; a DTypeError naming the function and the
 * operands' dtypes otherwise.
 */
export function promotedIn(
  where: string,
  xs: readonly ArrayLike[],
  accepts: readonly DType[],
  d = promotedDType(xs),
): DType {
  if (!accepts.includes(d)) {
    const kinds = xs.map((x) => (typeof x === 'object' ? x.dtype : typeof x)).join(' and ');
    throw new DTypeError(
      `${where}: operands (${kinds}) promote to ${d}; ${where} accepts ${accepts.join(', ')}`,
    );
  }
  return d;
}
