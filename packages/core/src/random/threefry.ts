import type { Array } from '../array.js';
import { scalar } from '../creation.js';
import { ParameterError } from '../errors.js';
import { threefry2x32 } from '../lax/random.js';
import { broadcastInDim, concatenate, iota, pad, reshape, slice } from '../lax/shape.js';
import { formatShape, sizeOf, type Shape } from '../shape.js';

/** The largest count JAX hashes in one block; beyond it JAX switches to per-block subkeys. */
const MAX_COUNT = 0xffffffff;

/** Word `i` (0 or 1) of every key in a batch `[...B, 2]`, as an array of shape `B`. */
function keyWord(keys: Array, i: number): Array {
  const batch = keys.shape.slice(0, -1);
  return reshape(slice(keys, [...batch.map(() => 0), i], [...batch, i + 1]), batch);
}

/**
 * JAX's `threefry_2x32(key, count)` for every key of a batch `[...B, 2]` and a flat uint32 `count`
 * `[n]`: the count is split in halves (padded with one 0 when `n` is odd) that form the two counter
 * words, and the two output words are concatenated and trimmed back to `n`. Returns `[...B, n]`.
 */
export function threefryHash(keys: Array, counts: Array): Array {
  const batch = keys.shape.slice(0, -1);
  const n = counts.shape[0]!;
  const half = Math.ceil(n / 2);
  const padded = n % 2 === 1 ? pad(counts, scalar(0, 'uint32'), [[0, 1, 0]]) : counts;
  const shape = [...batch, half];
  const keyAxes = batch.map((_, i) => i);
  const k0 = broadcastInDim(keyWord(keys, 0), shape, keyAxes);
  const k1 = broadcastInDim(keyWord(keys, 1), shape, keyAxes);
  const x0 = broadcastInDim(slice(padded, [0], [half]), shape, [batch.length]);
  const x1 = broadcastInDim(slice(padded, [half], [2 * half]), shape, [batch.length]);
  const [y0, y1] = threefry2x32(k0, k1, x0, x1);
  const out = concatenate([y0, y1], batch.length);
  return n === 2 * half ? out : slice(out, [...batch.map(() => 0), 0], [...batch, n]);
}

/**
 * JAX's classic `threefry_random_bits` at 32 bits: the hash of the counts `0 .. size-1` under each
 * key of `keys` (`[...B, 2]`), shaped `[...B, ...shape]`.
 */
export function randomBits(where: string, keys: Array, shape: Shape): Array {
  const size = sizeOf(shape);
  if (size >= MAX_COUNT) {
    throw new ParameterError(
      `${where}: shape ${formatShape(shape)} has ${size} elements; at most ${MAX_COUNT - 1} are supported`,
    );
  }
  const bits = threefryHash(keys, iota('uint32', [size], 0));
  return reshape(bits, [...keys.shape.slice(0, -1), ...shape]);
}
