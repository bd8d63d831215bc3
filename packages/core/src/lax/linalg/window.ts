import { ParameterError } from '../../errors.js';
import { formatShape } from '../../shape.js';

/**
 * `values` checked to be `n` integers of at least `min`, else a ParameterError naming the
 * primitive, the parameter and what it should be.
 *
 * @example
 * ```ts
 * checkIntList('conv', 'windowStrides', [1, 2], 2, 1); // [1, 2]
 * ```
 */
export function checkIntList(
  where: string,
  param: string,
  values: readonly number[],
  n: number,
  min: number,
): number[] {
  if (!globalThis.Array.isArray(values) || values.length !== n) {
    throw new ParameterError(`${where}: ${param} must have ${n} entries, got ${formatList(values)}`);
  }
  for (const v of values) {
    if (!Number.isInteger(v) || v < min) {
      throw new ParameterError(`${where}: ${param} ${formatShape(values)} must hold integers >= ${min}`);
    }
  }
  return [...values];
}

/**
 * `padding` checked to be `n` integer `[low, high]` pairs (negative values crop).
 *
 * @example
 * ```ts
 * checkPadding('conv', [[1, 1], [0, 2]], 2); // [[1, 1], [0, 2]]
 * ```
 */
export function checkPadding(
  where: string,
  padding: readonly (readonly [number, number])[],
  n: number,
): [number, number][] {
  const ok =
    globalThis.Array.isArray(padding) &&
    padding.length === n &&
    padding.every((p) => globalThis.Array.isArray(p) && p.length === 2 && p.every(Number.isInteger));
  if (!ok) {
    throw new ParameterError(
      `${where}: padding must be ${n} integer [low, high] pairs, got ${JSON.stringify(padding)}`,
    );
  }
  return padding.map(([lo, hi]) => [lo, hi]);
}

function formatList(values: unknown): string {
  return globalThis.Array.isArray(values) ? formatShape(values as number[]) : JSON.stringify(values);
}

/** The geometry of one axis of a windowed operation (conv or reduceWindow). */
export interface WindowAxis {
  readonly size: number;
  readonly window: number;
  readonly stride: number;
  readonly padding: readonly [number, number];
  readonly baseDilation: number;
  readonly windowDilation: number;
}

/**
 * The number of window positions along one axis, as XLA counts them: the operand dilated
 * (`baseDilation - 1` holes between elements) and padded, the window dilated likewise, and one
 * output per stride at which the whole window fits.
 *
 * @example
 * ```ts
 * windowOutputSize({ size: 5, window: 3, stride: 2, padding: [1, 1], baseDilation: 1, windowDilation: 1 }); // 3
 * ```
 */
export function windowOutputSize(axis: WindowAxis): number {
  const dilatedSize = axis.size === 0 ? 0 : (axis.size - 1) * axis.baseDilation + 1;
  const padded = dilatedSize + axis.padding[0] + axis.padding[1];
  const dilatedWindow = (axis.window - 1) * axis.windowDilation + 1;
  return padded < dilatedWindow ? 0 : Math.floor((padded - dilatedWindow) / axis.stride) + 1;
}

/**
 * Every point of the box `sizes` in row-major order (a single empty point for no axes): the window
 * offsets decompositions iterate over.
 *
 * @example
 * ```ts
 * boxPoints([2, 2]); // [[0, 0], [0, 1], [1, 0], [1, 1]]
 * ```
 */
export function boxPoints(sizes: readonly number[]): number[][] {
  let points: number[][] = [[]];
  for (const n of sizes) {
    const next: number[][] = [];
    for (const p of points) for (let i = 0; i < n; i++) next.push([...p, i]);
    points = next;
  }
  return points;
}

/**
 * The inverse of a permutation: `inverse[perm[i]] = i`.
 *
 * @example
 * ```ts
 * inversePermutation([2, 0, 1]); // [1, 2, 0]
 * ```
 */
export function inversePermutation(perm: readonly number[]): number[] {
  const out = perm.map(() => 0);
  perm.forEach((p, i) => {
    out[p] = i;
  });
  return out;
}
