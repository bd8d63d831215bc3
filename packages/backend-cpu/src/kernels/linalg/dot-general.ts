import { allocTyped } from '@addax/core';
import type { DotGeneralParams, KernelArg, Shape, ShapeDtype, TypedArray } from '@addax/core';
import { matmulBlocked } from './matmul.js';
import { isIdentity, offsetTable } from './offsets.js';

/** The free axes of an operand: neither contracted nor batched. */
function free(ndim: number, contracting: readonly number[], batch: readonly number[]): number[] {
  return globalThis.Array.from({ length: ndim }, (_, i) => i).filter(
    (i) => !contracting.includes(i) && !batch.includes(i),
  );
}

/** Offset tables of one operand's batch, free and contracting axes. */
interface OperandLayout {
  readonly batch: Int32Array;
  readonly free: Int32Array;
  readonly contracting: Int32Array;
  /** Whether the buffer is already `[batch, free, contracting]` (lhs) or `[batch, contracting, free]` (rhs). */
  readonly contiguous: boolean;
}

function layout(
  shape: Shape,
  contracting: readonly number[],
  batch: readonly number[],
  side: 'lhs' | 'rhs',
): OperandLayout {
  const f = free(shape.length, contracting, batch);
  return {
    batch: offsetTable(shape, batch),
    free: offsetTable(shape, f),
    contracting: offsetTable(shape, contracting),
    contiguous: isIdentity(
      side === 'lhs' ? [...batch, ...f, ...contracting] : [...batch, ...contracting, ...f],
    ),
  };
}

function layouts(
  lhs: KernelArg<TypedArray>,
  rhs: KernelArg<TypedArray>,
  p: DotGeneralParams,
): [OperandLayout, OperandLayout] {
  return [
    layout(lhs.shape, p.contractingDims[0], p.batchDims[0], 'lhs'),
    layout(rhs.shape, p.contractingDims[1], p.batchDims[1], 'rhs'),
  ];
}

/**
 * dotGeneral as the plain loop over output elements (batch, lhs free, rhs free) and the contracted
 * index, reading the operands in place through offset tables. float32 sums in float64 and rounds
 * once; int32 and uint32 wrap (`Math.imul`, `| 0`).
 *
 * @example
 * ```ts
 * dotGeneralReference(lhs, rhs, { contractingDims: [[1], [0]], batchDims: [[], []] }, out);
 * ```
 */
export function dotGeneralReference(
  lhs: KernelArg<TypedArray>,
  rhs: KernelArg<TypedArray>,
  p: DotGeneralParams,
  out: ShapeDtype,
): TypedArray {
  const [l, r] = layouts(lhs, rhs, p);
  const result = allocTyped(out.dtype, out.size);
  const a = lhs.buffer;
  const b = rhs.buffer;
  const int = out.dtype !== 'float32';
  let o = 0;
  for (let bi = 0; bi < l.batch.length; bi++) {
    for (let m = 0; m < l.free.length; m++) {
      const aBase = l.batch[bi]! + l.free[m]!;
      for (let n = 0; n < r.free.length; n++) {
        const bBase = r.batch[bi]! + r.free[n]!;
        let acc = 0;
        for (let k = 0; k < l.contracting.length; k++) {
          const x = a[aBase + l.contracting[k]!]!;
          const y = b[bBase + r.contracting[k]!]!;
          acc = int ? (acc + Math.imul(x, y)) | 0 : acc + x * y;
        }
        result[o++] = acc;
      }
    }
  }
  return result;
}

/** The operand's elements in `[batch, rows, cols]` order, gathered through its offset tables. */
function gather(src: Float32Array, batch: Int32Array, rows: Int32Array, cols: Int32Array): Float32Array {
  const dst = new Float32Array(batch.length * rows.length * cols.length);
  let o = 0;
  for (let bi = 0; bi < batch.length; bi++) {
    for (let i = 0; i < rows.length; i++) {
      const base = batch[bi]! + rows[i]!;
      for (let j = 0; j < cols.length; j++) dst[o++] = src[base + cols[j]!]!;
    }
  }
  return dst;
}

/**
 * dotGeneral for float32 by the blocked matmul: the operands laid out as `[batch, M, K]` and
 * `[batch, K, N]` (copied only if they are not already) and multiplied. Bit-identical to
 * {@link dotGeneralReference}, since the matmul sums in the same order and precision.
 *
 * @example
 * ```ts
 * dotGeneralFast(lhs, rhs, { contractingDims: [[1], [0]], batchDims: [[], []] });
 * ```
 */
export function dotGeneralFast(
  lhs: KernelArg<Float32Array>,
  rhs: KernelArg<Float32Array>,
  p: DotGeneralParams,
): Float32Array {
  const [l, r] = layouts(lhs, rhs, p);
  const a = l.contiguous ? lhs.buffer : gather(lhs.buffer, l.batch, l.free, l.contracting);
  const b = r.contiguous ? rhs.buffer : gather(rhs.buffer, r.batch, r.contracting, r.free);
  return matmulBlocked(a, b, l.batch.length, l.free.length, l.contracting.length, r.free.length);
}
