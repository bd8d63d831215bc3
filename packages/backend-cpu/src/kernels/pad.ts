import {
  allocTyped,
  stridesOf,
  type KernelArg,
  type PadParams,
  type ShapeDtype,
  type TypedArray,
} from '@addax/core';
import { copyBlock } from './strided.js';

/**
 * pad as the plain loop over the operand: element i of axis a lands at low + i * (interior + 1),
 * and those that land outside were cropped. The output offset and the count of axes whose
 * coordinate is outside move with the index. {@link pad} is tested against it.
 *
 * @example
 * ```ts
 * padReference(x, padValue, { config: [[1, 0, 1]] }, out); // [v, x0, v, x1, ...]
 * ```
 */
export function padReference(
  x: KernelArg<TypedArray>,
  padValue: KernelArg<TypedArray>,
  { config }: PadParams,
  out: ShapeDtype,
): TypedArray {
  const result = allocTyped(out.dtype, out.size);
  result.fill(padValue.buffer[0]!);
  const { shape } = x;
  const outShape = out.shape;
  const outStrides = stridesOf(outShape);
  const steps = config.map(([, , interior], a) => (interior + 1) * outStrides[a]!);
  const lows = config.map(([low]) => low);
  const pos = [...lows];
  const inside = (a: number): boolean => pos[a]! >= 0 && pos[a]! < outShape[a]!;
  let outside = pos.filter((_, a) => !inside(a)).length;
  let offset = lows.reduce((sum, low, a) => sum + low * outStrides[a]!, 0);
  const index = shape.map(() => 0);
  const src = x.buffer;
  for (let i = 0; i < src.length; i++) {
    if (outside === 0) result[offset] = src[i]!;
    for (let a = shape.length - 1; a >= 0; a--) {
      const was = inside(a);
      const wrap = ++index[a]! === shape[a]!;
      if (wrap) {
        index[a] = 0;
        pos[a] = lows[a]!;
        offset -= (shape[a]! - 1) * steps[a]!;
      } else {
        pos[a]! += config[a]![2] + 1;
        offset += steps[a]!;
      }
      outside += Number(was) - Number(inside(a));
      if (!wrap) break;
    }
  }
  return result;
}

/**
 * {@link padReference}, fast: the output filled with the padding value, then the operand elements
 * that land inside it (per axis, a range of indices, found by division) copied as one strided block.
 *
 * @example
 * ```ts
 * pad(x, padValue, { config: [[1, 0, 1]] }, out); // equals padReference(x, padValue, ...)
 * ```
 */
export function pad(
  x: KernelArg<TypedArray>,
  padValue: KernelArg<TypedArray>,
  { config }: PadParams,
  out: ShapeDtype,
): TypedArray {
  const result = allocTyped(out.dtype, out.size);
  result.fill(padValue.buffer[0]!);
  const inStrides = stridesOf(x.shape);
  const outStrides = stridesOf(out.shape);
  let srcBase = 0;
  let dstBase = 0;
  const block = x.shape.map((size, a) => {
    const [low, , interior] = config[a]!;
    const step = interior + 1;
    // Indices i with 0 <= low + i * step < out.shape[a].
    const first = Math.max(0, Math.ceil(-low / step));
    const last = Math.min(size - 1, Math.floor((out.shape[a]! - 1 - low) / step));
    srcBase += first * inStrides[a]!;
    dstBase += (low + first * step) * outStrides[a]!;
    return Math.max(0, last - first + 1);
  });
  copyBlock(
    x.buffer,
    srcBase,
    inStrides,
    result,
    dstBase,
    outStrides.map((s, a) => s * (config[a]![2] + 1)),
    block,
  );
  return result;
}
