import { Array } from '../array.js';
import { array, scalar } from '../creation.js';
import { tidy } from '../eager.js';
import { DTypeError, ParameterError, ShapeError } from '../errors.js';
import { cast } from '../lax/elementwise.js';
import { pad, reshape } from '../lax/shape.js';

/**
 * A raw threefry PRNG key from an integer seed: JAX's `random.PRNGKey(seed)` (`threefry_seed`)
 * with 64-bit types off, so the key is `[0, seed mod 2^32]` and negative seeds wrap (`-1` gives
 * `[0, 4294967295]`). The seed is a safe JS integer, or a scalar int32/uint32 array (so that keys
 * can be made inside transformations).
 *
 * @example
 * ```ts
 * const k = ax.random.key(0);  // uint32 [0, 0]
 * const x = ax.random.normal(k, [3]);
 * ```
 */
export function key(seed: number | Array): Array {
  if (seed instanceof Array) {
    if (seed.ndim !== 0) throw new ShapeError(`key: the seed must be a scalar, got ${seed.aval.describe()}`);
    if (seed.dtype !== 'int32' && seed.dtype !== 'uint32') {
      throw new DTypeError(
        `key: the seed must have an integer dtype (int32 or uint32), got ${seed.aval.describe()}`,
      );
    }
    return tidy(() => pad(reshape(cast(seed, 'uint32'), [1]), scalar(0, 'uint32'), [[1, 0, 0]]));
  }
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new ParameterError(`key: the seed must be an integer (a safe JS integer), got ${String(seed)}`);
  }
  // JAX without x64 holds the seed in 32 bits, so the high word is zero; `>>> 0` is the exact
  // residue modulo 2^32 of any integer.
  return array([0, seed >>> 0], 'uint32');
}
