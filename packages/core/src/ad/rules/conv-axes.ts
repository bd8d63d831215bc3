import type { Array } from '../../array.js';
import { reshape } from '../../lax/shape.js';
import { moveAxis } from '../../batching/batch-trace.js';

/**
 * `x` with axis `src` merged into axis `dst` as its major part (JAX's `_reshape_axis_into`);
 * `dst` counts axes after `src` is removed, so it can name an axis of the unbatched layout when
 * `src` is a batch axis.
 *
 * @example
 * ```ts
 * reshapeAxisInto(0, 1, zeros([2, 3, 4])).shape; // [3, 8], the size-2 axis major in the 8
 * ```
 */
export function reshapeAxisInto(src: number, dst: number, x: Array): Array {
  const moved = moveAxis(x, src, dst);
  const shape = moved.shape.filter((_, i) => i !== dst + 1);
  shape[dst] = moved.shape[dst]! * moved.shape[dst + 1]!;
  return reshape(moved, shape);
}

/**
 * `x` with axis `src` split into `[major, size / major]` (JAX's `_reshape_axis_out_of`).
 *
 * @example
 * ```ts
 * reshapeAxisOutOf(1, 2, zeros([3, 8])).shape; // [3, 2, 4]
 * ```
 */
export function reshapeAxisOutOf(src: number, major: number, x: Array): Array {
  const shape = [...x.shape];
  shape.splice(src, 1, major, x.shape[src]! / major);
  return reshape(x, shape);
}
