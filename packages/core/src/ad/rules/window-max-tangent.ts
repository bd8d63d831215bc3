import type { Array } from '../../array.js';
import { scalar, zerosLike } from '../../creation.js';
import { eq, select } from '../../lax/comparison.js';
import { boxPoints } from '../../lax/linalg/window.js';
import { pad, slice } from '../../lax/shape.js';
import type { ReduceWindowParams } from '../../primitives/params.js';

/**
 * The tangent of `out = reduceWindowMax(x)` along `t`: per window, the tangent of the first element
 * (in row-major window order) that equals the maximum. XLA's select-and-gather is not a primitive
 * here, so it is a chain of selects over the window offsets, each picking a strided slice of the
 * padded tangent; the masks come from primals only, so the result is linear in `t` and transposes
 * through pad, slice and select.
 *
 * @example
 * ```ts
 * windowMaxTangent(x, reduceWindowMax(x, p), t, p); // the shape of the output
 * ```
 */
export function windowMaxTangent(x: Array, out: Array, t: Array, p: ReduceWindowParams): Array {
  // Padding and holes never win against a real element, so they hold -Infinity (and no tangent).
  const config = p.padding.map(([lo, hi], i) => [lo, hi, p.baseDilation[i]! - 1] as const);
  const paddedX = pad(x, scalar(-Infinity, x.dtype), config);
  const paddedT = pad(t, scalar(0, t.dtype), config);
  const windowAt = (padded: Array, offset: readonly number[]): Array => {
    const start = offset.map((k, i) => k * p.windowDilation[i]!);
    const limit = start.map((b, i) => b + (out.shape[i]! - 1) * p.windowStrides[i]! + 1);
    return slice(padded, start, limit, p.windowStrides);
  };
  // Walking the offsets backwards leaves the first maximal one as the outermost select.
  let tangent = zerosLike(out);
  for (const offset of boxPoints(p.windowDimensions).reverse()) {
    tangent = select(eq(windowAt(paddedX, offset), out), windowAt(paddedT, offset), tangent);
  }
  return tangent;
}
