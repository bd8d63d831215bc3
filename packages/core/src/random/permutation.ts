import { Array } from '../array.js';
import { tidy } from '../eager.js';
import { DTypeError, ParameterError } from '../errors.js';
import { gatherAxis } from '../lax/gather.js';
import { iota } from '../lax/shape.js';
import { sort } from '../lax/sort.js';
import { normalizeAxis } from '../shape.js';
import { checkKey } from './check.js';
import { split, unstackKeys } from './split.js';
import { randomBits } from './threefry.js';

/** Options of {@link permutation}. */
export interface PermutationOptions {
  /** The axis along which to permute; default 0. */
  axis?: number;
}

/**
 * JAX's `_shuffle`: sort by fresh random 32-bit keys, for enough rounds that ties (which the
 * stable sort would leave in order) become unlikely, per tjablin's bound with exponent 3.
 */
function shuffle(key: Array, x: Array, axis: number): Array {
  const rounds = Math.ceil((3 * Math.log(Math.max(1, x.size))) / Math.log(0xffffffff));
  let k = key;
  let out = x;
  for (let r = 0; r < rounds; r++) {
    const [next, sub] = unstackKeys(split(k));
    k = next!;
    out = sort([randomBits('permutation', sub!, out.shape), out], axis, 1)[1]!;
  }
  return out;
}

/** The length a scalar `x` asks to permute: `arange(x)`. */
function rangeLength(x: number | Array): number {
  if (x instanceof Array && x.dtype !== 'int32' && x.dtype !== 'uint32') {
    throw new DTypeError(
      `permutation: x must be an integer or at least 1-dimensional, got ${x.aval.describe()}`,
    );
  }
  const n = x instanceof Array ? x.item() : x;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new ParameterError(`permutation: x must be a non-negative integer or an array, got ${String(n)}`);
  }
  return n;
}

/**
 * A random permutation of `arange(x)` for an integer `x`, or of `x`'s slices along `axis` (JAX's
 * `random.permutation`, bit-for-bit: a 1-D array is sorted by random keys; a higher one is indexed
 * by a permuted range).
 *
 * @example
 * ```ts
 * ax.random.permutation(ax.random.key(0), 5);                         // int32, a shuffle of 0..4
 * ax.random.permutation(ax.random.key(0), ax.eye(3), { axis: 1 });    // columns shuffled
 * ```
 */
export function permutation(key: Array, x: number | Array, options: PermutationOptions = {}): Array {
  const where = 'permutation';
  checkKey(where, key);
  const axisArg = options.axis ?? 0;
  if (!(x instanceof Array) || x.ndim === 0) {
    const n = rangeLength(x);
    normalizeAxis(axisArg, 1, where);
    return tidy(() => shuffle(key, iota('int32', [n], 0), 0));
  }
  const axis = normalizeAxis(axisArg, x.ndim, where);
  if (x.ndim === 1) return tidy(() => shuffle(key, x, axis));
  // The indices are a permutation of the axis, so no index is out of range and the mode is moot.
  return tidy(() => gatherAxis(x, shuffle(key, iota('int32', [x.shape[axis]!], 0), 0), axis, 'clip'));
}
