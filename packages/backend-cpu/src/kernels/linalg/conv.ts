import { allocTyped } from '@addax/core';
import type { ConvParams, KernelArg, ShapeDtype, TypedArray } from '@addax/core';
import { convGeometry } from './conv-geometry.js';
import { matmulBlocked } from './matmul.js';

/**
 * conv as the plain loop: for each output element, the sum over its group's input features and the
 * kernel positions of input times weight. Padding and lhs-dilation holes are zeros that are
 * multiplied like any value (as in XLA, so `0 * Infinity` is NaN there too). float32 sums in
 * float64 over (input feature, kernel position) ascending; integers wrap.
 *
 * @example
 * ```ts
 * convReference(lhs, rhs, params, out);
 * ```
 */
export function convReference(
  lhs: KernelArg<TypedArray>,
  rhs: KernelArg<TypedArray>,
  p: ConvParams,
  out: ShapeDtype,
): TypedArray {
  const g = convGeometry(lhs, rhs, p, out);
  const result = allocTyped(out.dtype, out.size);
  const x = lhs.buffer;
  const w = rhs.buffer;
  const int = out.dtype !== 'float32';
  const q = g.taps.count;
  const positions = g.outOffsets.length;
  for (let position = 0; position < positions; position++, g.taps.advance()) {
    const taps = g.taps.current;
    for (let b = 0; b < g.batch; b++) {
      for (let oc = 0; oc < g.groups * g.groupOut; oc++) {
        const group = Math.floor(oc / g.groupOut);
        let acc = 0;
        for (let ic = 0; ic < g.groupIn; ic++) {
          const xBase = b * g.lhsBatchStride + (group * g.groupIn + ic) * g.lhsFeatureStride;
          const wBase = oc * g.rhsOutStride + ic * g.rhsInStride;
          for (let k = 0; k < q; k++) {
            const v = taps[k]! < 0 ? 0 : x[xBase + taps[k]!]!;
            const weight = w[wBase + g.kernelOffsets[k]!]!;
            acc = int ? (acc + Math.imul(v, weight)) | 0 : acc + v * weight;
          }
        }
        result[b * g.outBatchStride + oc * g.outFeatureStride + g.outOffsets[position]!] = acc;
      }
    }
  }
  return result;
}

/**
 * float32 conv as one blocked matmul per feature group (im2col): the input patches laid out as
 * `[group, batch * positions, inFeatures * kernelPositions]`, the weights as
 * `[group, inFeatures * kernelPositions, outFeatures]`. The contraction runs in the reference's
 * order, so the result is bit-identical to {@link convReference}.
 *
 * @example
 * ```ts
 * convIm2col(lhs, rhs, params, out);
 * ```
 */
export function convIm2col(
  lhs: KernelArg<Float32Array>,
  rhs: KernelArg<Float32Array>,
  p: ConvParams,
  out: ShapeDtype,
): Float32Array {
  const g = convGeometry(lhs, rhs, p, out);
  const q = g.taps.count;
  const positions = g.outOffsets.length;
  const rows = g.batch * positions;
  const depth = g.groupIn * q;
  const x = lhs.buffer;
  const patches = new Float32Array(g.groups * rows * depth);
  for (let position = 0; position < positions; position++, g.taps.advance()) {
    const taps = g.taps.current;
    for (let group = 0; group < g.groups; group++) {
      for (let b = 0; b < g.batch; b++) {
        let o = ((group * g.batch + b) * positions + position) * depth;
        for (let ic = 0; ic < g.groupIn; ic++) {
          const xBase = b * g.lhsBatchStride + (group * g.groupIn + ic) * g.lhsFeatureStride;
          for (let k = 0; k < q; k++, o++) patches[o] = taps[k]! < 0 ? 0 : x[xBase + taps[k]!]!;
        }
      }
    }
  }
  const weights = new Float32Array(g.groups * depth * g.groupOut);
  const w = rhs.buffer;
  for (let group = 0; group < g.groups; group++) {
    for (let ic = 0; ic < g.groupIn; ic++) {
      for (let k = 0; k < q; k++) {
        const row = (group * depth + ic * q + k) * g.groupOut;
        for (let oc = 0; oc < g.groupOut; oc++) {
          weights[row + oc] =
            w[(group * g.groupOut + oc) * g.rhsOutStride + ic * g.rhsInStride + g.kernelOffsets[k]!]!;
        }
      }
    }
  }
  const product = matmulBlocked(patches, weights, g.groups, rows, depth, g.groupOut);
  const result = new Float32Array(out.size);
  let i = 0;
  for (let group = 0; group < g.groups; group++) {
    for (let b = 0; b < g.batch; b++) {
      for (let position = 0; position < positions; position++) {
        const base = b * g.outBatchStride + g.outOffsets[position]!;
        for (let oc = 0; oc < g.groupOut; oc++, i++) {
          result[base + (group * g.groupOut + oc) * g.outFeatureStride] = product[i]!;
        }
      }
    }
  }
  return result;
}
