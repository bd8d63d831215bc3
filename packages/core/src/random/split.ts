import { Array, type ArrayLike } from '../array.js';
import { array, scalar } from '../creation.js';
import { tidy } from '../eager.js';
import { DTypeError, ParameterError, ShapeError } from '../errors.js';
import { cast } from '../lax/elementwise.js';
import { iota, pad, reshape, slice } from '../lax/shape.js';
import { checkKey } from './check.js';
import { threefryHash } from './threefry.js';

/**
 * `num` new keys from `key`, as JAX's classic `random.split`: the hash of the counts `0 .. 2num-1`,
 * read as `num` pairs. A batch of keys `[..., 2]` splits each key, giving `[..., num, 2]`.
 *
 * @example
 * ```ts
 * const keys = ax.random.split(ax.random.key(0)); // [[4146024105, 967050713], [2718843009, 1272950319]]
 * ```
 */
export function split(key: Array, num = 2): Array {
  checkKey('split', key, true);
  if (!Number.isInteger(num) || num < 0 || 2 * num >= 0xffffffff) {
    throw new ParameterError(`split: num must be a non-negative integer below 2^31, got ${num}`);
  }
  const batch = key.shape.slice(0, -1);
  return tidy(() => reshape(threefryHash(key, iota('uint32', [2 * num], 0)), [...batch, num, 2]));
}

/** The 32-bit word JAX folds in: an int32 or uint32 scalar, negative int32 values wrapping. */
function foldInWord(data: ArrayLike): Array {
  if (data instanceof Array) {
    if (data.ndim !== 0) throw new ShapeError(`foldIn: data must be a scalar, got ${data.aval.describe()}`);
    if (data.dtype !== 'int32' && data.dtype !== 'uint32') {
      throw new DTypeError(
        `foldIn: data must have an integer dtype (int32 or uint32), got ${data.aval.describe()}`,
      );
    }
    return pad(reshape(cast(data, 'uint32'), [1]), scalar(0, 'uint32'), [[1, 0, 0]]);
  }
  if (typeof data !== 'number' || !Number.isInteger(data) || data < -(2 ** 31) || data >= 2 ** 32) {
    throw new ParameterError(`foldIn: data must be a 32-bit integer in [-2^31, 2^32), got ${String(data)}`);
  }
  return array([0, data >>> 0], 'uint32');
}

/**
 * A new key that is a deterministic function of `key` and the 32-bit integer `data` (JAX's
 * `random.fold_in`: the hash of the counts `[0, data]`). A batch of keys folds each key.
 *
 * @example
 * ```ts
 * const stepKey = ax.random.foldIn(ax.random.key(0), 4); // [2285895361, 433833334]
 * ```
 */
export function foldIn(key: Array, data: ArrayLike): Array {
  checkKey('foldIn', key, true);
  return tidy(() => threefryHash(key, foldInWord(data)));
}

/** The keys of a batch `[n, 2]` as `n` separate keys, as Python's `k1, k2 = split(key)`. */
export function unstackKeys(keys: Array): Array[] {
  const n = keys.shape[0]!;
  return globalThis.Array.from({ length: n }, (_, i) => reshape(slice(keys, [i, 0], [i + 1, 2]), [2]));
}
