import { stridesOf, type Shape, type TypedArray } from '@addax/core';

/**
 * Advances the multi-index `index` of `shape` to the next element in row-major order, wrapping to
 * all zeros after the last one.
 */
export function nextIndex(index: number[], shape: Shape): void {
  for (let a = shape.length - 1; a >= 0; a--) {
    if (++index[a]! < shape[a]!) return;
    index[a] = 0;
  }
}

/**
 * Writes into `dst`, in row-major order over `shape`, the elements of `src` at
 * `base + sum(index[a] * strides[a])`, one element at a time: the plain loop {@link copyStrided}
 * is tested against.
 *
 * @example
 * ```ts
 * copyStridedReference(new Float32Array([1, 2, 3, 4]), dst, [2, 2], [1, 2], 0); // dst: [1, 3, 2, 4]
 * ```
 */
export function copyStridedReference(
  src: TypedArray,
  dst: TypedArray,
  shape: Shape,
  strides: readonly number[],
  base: number,
): void {
  const index = shape.map(() => 0);
  for (let o = 0; o < dst.length; o++) {
    let offset = base;
    for (let a = 0; a < shape.length; a++) offset += index[a]! * strides[a]!;
    dst[o] = src[offset]!;
    nextIndex(index, shape);
  }
}

/** A block of elements: per axis its size and its stride in the source and the destination. */
interface Block {
  readonly shape: number[];
  readonly from: number[];
  readonly to: number[];
}

/**
 * The block with size-1 axes dropped and each axis merged into the one before it when both
 * buffers step over it as one longer axis, so the inner loop runs as long as it can.
 */
function merged(shape: Shape, from: readonly number[], to: readonly number[]): Block {
  const block: Block = { shape: [], from: [], to: [] };
  for (let a = 0; a < shape.length; a++) {
    const size = shape[a]!;
    if (size === 1) continue;
    const last = block.shape.length - 1;
    if (last >= 0 && block.from[last] === from[a]! * size && block.to[last] === to[a]! * size) {
      block.shape[last]! *= size;
      block.from[last] = from[a]!;
      block.to[last] = to[a]!;
    } else {
      block.shape.push(size);
      block.from.push(from[a]!);
      block.to.push(to[a]!);
    }
  }
  return block.shape.length > 0 ? block : { shape: [1], from: [0], to: [0] };
}

/**
 * Copies the block of `shape` from `src` (first element at `srcBase`, axis strides `srcStrides`)
 * to `dst` (at `dstBase`, strides `dstStrides`): the last merged axis as a tight loop, the others
 * walked by an odometer that moves both offsets.
 *
 * @example
 * ```ts
 * copyBlock(src, 0, [4, 1], dst, 1, [8, 2], [2, 4]); // a 2x4 block into every other slot of dst
 * ```
 */
export function copyBlock(
  src: TypedArray,
  srcBase: number,
  srcStrides: readonly number[],
  dst: TypedArray,
  dstBase: number,
  dstStrides: readonly number[],
  shape: Shape,
): void {
  if (shape.some((d) => d === 0)) return;
  const { shape: dims, from, to } = merged(shape, srcStrides, dstStrides);
  const last = dims.length - 1;
  const n = dims[last]!;
  const step = from[last]!;
  const put = to[last]!;
  const index = new Int32Array(last);
  let rows = 1;
  for (let a = 0; a < last; a++) rows *= dims[a]!;
  let s = srcBase;
  let d = dstBase;
  for (let r = 0; r < rows; r++) {
    if (step === 1 && put === 1) {
      for (let j = 0; j < n; j++) dst[d + j] = src[s + j]!;
    } else {
      for (let j = 0, sj = s, dj = d; j < n; j++, sj += step, dj += put) dst[dj] = src[sj]!;
    }
    for (let a = last - 1; a >= 0; a--) {
      s += from[a]!;
      d += to[a]!;
      if (++index[a]! < dims[a]!) break;
      s -= from[a]! * dims[a]!;
      d -= to[a]! * dims[a]!;
      index[a] = 0;
    }
  }
}

/**
 * {@link copyStridedReference}, fast: the same copy by {@link copyBlock}. Transpose, slice, rev
 * and broadcast are this with different strides.
 *
 * @example
 * ```ts
 * copyStrided(new Float32Array([1, 2, 3, 4]), dst, [2, 2], [1, 2], 0); // dst: [1, 3, 2, 4]
 * ```
 */
export function copyStrided(
  src: TypedArray,
  dst: TypedArray,
  shape: Shape,
  strides: readonly number[],
  base: number,
): void {
  copyBlock(src, base, strides, dst, 0, stridesOf(shape), shape);
}
