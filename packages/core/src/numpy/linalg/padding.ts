import { ParameterError } from '../../errors.js';

/** How a windowed operation pads: XLA's `'SAME'` or `'VALID'`, or explicit `[low, high]` pairs. */
export type WindowPadding = 'SAME' | 'VALID' | readonly (readonly [number, number])[];

/**
 * Explicit `[low, high]` padding per spatial axis. `'VALID'` pads nothing; `'SAME'` pads as XLA
 * does so that `out = ceil(in / stride)`: a total of `max((out - 1) * stride + window - in, 0)`,
 * the smaller half before. `windows` are the effective (dilated) window sizes.
 *
 * @example
 * ```ts
 * resolvePadding('conv', 'SAME', [5], [3], [2]); // [[1, 1]]
 * ```
 */
export function resolvePadding(
  where: string,
  padding: WindowPadding,
  sizes: readonly number[],
  windows: readonly number[],
  strides: readonly number[],
): [number, number][] {
  if (padding === 'VALID') return sizes.map(() => [0, 0]);
  if (padding === 'SAME') {
    return sizes.map((size, i) => {
      const stride = strides[i]!;
      const out = Math.ceil(size / stride);
      const total = Math.max((out - 1) * stride + windows[i]! - size, 0);
      const low = Math.floor(total / 2);
      return [low, total - low];
    });
  }
  const ok =
    globalThis.Array.isArray(padding) &&
    padding.length === sizes.length &&
    padding.every((p) => globalThis.Array.isArray(p) && p.length === 2 && p.every(Number.isInteger));
  if (!ok) {
    throw new ParameterError(
      `${where}: padding must be 'SAME', 'VALID' or ${sizes.length} integer [low, high] pairs, got ${JSON.stringify(padding)}`,
    );
  }
  return padding.map(([lo, hi]) => [lo, hi]);
}
