import type { Array, ArrayLike } from '../array.js';
import { array } from '../creation.js';
import { op } from '../eager.js';
import { ParameterError } from '../errors.js';
import { gatherAxis } from '../lax/gather.js';
import { broadcastInDim, pad as laxPad, reshape, rev } from '../lax/shape.js';
import { normalizeAxes, normalizeAxis } from '../shape.js';
import { asArray } from './convert.js';
import type { Axes } from './shape.js';

function checkCount(where: string, name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new ParameterError(`${where}: ${name} must be non-negative integers, got ${value}`);
  }
  return value;
}

/**
 * `jnp.flip`: reverses the order of elements along `axis` (all axes when omitted).
 *
 * @example
 * ```ts
 * ax.flip(ax.array([[1, 2], [3, 4]]), 1); // [[2, 1], [4, 3]]
 * ax.flip(ax.array([[1, 2], [3, 4]]));    // [[4, 3], [2, 1]]
 * ```
 */
export const flip = op((x: ArrayLike, axis?: Axes): Array => {
  const a = asArray(x);
  if (axis === undefined) return rev(a, [...a.shape.keys()]);
  return rev(a, normalizeAxes(typeof axis === 'number' ? [axis] : axis, a.ndim, 'flip', 'axis'));
});

/**
 * `jnp.tile`: `x` repeated `reps` times along each axis. Shorter `reps` apply to the trailing
 * axes; longer ones add leading axes to `x`.
 *
 * @example
 * ```ts
 * ax.tile(ax.array([1, 2]), 2);      // [1, 2, 1, 2]
 * ax.tile(ax.array([1, 2]), [2, 1]); // [[1, 2], [1, 2]]
 * ```
 */
export const tile = op((x: ArrayLike, reps: number | readonly number[]): Array => {
  const a = asArray(x);
  const r = (typeof reps === 'number' ? [reps] : reps).map((v) => checkCount('tile', 'reps', v));
  const ndim = Math.max(a.ndim, r.length);
  const ones = (k: number): number[] => new globalThis.Array<number>(k).fill(1);
  const shape = [...ones(ndim - a.ndim), ...a.shape];
  const counts = [...ones(ndim - r.length), ...r];
  // Axis i of x becomes axis 2i+1 of [r0, d0, r1, d1, ...]; merging each pair tiles that axis.
  const spread = broadcastInDim(
    reshape(a, shape),
    shape.flatMap((d, i) => [counts[i]!, d]),
    shape.map((_, i) => 2 * i + 1),
  );
  return reshape(
    spread,
    shape.map((d, i) => d * counts[i]!),
  );
});

/**
 * `jnp.repeat`: each element repeated along `axis` (of the flattened `x` when omitted), either
 * `repeats` times or, with one count per element, `repeats[i]` times.
 *
 * @example
 * ```ts
 * ax.repeat(ax.array([1, 2]), 2);                    // [1, 1, 2, 2]
 * ax.repeat(ax.array([[1, 2], [3, 4]]), [1, 2], 0);  // [[1, 2], [3, 4], [3, 4]]
 * ```
 */
export const repeat = op((x: ArrayLike, repeats: number | readonly number[], axis?: number | null): Array => {
  const where = 'repeat';
  const input = asArray(x);
  const a = axis === undefined || axis === null ? reshape(input, [input.size]) : input;
  const at = axis === undefined || axis === null ? 0 : normalizeAxis(axis, a.ndim, where);
  const n = a.shape[at]!;
  const counts = typeof repeats === 'number' ? [repeats] : repeats;
  counts.forEach((c) => checkCount(where, 'repeats', c));
  if (counts.length === 1) {
    const r = counts[0]!;
    // [..., n, r, ...] with each element broadcast along the new axis, then merged into the axis.
    const spread = broadcastInDim(
      a,
      [...a.shape.slice(0, at + 1), r, ...a.shape.slice(at + 1)],
      a.shape.map((_, i) => (i <= at ? i : i + 1)),
    );
    return reshape(
      spread,
      a.shape.map((d, i) => (i === at ? d * r : d)),
    );
  }
  if (counts.length !== n) {
    throw new ParameterError(
      `${where}: repeats has ${counts.length} counts but axis ${at} of ${a.aval.describe()} has ${n} elements`,
    );
  }
  const indices = counts.flatMap((c, i) => new globalThis.Array<number>(c).fill(i));
  return gatherAxis(a, array(indices, 'int32'), at, 'clip');
});

/** Pad widths as numpy takes them: one for all, `[before, after]` for all, or one pair per axis. */
export type PadWidth = number | readonly number[] | readonly (readonly number[])[];

/** Options of {@link pad}. */
export interface PadOptions {
  /** The value padded with, converted to `x`'s dtype; default 0. */
  readonly constantValues?: number | boolean;
}

function padPairs(where: string, padWidth: PadWidth, ndim: number): [number, number][] {
  const pair = (p: number | readonly number[]): [number, number] => {
    const [before, after] = typeof p === 'number' ? [p, p] : p.length === 1 ? [p[0], p[0]] : p;
    if (before === undefined || after === undefined || (typeof p !== 'number' && p.length > 2)) {
      throw new ParameterError(`${where}: each padWidth entry must be a width or a [before, after] pair`);
    }
    return [checkCount(where, 'padWidth entries', before), checkCount(where, 'padWidth entries', after)];
  };
  const forEachAxis = (p: number | readonly number[]): [number, number][] => {
    const both = pair(p);
    return globalThis.Array.from({ length: ndim }, () => both);
  };
  if (typeof padWidth === 'number') return forEachAxis(padWidth);
  if (padWidth.every((p) => typeof p === 'number')) return forEachAxis(padWidth as readonly number[]);
  const pairs = padWidth as readonly (readonly number[])[];
  if (pairs.length === 1) return forEachAxis(pairs[0]!);
  if (pairs.length !== ndim) {
    throw new ParameterError(`${where}: padWidth has ${pairs.length} pairs for an array of rank ${ndim}`);
  }
  return pairs.map(pair);
}

/**
 * `jnp.pad` in constant mode: `padWidth` elements of `constantValues` (default 0) added before and
 * after each axis.
 *
 * @example
 * ```ts
 * ax.pad(ax.array([1, 2]), 1);                            // [0, 1, 2, 0]
 * ax.pad(ax.array([[1]]), [[0, 1], [2, 0]], { constantValues: 9 }); // [[9, 9, 1], [9, 9, 9]]
 * ```
 */
export const pad = op((x: ArrayLike, padWidth: PadWidth, options: PadOptions = {}): Array => {
  const a = asArray(x);
  const pairs = padPairs('pad', padWidth, a.ndim);
  const value = asArray(options.constantValues ?? 0, a.dtype);
  return laxPad(
    a,
    value,
    pairs.map(([before, after]) => [before, after, 0]),
  );
});
