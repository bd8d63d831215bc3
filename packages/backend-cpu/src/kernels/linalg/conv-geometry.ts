import { stridesOf, type ConvParams, type KernelArg, type ShapeDtype, type TypedArray } from '@addax/core';
import { offsetTable } from './offsets.js';
import { WindowTaps } from './window-taps.js';

/** Everything conv's kernels need to index their operands, derived once per call. */
export interface ConvGeometry {
  readonly batch: number;
  readonly groups: number;
  /** Input features per group (the kernel's input-feature size). */
  readonly groupIn: number;
  /** Output features per group. */
  readonly groupOut: number;
  readonly lhsBatchStride: number;
  readonly lhsFeatureStride: number;
  readonly rhsOutStride: number;
  readonly rhsInStride: number;
  readonly outBatchStride: number;
  readonly outFeatureStride: number;
  /** The lhs spatial offsets each output position reads (-1: padding or hole). */
  readonly taps: WindowTaps;
  /** The rhs spatial offset of each kernel position, in the order of `taps`. */
  readonly kernelOffsets: Int32Array;
  /** The output spatial offset of each output position, in row-major order of the spatial axes. */
  readonly outOffsets: Int32Array;
}

/**
 * Conv's operands and output as batch, feature and spatial strides, with the window taps of the
 * spatial axes (strides, padding and both dilations folded in).
 *
 * @example
 * ```ts
 * const g = convGeometry(lhs, rhs, params, out);
 * g.taps.count; // kernel positions per output position
 * ```
 */
export function convGeometry(
  lhs: KernelArg<TypedArray>,
  rhs: KernelArg<TypedArray>,
  p: ConvParams,
  out: ShapeDtype,
): ConvGeometry {
  const { lhsSpec, rhsSpec, outSpec } = p.dimensionNumbers;
  const ls = stridesOf(lhs.shape);
  const rs = stridesOf(rhs.shape);
  const os = stridesOf(out.shape);
  const groups = p.featureGroupCount;
  const taps = new WindowTaps(
    lhsSpec.slice(2).map((axis, i) => ({
      size: lhs.shape[axis]!,
      stride: ls[axis]!,
      window: rhs.shape[rhsSpec[i + 2]!]!,
      windowStride: p.windowStrides[i]!,
      padLow: p.padding[i]![0],
      baseDilation: p.lhsDilation[i]!,
      windowDilation: p.rhsDilation[i]!,
      outSize: out.shape[outSpec[i + 2]!]!,
    })),
  );
  return {
    batch: lhs.shape[lhsSpec[0]!]!,
    groups,
    groupIn: rhs.shape[rhsSpec[1]!]!,
    groupOut: rhs.shape[rhsSpec[0]!]! / groups,
    lhsBatchStride: ls[lhsSpec[0]!]!,
    lhsFeatureStride: ls[lhsSpec[1]!]!,
    rhsOutStride: rs[rhsSpec[0]!]!,
    rhsInStride: rs[rhsSpec[1]!]!,
    outBatchStride: os[outSpec[0]!]!,
    outFeatureStride: os[outSpec[1]!]!,
    taps,
    kernelOffsets: offsetTable(rhs.shape, rhsSpec.slice(2)),
    outOffsets: offsetTable(out.shape, outSpec.slice(2)),
  };
}
